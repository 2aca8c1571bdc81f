#include "docker/Signals.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <utility>

namespace lab::docker {
namespace {

constexpr int kRtMin = 34; // Go's linux SIGRTMIN (glibc keeps 32 and 33 for itself)
constexpr int kRtMax = 64;

// Linux's SignalMap, canonical names first; CLD, IOT and POLL are the aliases it also knows.
constexpr std::array<std::pair<std::string_view, int>, 34> kNamed{{
    {"HUP", 1},   {"INT", 2},     {"QUIT", 3},  {"ILL", 4},     {"TRAP", 5},  {"ABRT", 6},
    {"BUS", 7},   {"FPE", 8},     {"KILL", 9},  {"USR1", 10},   {"SEGV", 11}, {"USR2", 12},
    {"PIPE", 13}, {"ALRM", 14},   {"TERM", 15}, {"STKFLT", 16}, {"CHLD", 17}, {"CONT", 18},
    {"STOP", 19}, {"TSTP", 20},   {"TTIN", 21}, {"TTOU", 22},   {"URG", 23},  {"XCPU", 24},
    {"XFSZ", 25}, {"VTALRM", 26}, {"PROF", 27}, {"WINCH", 28},  {"IO", 29},   {"PWR", 30},
    {"SYS", 31},  {"CLD", 17},    {"IOT", 6},   {"POLL", 29},
}};

// RTMIN, RTMIN+1..RTMIN+15, RTMAX-14..RTMAX-1, RTMAX.
std::optional<int> realtimeNumber(std::string_view name) {
    const auto offset = [](std::string_view digits) -> std::optional<int> {
        int value = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (ec != std::errc{} || end != digits.data() + digits.size() || digits.empty() ||
            digits.front() == '0' || value < 1 || value > 15)
            return std::nullopt;
        return value;
    };
    if (name == "RTMIN")
        return kRtMin;
    if (name == "RTMAX")
        return kRtMax;
    if (name.starts_with("RTMIN+"))
        if (const auto k = offset(name.substr(6)))
            return kRtMin + *k;
    if (name.starts_with("RTMAX-"))
        if (const auto k = offset(name.substr(6)); k && *k <= 14)
            return kRtMax - *k;
    return std::nullopt;
}

// Go's strconv.Atoi for 64-bit int: optional sign, decimal digits, nothing else.
std::optional<std::int64_t> goAtoi(std::string_view text) {
    std::string_view digits = text;
    const bool negative = !digits.empty() && digits.front() == '-';
    if (!digits.empty() && (digits.front() == '+' || digits.front() == '-'))
        digits.remove_prefix(1);
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    std::uint64_t magnitude = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
    const std::uint64_t limit = negative ? std::uint64_t{INT64_MAX} + 1 : INT64_MAX;
    if (ec != std::errc{} || end != digits.data() + digits.size() || magnitude > limit)
        return std::nullopt;
    return negative ? static_cast<std::int64_t>(0 - magnitude)
                    : static_cast<std::int64_t>(magnitude);
}

} // namespace

Expected<std::int64_t> parseSignal(std::string_view text) {
    const Error invalid{"Invalid signal: " + std::string(text)};
    if (const auto number = goAtoi(text)) {
        if (*number == 0)
            return invalid;
        return *number;
    }
    std::string name(text);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    std::string_view key = name;
    if (key.starts_with("SIG"))
        key.remove_prefix(3);
    for (const auto& [known, number] : kNamed)
        if (key == known)
            return std::int64_t{number};
    if (const auto number = realtimeNumber(key))
        return std::int64_t{*number};
    return invalid;
}

Status checkLinuxSignal(std::int64_t number) {
    if ((number >= 1 && number <= 31) || (number >= kRtMin && number <= kRtMax))
        return Ok{};
    return Error{"The linux daemon does not support signal " +
                 std::to_string(static_cast<std::uint64_t>(number))};
}

std::string signalName(std::int64_t number) {
    for (const auto& [known, value] : kNamed)
        if (value == number)
            return std::string(known);
    if (number == kRtMin)
        return "RTMIN";
    if (number == kRtMax)
        return "RTMAX";
    if (number > kRtMin && number <= kRtMin + 15)
        return "RTMIN+" + std::to_string(number - kRtMin);
    if (number >= kRtMax - 14 && number < kRtMax)
        return "RTMAX-" + std::to_string(kRtMax - number);
    return "";
}

} // namespace lab::docker
