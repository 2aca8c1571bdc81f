#pragma once
// Go's ways of writing time that docker's CLI uses: RFC 3339 with nanoseconds (docker events,
// inspect, logs -t), Go durations ("1m30s") and docker's --since/--until timestamps.

#include "base/Expected.h"
#include "base/Time.h"

#include <string>
#include <string_view>

namespace lab::docker {

/// Go's time.RFC3339Nano in UTC: "2026-11-27T18:53:12.590472279Z", trailing zeros of the
/// fraction dropped (and the dot with them when the fraction is zero).
std::string formatRfc3339Nano(TimePoint at);
/// docker's RFC3339NanoFixed (jsonmessage): always nine digits of fraction, as docker events
/// and the daemon's log timestamps (logs -t) print them: "2026-11-27T18:53:12.500000000Z".
std::string formatRfc3339NanoFixed(TimePoint at);
/// Go's time.Time.String() of the whole second, in UTC: "2026-11-27 19:17:54 +0000 UTC"
/// (docker ps and images CreatedAt).
std::string formatGoTimeString(TimePoint at);
/// Go's time.ParseDuration: "300ms", "-1.5h", "2h45m"; Go's error text otherwise.
Expected<Duration> parseGoDuration(std::string_view text);
/// docker's --since/--until value (timetypes.GetTimestamp): a Go duration back from now (cut to
/// the whole second, as the CLI sends it), Unix seconds with an optional fraction, or an RFC 3339
/// date (with or without time).
Expected<TimePoint> parseEventTime(std::string_view text, TimePoint now);

} // namespace lab::docker
