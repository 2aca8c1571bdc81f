#include "docker/HumanDuration.h"

namespace lab::docker {

std::string humanDuration(Duration d) {
    using std::to_string;
    const std::int64_t ns = d.count();
    constexpr std::int64_t second = 1'000'000'000;
    constexpr std::int64_t minute = 60 * second;
    constexpr std::int64_t hour = 60 * minute;
    // Go converts to float and truncates; for the non-negative spans that get this far,
    // integer division gives the same numbers without rounding surprises.
    const std::int64_t seconds = ns / second;
    if (seconds < 1)
        return "Less than a second";
    if (seconds == 1)
        return "1 second";
    if (seconds < 60)
        return to_string(seconds) + " seconds";
    const std::int64_t minutes = ns / minute;
    if (minutes == 1)
        return "About a minute";
    if (minutes < 60)
        return to_string(minutes) + " minutes";
    const std::int64_t hours = (ns + hour / 2) / hour; // int(d.Hours() + 0.5)
    if (hours == 1)
        return "About an hour";
    if (hours < 48)
        return to_string(hours) + " hours";
    if (hours < 24 * 7 * 2)
        return to_string(hours / 24) + " days";
    if (hours < 24 * 30 * 2)
        return to_string(hours / 24 / 7) + " weeks";
    if (hours < 24 * 365 * 2)
        return to_string(hours / 24 / 30) + " months";
    return to_string(ns / hour / 24 / 365) + " years"; // years use the unrounded hours
}

} // namespace lab::docker
