#pragma once
// The console on a terminal: a "docker> " prompt with line editing and history (libedit); the
// engine runs while the prompt waits, Ctrl-C drops the line, SIGTERM/SIGHUP leave (ConsoleInput).

#include "session/Session.h"

#include <iosfwd>

namespace lab {

/// Reads lines from the terminal until exit, quit, end of input, SIGTERM or SIGHUP; returns the
/// last status (128 + the signal when one ended it).
/// With trace, each line's kernel operations are written there.
int runInteractive(Session& session, const char* programName, std::ostream* trace = nullptr);

} // namespace lab
