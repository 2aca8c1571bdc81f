#pragma once
// The console on a terminal: a "docker> " prompt with line editing and history (libedit).

#include "console/Session.h"

#include <iosfwd>

namespace lab {

/// Reads lines from the terminal until exit, quit or end of input; returns the last status.
/// With trace, each line's kernel operations are written there.
int runInteractive(Session& session, const char* programName, std::ostream* trace = nullptr);

} // namespace lab
