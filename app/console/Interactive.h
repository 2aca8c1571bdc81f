#pragma once
// The console on a terminal: a "docker> " prompt with line editing and history (libedit).

#include "console/Session.h"

namespace lab {

/// Reads lines from the terminal until exit, quit or end of input; returns the last status.
int runInteractive(Session& session, const char* programName);

} // namespace lab
