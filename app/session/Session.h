#pragma once
// What the console drives: docker commands and the passing of engine time. The simulated engine
// and the real backend are the implementations (EngineSession.h); tests drive the console's
// formats with a fake.

#include "base/Time.h"
#include "cli/DockerCli.h"
#include "session/TypedInput.h"

#include <string>
#include <vector>

namespace lab {

/// A docker CLI on an engine whose time the console controls.
class Session {
public:
    virtual ~Session() = default;
    /// Runs one docker command, given as words without the leading "docker".
    virtual CliOutput run(const std::vector<std::string>& args) = 0;
    /// Lets engine time pass (the console's @sleep): every timer due on the way runs.
    virtual void sleep(Duration duration) = 0;
    /// The commands the CLI knows, one usage line each ("stop [OPTIONS] CONTAINER ...").
    virtual std::vector<std::string> commands() const = 0;
    /// The kernel operations done since the last call, one line each, "<short ID> <operation>";
    /// always empty where no kernel is involved (the simulation).
    virtual std::vector<std::string> takeKernelTrace() { return {}; }

    /// -1 when engine time is virtual and a driver lets it pass (sleep()): nothing happens while
    /// nobody types. Otherwise engine time is the wall clock and this descriptor turns readable
    /// whenever the engine has work (a timer due, a process exit): whoever waits for input then
    /// calls dispatchReady(), which never blocks.
    virtual int readyDescriptor() const { return -1; }
    /// Runs what is due now (see readyDescriptor()).
    virtual void dispatchReady() {}
    /// Makes the command running now stop waiting for engine time and answer at once (the
    /// console's Ctrl-C, SIGTERM); the next command waits again. Async-signal-safe.
    virtual void stopWaiting() {}
    /// Something typed into the command running now reached the engine (the window's console:
    /// Ctrl-C proxied as SIGINT, a line for its container's stdin): a recorder keeps it with the
    /// command at the engine time now, for a replay to type it again then.
    virtual void typed(const TypedInput& /*input*/) {}
};

} // namespace lab
