#pragma once
// `lifecycle-lab daemon`: Docker's Engine API on a Unix socket over the lab's engine, so that a
// stock docker CLI (DOCKER_HOST=unix://...) drives the same engine the console drives.

#include "base/Expected.h"
#include "daemon/EngineHost.h"
#include "session/EngineSession.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lab::daemon {

/// What `lifecycle-lab daemon` was asked for.
struct DaemonOptions {
    std::string socketPath; ///< empty: defaultSocketPath()
    BackendKind backend = BackendKind::Simulated;
    std::string worldFile; ///< empty: the built-in world
    std::uint64_t seed = 1;
    ClockMode clock = ClockMode::Wall;
    std::string stateDir; ///< real backend: where its images and containers live
};

/// Reads the arguments after "daemon"; the error says which one is wrong.
Expected<DaemonOptions> parseDaemonOptions(const std::vector<std::string>& arguments);

/// Serves until SIGINT or SIGTERM; prints the export DOCKER_HOST line once listening. Returns the
/// exit status (1 with the reason on stderr when it cannot start).
int runDaemon(const DaemonOptions& options);

/// `lifecycle-lab daemon ARGS...` from main(): parse, then run; 2 on a usage error.
int daemonMain(const std::vector<std::string>& arguments);

} // namespace lab::daemon
