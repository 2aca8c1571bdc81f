#pragma once
// Step back on a deterministic engine: the window's session records every docker command with
// the engine time it ran at. Going back means a fresh session on the same world and seed, the
// recorded commands replayed at their engine times, and the panels re-attached to the new engine
// (EngineSignals::rebind). A backend that cannot be replayed (the real one, on the wall clock)
// makes no fresh session: step back is then refused with a reason.

#include "session/EngineSession.h"

#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace lab {

/// An EngineSession that forwards to the current session and keeps what is needed to replay.
class RecordedSession final : public QObject, public EngineSession {
    Q_OBJECT
public:
    /// first runs until the first replay; it must outlive this object.
    explicit RecordedSession(EngineSession& first, QObject* parent = nullptr);
    ~RecordedSession() override;

    CliOutput run(const std::vector<std::string>& args) override;
    void sleep(Duration duration) override;
    std::vector<std::string> takeKernelTrace() override;
    /// The engine of the current session.
    Engine& engine() override;
    BackendKind backend() const override;
    int readyDescriptor() const override;
    void dispatchReady() override;
    void setWaitingLoop(std::function<void()> wait) override;
    void stopWaiting() override;
    std::optional<TimePoint> nextDue() const override;
    std::vector<std::string> kernelTrace(const std::string& id) const override;
    Expected<ResourceSample> resources(const std::string& id) const override;

    /// Does something to the engine that is not a docker command (a fault from the menu, a
    /// daemon restart) and records it like one, so that a replay does it again at the same
    /// engine time. Answers what action answered. action must find containers by ID or name, never
    /// keep pointers.
    Status act(const std::function<Status(Engine&)>& action);
    /// How many commands were recorded.
    std::size_t commandCount() const { return m_log.size(); }
    /// Empty when replay is possible, otherwise why not.
    QString whyNoReplay() const;
    /// Starts a fresh session and replays the first keep commands at their engine times; the
    /// rest are forgotten. engineReplaced is emitted before the replay, so observers record it.
    void replay(std::size_t keep);
    /// Forgets every command and goes on in session (a lesson's own world and seed), which
    /// later replays start from.
    void startOver(std::unique_ptr<EngineSession> session);

signals:
    /// The current engine is a new one: re-attach to it.
    void engineReplaced(lab::Engine& engine);
    /// A command (or an action) is about to run; index counts from 0 (replayed ones too).
    void commandStarting(std::size_t index);
    /// The command returned.
    void commandFinished();

private:
    struct Recorded {
        TimePoint at;
        std::vector<std::string> args;         // a docker command, or
        std::function<Status(Engine&)> action; // something else done to the engine
    };

    void adopt(std::unique_ptr<EngineSession> session);

    EngineSession* m_first; // the window's own session, which outlives it
    EngineSession* m_current;
    std::unique_ptr<EngineSession> m_replayed;
    std::vector<Recorded> m_log;
    int m_running = 0; // commands that have not returned: no replay may pull the engine away
    std::function<void()> m_waitingLoop; // the window's; a replayed session gets it once replayed
};

} // namespace lab
