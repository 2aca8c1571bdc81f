#pragma once
// Step back on a deterministic engine: the window's session records every docker command with
// the engine time it ran at. Going back means a fresh session on the same world and seed, the
// recorded commands replayed at their engine times, and the panels re-attached to the new engine
// (EngineSignals::rebind). A backend that cannot be replayed (the real one, on the wall clock)
// makes no fresh session: step back is then refused with a reason.
//
// What is typed into a command while it waits (Ctrl-C proxied as SIGINT, lines for its
// container's stdin, Ctrl-D, the detach keys) is kept with the command at its engine time, and
// the replay types it again then (ForegroundSession::runAsTyped).
//
// A session file (File > Open session, docs/SESSION-FORMAT.md) is played the same way: its
// entries are replayed on a fresh engine from its world and seed, and every step back replays
// all of them, so the steps after the one shown stay ahead to be shown again. While it plays, no
// command or action runs until continueLive() keeps the entries up to a point and goes on live.

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
    /// Kept with the command running now, at the engine time now: a replay types it again then.
    void typed(const TypedInput& input) override;
    std::optional<TimePoint> nextDue() const override;
    std::vector<std::string> kernelTrace(const std::string& id) const override;
    Expected<ResourceSample> resources(const std::string& id) const override;

    /// Does something to the engine that is not a docker command (a fault from the menu, a
    /// daemon restart) and records it like one, so that a replay does it again at the same
    /// engine time. Answers what the engine answered.
    Status act(const EngineAction& action);
    /// Empty when replay is possible, otherwise why not.
    QString whyNoReplay() const;
    /// Starts a fresh session and replays the first keep commands at their engine times; the
    /// rest are forgotten. engineReplaced is emitted before the replay, so observers record it.
    void replay(std::size_t keep);
    /// Forgets every command and goes on in session (a lesson's own world and seed), which
    /// later replays start from.
    void startOver(std::unique_ptr<EngineSession> session);

    /// Plays a session file: startOver(session) (its world and seed), then its entries replayed.
    void play(std::unique_ptr<EngineSession> session, std::vector<SessionEntry> entries);
    /// True while a session file plays: actions are refused, and the console refuses commands
    /// (whyNoCommands()).
    bool isPlaying() const { return m_playing.has_value(); }
    /// Empty while commands and actions may run, otherwise why not.
    QString whyNoCommands() const;
    /// Ends the playing: replays the first keep entries on a fresh engine, which must reach the
    /// same state (the engine is deterministic), and takes commands from there on.
    void continueLive(std::size_t keep);
    /// What File > Save session writes: the world, the seed and every entry (all of a file's
    /// while it plays); none on an engine that cannot be replayed.
    std::optional<SessionRecording> recording() const;
    /// How many entries a replay runs: those of the file playing, or those recorded live.
    std::size_t entryCount() const;
    /// The engine time of entry index since the session began.
    Duration entryTime(std::size_t index) const;

signals:
    /// The current engine is a new one: re-attach to it.
    void engineReplaced(lab::Engine& engine);
    /// A command (or an action) is about to run; index counts from 0 (replayed ones too).
    void commandStarting(std::size_t index);
    /// The command returned.
    void commandFinished();

private:
    void adopt(std::unique_ptr<EngineSession> session);
    void runEntries(const std::vector<SessionEntry>& entries);

    EngineSession* m_first; // the window's own session, which outlives it
    EngineSession* m_current;
    std::unique_ptr<EngineSession> m_replayed;
    std::vector<SessionEntry> m_log;
    std::optional<std::vector<SessionEntry>> m_playing; // set: a session file plays
    TimePoint m_origin; // the current engine's time when it started: entries count from it
    int m_running = 0;  // commands that have not returned: no replay may pull the engine away
    std::optional<std::size_t> m_waiting; // the entry of the command running now, if any
    std::function<void()> m_waitingLoop;  // the window's; a replayed session gets it once replayed
};

} // namespace lab
