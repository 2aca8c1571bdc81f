#pragma once
// docker CLI 28.2 talking to Engine 20.10.24, as one function: a command line in, the exact
// standard output, standard error and exit status out. The console, the GUI's console dock and
// the golden transcripts all go through here.

#include "base/Time.h"
#include "machines/Lifecycle.h"

#include <string>
#include <vector>

namespace lab {

class Container;
class Engine;
struct DockerEvent;

/// What a docker command printed and how it exited.
struct CliOutput {
    std::vector<std::string> out; ///< standard output, one entry per line
    std::vector<std::string> err; ///< standard error, one entry per line
    int status = 0;               ///< the CLI's exit status
    /// Set when Docker's call would still be waiting (a container that never exits): the
    /// console says so, and a script stops there. The command did not return.
    std::string unfinished;
};

/// The docker command-line client of the simulated engine.
class DockerCli {
public:
    explicit DockerCli(Engine& engine) : m_engine(engine) {}

    /// Runs one command, given as words without the leading "docker"; lets engine time pass as
    /// far as the command needs (stop waits for its timeout, run for the container).
    CliOutput run(const std::vector<std::string>& args);

private:
    Engine& m_engine;
};

namespace cli {
/// What the CLI sends for command to container when no option is given: docker kill's empty
/// signal (SIGKILL to the daemon), the container's own stop timeout for stop and restart. The
/// GUI's buttons send the same.
CommandEvent defaultEvent(Command command, const Container& container);
/// "Error response from daemon: " + message: how the CLI shows any daemon error.
std::string fromDaemon(const std::string& message);
} // namespace cli

/// The STATUS column of `docker ps` for container at now: "Up 3 seconds (Paused)", ...
std::string psStatus(const Container& container, TimePoint now);
/// The COMMAND column of `docker ps`, quoted and truncated: "\"sleep 300\"".
std::string psCommand(const Container& container);
/// One line of `docker events` without --format.
std::string eventsLine(const DockerEvent& event);

} // namespace lab
