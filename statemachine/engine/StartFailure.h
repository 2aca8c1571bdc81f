#pragma once
// A start that failed, as both backends report it (the simulation's workloads and the real
// backend's process spawner).

#include <string>

namespace lab {

/// Why the runtime could not start the process: Docker's message and the exit code it records
/// (127 not found, 126 permission denied), as `translateContainerdStartErr` sets them.
struct StartFailure {
    int exitCode = 0; ///< what State.ExitCode records and `docker run` exits with
    std::string
        message; ///< the daemon's error text (State.Error), without "Error response from daemon: "
};

} // namespace lab
