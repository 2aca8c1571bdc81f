#pragma once
// Engine time. The engine never reads the wall clock; it asks a Clock (see Clock.h). Times are
// durations since the clock's epoch, which the clock maps to calendar time for output.

#include <chrono>
#include <cstdint>

namespace lab {

/// A span of engine time, in nanoseconds (Docker's timestamps are RFC 3339 with nanoseconds).
using Duration = std::chrono::nanoseconds;
/// A moment of engine time: nanoseconds since the Unix epoch.
using TimePoint = std::chrono::time_point<std::chrono::system_clock, Duration>;

using namespace std::chrono_literals;

} // namespace lab
