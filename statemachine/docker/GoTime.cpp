#include "docker/GoTime.h"

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

namespace lab::docker {

namespace {

std::string formatRfc3339(TimePoint at, bool fixedFraction) {
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
    if (nanos > 0 || fixedFraction) {
        char fraction[32];
        std::snprintf(fraction, sizeof fraction, ".%09lld", nanos);
        std::string digits = fraction;
        while (!fixedFraction && digits.back() == '0')
            digits.pop_back();
        result += digits;
    }
    return result + "Z";
}

} // namespace

std::string formatRfc3339Nano(TimePoint at) {
    return formatRfc3339(at, false);
}

std::string formatRfc3339NanoFixed(TimePoint at) {
    return formatRfc3339(at, true);
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
        const std::string_view numeral = rest.substr(0, digits);
        if (numeral.find_first_of("0123456789") == std::string_view::npos)
            return invalid; // "." alone, as Go
        const double number = std::stod(std::string(numeral));
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
    if (total >= 9.2e18) // Go: a duration past int64 nanoseconds (292 years) is invalid
        return invalid;
    return Duration(static_cast<long long>(std::llround(sign * total)));
}

// Seconds since the epoch held at the ends of engine time (1678 and 2262, nanoseconds in an
// int64) rather than wrapping around: every event lies between them anyway.
TimePoint clampedTime(long long seconds, long long nanos) {
    long long total = 0;
    if (__builtin_mul_overflow(seconds, 1000000000LL, &total) ||
        __builtin_add_overflow(total, nanos, &total))
        return seconds < 0 ? TimePoint::min() : TimePoint::max();
    return TimePoint(Duration(total));
}

Expected<TimePoint> parseEventTime(std::string_view text, TimePoint now) {
    // The CLI sends a relative time as whole Unix seconds (time.Unix()), dropping the fraction.
    // "0" is Unix time 0 there, not a duration of nothing.
    if (auto duration = parseGoDuration(text); duration && text != "0") {
        Duration::rep back = 0;
        if (__builtin_sub_overflow(now.time_since_epoch().count(), duration->count(), &back))
            return TimePoint::min();
        return TimePoint(std::chrono::floor<std::chrono::seconds>(TimePoint(Duration(back))));
    }
    // Unix seconds, optionally with a fraction of up to nine digits.
    const std::string value(text);
    long long seconds = 0;
    char fraction[16] = {0};
    int consumed = 0;
    if (std::sscanf(value.c_str(), "%lld%n", &seconds, &consumed) == 1 &&
        consumed == int(value.size()))
        return clampedTime(seconds, 0);
    if (std::sscanf(value.c_str(), "%lld.%9[0-9]%n", &seconds, fraction, &consumed) == 2 &&
        consumed == int(value.size())) {
        std::string digits = fraction;
        digits.resize(9, '0');
        return clampedTime(seconds, std::stoll(digits));
    }
    // RFC 3339 date or date-time in UTC, with Go's ranges for each field.
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if ((std::sscanf(value.c_str(), "%d-%d-%dT%d:%d:%dZ", &year, &month, &day, &hour, &minute,
                     &second) >= 3 ||
         std::sscanf(value.c_str(), "%d-%d-%d", &year, &month, &day) == 3) &&
        year >= 0 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
        hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60) {
        const std::chrono::sys_days date = std::chrono::year{year} / month / day;
        const auto at = std::chrono::duration_cast<std::chrono::seconds>(date.time_since_epoch()) +
                        std::chrono::hours(hour) + std::chrono::minutes(minute) +
                        std::chrono::seconds(second);
        return clampedTime(at.count(), 0);
    }
    return Error{"failed to parse value as time or duration: \"" + value + "\""};
}

} // namespace lab::docker
