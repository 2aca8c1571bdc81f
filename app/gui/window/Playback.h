#pragma once
// Engine time in the window: a timer maps wall time, times a speed factor, onto the shown time
// of the step timeline, and lets the simulated engine's virtual clock catch up with it, so stop
// timeouts and restart back-offs play out as the learner watches. Pausing freezes both; Step
// shows one engine step per press; Step back replays the deterministic engine to the step before.
// On the real backend engine time is the wall clock: a socket notifier on the clock's descriptor
// lets the kernel's news (an exit, a due timer) in from Qt's event loop and every step is shown
// as it comes; speed, pause, Step, Step back and Reset do not apply there.
//
// Every pane shows the engine as of the step the pictures show (StepTimeline's shown state),
// so the engine may be ahead of the window: engineLead() says by how much, jumpToEngine() shows
// it all. hold() keeps the window before the next step (the engine runs on) until release():
// a lesson asks for a prediction, then lets the step and its output be seen.

#include "gui/window/RecordedSession.h"
#include "gui/window/StepTimeline.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

namespace lab {

/// Drives a session's engine time and the steps shown from the wall clock.
class Playback final : public QObject {
    Q_OBJECT
public:
    /// The slowest and fastest speeds offered.
    static constexpr double kSlowest = 0.1;
    static constexpr double kFastest = 20.0;

    Playback(RecordedSession& session, StepTimeline& timeline, QObject* parent = nullptr);

    StepTimeline& timeline() const { return m_timeline; }
    /// True on the real backend: engine time is the wall clock, speed and pause do nothing.
    bool followsWallClock() const { return m_kernelNews != nullptr; }
    double speed() const { return m_speed; }
    /// Sets engine seconds per wall second, clamped to [kSlowest, kFastest].
    void setSpeed(double speed);
    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    /// Lets shown time pass as if wall time elapsed (what each timer tick does); the engine's
    /// clock follows when shown time overtakes it.
    void advance(Duration wall);
    /// After a console line: shows its steps at once unless paused (those later in engine time
    /// wait for shown time to reach them).
    void catchUp();

    /// How far the engine is ahead of what the window shows.
    struct Lead {
        std::size_t steps = 0;
        Duration time{};
    };
    Lead engineLead() const;
    /// Empty when jumpToEngine() can show something, otherwise why not.
    QString whyNoJump() const;
    /// Shows every step the engine has taken, at once (the tool bar's "Catch up").
    void jumpToEngine();

    /// Holds the window before the next step not shown yet: playback, Step and Catch up show
    /// no step (shown time stops at it) until release(); the engine and the console's commands
    /// run on, and a command's output waits with its steps. For predict-then-reveal: hold,
    /// run the command, ask, release.
    void hold();
    /// Lets the held steps play on at the chosen speed (paused stays paused).
    void release();
    bool isHeld() const { return m_timeline.isHeld(); }

    /// Empty when Step can show something, otherwise why not.
    QString whyNoStep() const;
    /// Pauses and shows the next engine step: a waiting one, or the engine runs to its next.
    void step();
    /// Empty when step back is possible, otherwise why not.
    QString whyNoStepBack() const;
    /// Pauses and replays the engine to the step before the last one shown.
    void stepBack();
    /// Empty when reset is possible, otherwise why not.
    QString whyNoReset() const { return m_session.whyNoReplay(); }
    /// A fresh engine on the same world: every container and every recorded command forgotten.
    void reset();
    /// Like reset, but the fresh engine is session's (a lesson's world and seed).
    void restartOn(std::unique_ptr<EngineSession> session);

    /// Plays a session file on session (its world and seed): its entries run on the engine at
    /// once, and the window shows their steps from the start, paused, to play, step and step back
    /// through. Commands are refused until continueLive().
    void playRecording(std::unique_ptr<EngineSession> session, std::vector<SessionEntry> entries);
    /// True while a session file plays (playRecording() until continueLive() or a reset).
    bool isPlayingRecording() const { return m_session.isPlaying(); }
    /// Empty when continueLive() can go on from the step shown, otherwise why not.
    QString whyNoContinueLive() const;
    /// Replays the entries up to the step shown on a fresh engine and takes commands from there.
    void continueLive();

signals:
    /// Shown time moved forward, or steps were shown.
    void advanced();
    /// engineTime was played (a tick at the chosen speed, a step): what the flowchart follows.
    void advancedBy(lab::Duration engineTime);
    /// The engine was replayed (step back, reset, a session file opened, continue live).
    void rewound();
    /// A session file started or stopped playing (RecordedSession::isPlaying()).
    void playingChanged(bool playing);
    void speedChanged(double speed);
    void pausedChanged(bool paused);
    /// hold() or release() took effect.
    void heldChanged(bool held);

private:
    void tick();
    void takeKernelNews();
    void runEngineUntilSteps(std::size_t count);
    void showFrom(TimePoint before);
    void startedOver();
    QString whyHeld() const;

    RecordedSession& m_session;
    StepTimeline& m_timeline;
    QSocketNotifier* m_kernelNews = nullptr; // real backend only
    QTimer m_timer;
    QElapsedTimer m_wall;
    double m_speed = 1.0;
    bool m_paused = false;
};

} // namespace lab
