#pragma once
// The window's console is a terminal: while a docker command waits there (an attached run, wait,
// a stop that never ends), the keys typed do what they do to docker CLI 28 in a terminal
// (docs/DOCKER-BEHAVIOUR.md §4.4):
//  - Ctrl-C: an attached run or start -a without -t forwards SIGINT to its container (the CLI's
//    --sig-proxy) and waits on; at the third the CLI gives up ("got 3 SIGTERM/SIGINTs, forcefully
//    exiting", status 1) and the container runs on. With -it the terminal itself interrupts the
//    container and the CLI never counts. `docker attach` does the same, and with
//    --sig-proxy=false forwards nothing: the CLI dies of it (130) and the container runs on.
//    Any other command dies of it: status 130, no output.
//  - Ctrl-P Ctrl-Q: detaches from a container run with -it ("read escape sequence", status 0),
//    which runs on; without -it nothing happens.
//  - Lines typed go to the attached container's stdin when it was run with -i (the simulated
//    shell reads them); Ctrl-D closes its stdin, which ends a shell.
// What the attached container prints is handed on as it comes, before the command returns.
// Whatever typed reaches the engine is told to the inner session (Session::typed), which a
// recorder keeps; runAsTyped() types it again at the same engine times in a replay.

#include "base/Time.h"
#include "session/Session.h"

#include <functional>
#include <memory>
#include <string>

namespace lab {

class Engine;
struct LogLine;

/// A session whose commands can be interrupted and detached from while they wait.
class ForegroundSession final : public Session {
public:
    /// engine() is the engine inner runs on; printed() gets each line of an attached container.
    ForegroundSession(Session& inner, std::function<Engine&()> engine,
                      std::function<void(const LogLine&)> printed);
    ~ForegroundSession() override;

    CliOutput run(const std::vector<std::string>& args) override;
    void sleep(Duration duration) override { m_inner.sleep(duration); }
    std::vector<std::string> commands() const override { return m_inner.commands(); }
    std::vector<std::string> takeKernelTrace() override { return m_inner.takeKernelTrace(); }
    int readyDescriptor() const override { return m_inner.readyDescriptor(); }
    void dispatchReady() override { m_inner.dispatchReady(); }
    void stopWaiting() override { m_inner.stopWaiting(); }

    /// Runs args as they ran once: typed (oldest first) is typed at engine time origin + each
    /// one's at while the command waits, after every timer due by then (the window's playback
    /// ran those before the learner's keys came). The engine's clock must be virtual (a
    /// replay's). What the command did not wait for is not typed.
    CliOutput runAsTyped(const std::vector<std::string>& args, const std::vector<TimedInput>& typed,
                         TimePoint origin);

    /// True while run() has not returned.
    bool running() const { return m_command != nullptr; }
    /// Ctrl-C, while running.
    void interrupt();
    /// Ctrl-P Ctrl-Q, while running.
    void detach();
    /// Typed while running: bytes for the attached container's stdin (ended: Ctrl-D closed it).
    /// False when nothing reads them (no -i, or not attached).
    bool write(const std::string& bytes, bool ended);
    /// True when the last command did not return by itself (Ctrl-C, Ctrl-P Ctrl-Q): what its
    /// attached container printed was shown as it came and is not part of its output.
    bool cutShort() const { return m_cutShort; }

private:
    class InFlight;
    void type(const TypedInput& input);

    Session& m_inner;
    std::function<Engine&()> m_engine;
    std::function<void(const LogLine&)> m_printed;
    InFlight* m_command = nullptr;
    bool m_cutShort = false;
};

} // namespace lab
