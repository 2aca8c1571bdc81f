#include "docker/GoTime.h"

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

namespace lab::docker {

std::string formatRfc3339Nano(TimePoint at) {
    const auto days = std::chrono::floor<std::chrono::days>(at);
    const std::chrono::year_month_day date{days};
    const auto inDay = at - days;
    const auto seconds = std::chrono::floor<std::chrono::seconds>(inDay);
    const long long nanos = (inDay - seconds).count();
    const std::chrono::hh_mm_ss clock{seconds};
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02lld:%02lld:%02lld", int(date.year()),
                  unsigned(date.month()), unsigned(date.day()), (long long)clock.hours().count(),
                  (long long)clock.minutes().count(), (long long)clock.seconds().count());
    std::string result = text;
    if (nanos > 0) {
        char fraction[32];
        std::snprintf(fraction, sizeof fraction, ".%09lld", nanos);
        std::string digits = fraction;
        while (digits.back() == '0')
            digits.pop_back();
        result += digits;
    }
    return result + "Z";
}

std::string formatGoTimeString(TimePoint at) {
    const auto seconds = std::chrono::floor<std::chrono::seconds>(at);
    const auto days = std::chrono::floor<std::chrono::days>(seconds);
    const std::chrono::year_month_day date{days};
    const std::chrono::hh_mm_ss time{seconds - days};
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u %02lld:%02lld:%02lld +0000 UTC",
                  int(date.year()), unsigned(date.month()), unsigned(date.day()),
                  (long long)time.hours().count(), (long long)time.minutes().count(),
                  (long long)time.seconds().count());
    return text;
}

Expected<Duration> parseGoDuration(std::string_view text) {
    static const std::map<std::string, double, std::less<>> unitNanos = {
        {"ns", 1},   {"us", 1e3}, {"µs", 1e3}, {"μs", 1e3},
        {"ms", 1e6}, {"s", 1e9},  {"m", 60e9}, {"h", 3600e9}};
    const Error invalid{"time: invalid duration \"" + std::string(text) + "\""};
    std::string_view rest = text;
    double sign = 1;
    if (!rest.empty() && (rest[0] == '-' || rest[0] == '+')) {
        sign = rest[0] == '-' ? -1 : 1;
        rest.remove_prefix(1);
    }
    if (rest == "0")
        return Duration::zero();
    if (rest.empty())
        return invalid;
    double total = 0;
    while (!rest.empty()) {
        std::size_t digits = 0;
        while (digits < rest.size() &&
               (std::isdigit(static_cast<unsigned char>(rest[digits])) || rest[digits] == '.'))
            ++digits;
        if (digits == 0)
            return invalid;
        const double number = std::stod(std::string(rest.substr(0, digits)));
        rest.remove_prefix(digits);
        std::size_t unitLength = 0;
        while (unitLength < rest.size() &&
               !std::isdigit(static_cast<unsigned char>(rest[unitLength])) &&
               rest[unitLength] != '.')
            ++unitLength;
        const auto unit = unitNanos.find(rest.substr(0, unitLength));
        if (unit == unitNanos.end())
            return unitLength == 0
                       ? Error{"time: missing unit in duration \"" + std::string(text) + "\""}
                       : Error{"time: unknown unit \"" + std::string(rest.substr(0, unitLength)) +
                               "\" in duration \"" + std::string(text) + "\""};
        total += number * unit->second;
        rest.remove_prefix(unitLength);
    }
    return Duration(static_cast<long long>(std::llround(sign * total)));
}

Expected<TimePoint> parseEventTime(std::string_view text, TimePoint now) {
    // The CLI sends a relative time as whole Unix seconds (time.Unix()), dropping the fraction.
    if (auto duration = parseGoDuration(text))
        return TimePoint(std::chrono::floor<std::chrono::seconds>(now - *duration));
    // Unix seconds, optionally with a fraction of up to nine digits.
    const std::string value(text);
    long long seconds = 0;
    long long nanos = 0;
    char fraction[16] = {0};
    int consumed = 0;
    if (std::sscanf(value.c_str(), "%lld%n", &seconds, &consumed) == 1 &&
        consumed == int(value.size()))
        return TimePoint(std::chrono::seconds(seconds));
    if (std::sscanf(value.c_str(), "%lld.%9[0-9]%n", &seconds, fraction, &consumed) == 2 &&
        consumed == int(value.size())) {
        std::string digits = fraction;
        digits.resize(9, '0');
        nanos = std::stoll(digits);
        return TimePoint(std::chrono::seconds(seconds) + Duration(nanos));
    }
    // RFC 3339 date or date-time in UTC.
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (std::sscanf(value.c_str(), "%d-%d-%dT%d:%d:%dZ", &year, &month, &day, &hour, &minute,
                    &second) >= 3 ||
        std::sscanf(value.c_str(), "%d-%d-%d", &year, &month, &day) == 3) {
        const std::chrono::sys_days date = std::chrono::year{year} / month / day;
        return TimePoint(date.time_since_epoch() + std::chrono::hours(hour) +
                         std::chrono::minutes(minute) + std::chrono::seconds(second));
    }
    return Error{"failed to parse value as time or duration: \"" + value + "\""};
}

} // namespace lab::docker
