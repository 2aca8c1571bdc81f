#pragma once
// Signals as docker kill and --stop-signal name them: the API router parses the text
// (pkg/signal ParseSignal), then the daemon checks the number against Linux's signal table.

#include "base/Expected.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lab::docker {

/// ParseSignal: a non-zero integer (Go's Atoi: optional sign, leading zeros) or a name,
/// case-insensitive with an optional single "SIG" prefix ("kill", "SIGTERM", "RTMIN+3").
/// Errors read "Invalid signal: <text as given>"; "0" is invalid. An empty text is not a
/// signal at all: callers treat it as SIGKILL before calling this.
Expected<std::int64_t> parseSignal(std::string_view text);

/// The daemon's platform check: numbers in Linux's table pass (1-31, 34-64); others fail
/// with "The linux daemon does not support signal <n>", n printed as Go's uint64 would.
Status checkLinuxSignal(std::int64_t number);

/// Docker's canonical name without "SIG" ("KILL", "RTMIN+3"), or "" when the number has none.
std::string signalName(std::int64_t number);

} // namespace lab::docker
