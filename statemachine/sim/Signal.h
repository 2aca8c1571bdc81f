#pragma once
// Linux signal numbers and what the kernel does with each when nobody handles it. The workload
// model needs the default action to decide between "dies with 128+n" and "nothing happens";
// PID 1 of a namespace is the special case the kernel adds on top (see Process.h).

#include <optional>
#include <string>
#include <string_view>

namespace lab {

/// Signal numbers as on Linux x86-64 (what Docker's `kill -s` and `signal=` attributes use).
namespace sig {
/// The signals the engine and the models name.
inline constexpr int HUP = 1, INT = 2, QUIT = 3, KILL = 9, USR1 = 10, USR2 = 12, TERM = 15,
                     CHLD = 17, CONT = 18, STOP = 19, WINCH = 28;
} // namespace sig

/// What a signal does to a process that installed no handler and does not ignore it.
enum class DefaultAction { Terminate, Ignore, Stop };

/// The kernel's default action for a signal (signal(7)); real-time signals terminate.
DefaultAction defaultAction(int signal);
/// The number for "TERM", "SIGTERM", "term" or "15"; nothing for unknown names or numbers
/// outside 1..64.
std::optional<int> signalNumber(std::string_view name);
/// The short upper-case name without "SIG" ("TERM"), or the number as text for unnamed ones.
std::string signalName(int signal);

} // namespace lab
