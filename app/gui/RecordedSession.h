#pragma once
// Step back on a deterministic engine: the window's session records every docker command with
// the engine time it ran at. Going back means a fresh session on the same world and seed, the
// recorded commands replayed at their engine times, and the panels re-attached to the new engine
// (EngineSignals::rebind). A backend that cannot be replayed (the real one) has no factory: step
// back is then refused with a reason.

#include "console/Session.h"

#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace lab {

class Engine;
class SimulatedSession;

/// A Session that forwards to the current engine's session and keeps what is needed to replay.
class RecordedSession final : public QObject, public Session {
    Q_OBJECT
public:
    /// Makes a fresh session on the same world and seed, or nothing when replay is impossible.
    using Factory = std::function<std::unique_ptr<SimulatedSession>()>;

    /// first runs until the first replay; it must outlive this object.
    RecordedSession(SimulatedSession& first, Factory factory, QObject* parent = nullptr);
    ~RecordedSession() override;

    CliOutput run(const std::vector<std::string>& args) override;
    void sleep(Duration duration) override;
    std::vector<std::string> commands() const override;

    /// The engine of the current session.
    Engine& engine() const;
    /// Does something to the engine that is not a docker command (a fault from the menu, a
    /// daemon restart) and records it like one, so that a replay does it again at the same
    /// engine time. action must find containers by ID or name, never keep pointers.
    void act(std::function<void(Engine&)> action);
    /// When the engine's next timer is due, if any.
    std::optional<TimePoint> nextDue() const;
    /// How many commands were recorded.
    std::size_t commandCount() const { return m_log.size(); }
    /// Empty when replay is possible, otherwise why not.
    QString whyNoReplay() const;
    /// Starts a fresh session and replays the first keep commands at their engine times; the
    /// rest are forgotten. engineReplaced is emitted before the replay, so observers record it.
    void replay(std::size_t keep);

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
        std::vector<std::string> args;       // a docker command, or
        std::function<void(Engine&)> action; // something else done to the engine
    };

    SimulatedSession* m_current;
    std::unique_ptr<SimulatedSession> m_replayed;
    Factory m_factory;
    std::vector<Recorded> m_log;
};

} // namespace lab
