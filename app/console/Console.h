#pragma once
// `lifecycle-lab console`: loads the world, starts the simulated engine and picks the mode:
// a script into a transcript, the interactive prompt on a terminal, or plain lines from a pipe.

#include "console/ConsoleOptions.h"

namespace lab {

/// Runs the console; returns the process exit status (2 when the world or script is unreadable).
int runConsole(const ConsoleOptions& options);

} // namespace lab
