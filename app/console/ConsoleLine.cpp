#include "console/ConsoleLine.h"

#include "docker/ShellWords.h"

namespace lab {
namespace {

constexpr std::string_view kSleep = "@sleep";

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && isBlank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isBlank(text.back()))
        text.remove_suffix(1);
    return text;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

ConsoleLine invalid(std::string message) {
    ConsoleLine line;
    line.kind = ConsoleLine::Kind::Invalid;
    line.error = std::move(message);
    return line;
}

ConsoleLine sleepLine(std::string_view directive) {
    // record.sh prints what follows "@sleep " untouched; the number itself may be padded.
    const std::string_view rest = directive.substr(kSleep.size());
    if (!rest.empty() && !isBlank(rest.front()))
        return invalid("unknown directive \"" + std::string(directive) +
                       "\" (the console knows @sleep SECONDS)");
    auto duration = parseSeconds(trimmed(rest));
    if (!duration)
        return invalid("@sleep: " + duration.error().message);
    ConsoleLine line;
    line.kind = ConsoleLine::Kind::Sleep;
    line.sleep = *duration;
    line.sleepText = std::string(rest.substr(1)); // rest is not empty: parseSeconds("") fails
    return line;
}

} // namespace

Expected<Duration> parseSeconds(std::string_view text) {
    const auto bad = [&] {
        return Error{"expected a number of seconds such as 2 or 0.5, got \"" + std::string(text) +
                     "\""};
    };
    const std::size_t point = text.find('.');
    const std::string_view whole = text.substr(0, point);
    const std::string_view fraction =
        point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    if (whole.empty() && fraction.empty())
        return bad();
    for (const std::string_view digits : {whole, fraction})
        for (const char c : digits)
            if (!isDigit(c))
                return bad();
    // A week of engine time is plenty for a lesson, and what a week costs the simulation (a
    // restart a minute per container) stays quick.
    constexpr std::string_view kWeek = "604800";
    const std::string_view digits =
        whole.substr(std::min(whole.find_first_not_of('0'), whole.size()));
    if (digits.size() > kWeek.size() || (digits.size() == kWeek.size() && digits > kWeek) ||
        (digits == kWeek && fraction.find_first_not_of('0') != std::string_view::npos))
        return Error{"at most 604800 seconds (a week of engine time), got \"" + std::string(text) +
                     "\""};
    std::int64_t nanoseconds = 0;
    for (const char c : whole)
        nanoseconds = nanoseconds * 10 + (c - '0');
    nanoseconds *= 1'000'000'000;
    std::int64_t scale = 100'000'000;
    for (std::size_t i = 0; i < fraction.size() && scale > 0; ++i, scale /= 10)
        nanoseconds += (fraction[i] - '0') * scale;
    return Duration(nanoseconds);
}

ConsoleLine readConsoleLine(std::string_view text) {
    const std::string_view content = trimmed(text);
    if (content.empty() || content.front() == '#')
        return {};
    if (content.front() == '@') {
        if (content.substr(0, kSleep.size()) == kSleep)
            return sleepLine(content);
        return invalid("unknown directive \"" + std::string(content) +
                       "\" (the console knows @sleep SECONDS)");
    }
    auto words = docker::splitShellWords(content);
    if (!words)
        return invalid(words.error().message);
    ConsoleLine line;
    line.kind = ConsoleLine::Kind::Docker;
    line.args = std::move(*words);
    line.saidDocker = !line.args.empty() && line.args.front() == "docker";
    if (line.saidDocker)
        line.args.erase(line.args.begin());
    return line;
}

} // namespace lab
