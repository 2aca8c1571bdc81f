#pragma once
// Engine time in the window: a timer maps wall time, times a speed factor, onto the shown time
// of the step timeline, and lets the simulated engine's virtual clock catch up with it, so stop
// timeouts and restart back-offs play out as the learner watches. Pausing freezes both; Step
// shows one engine step per press; Step back replays the deterministic engine to the step before.

#include "gui/RecordedSession.h"
#include "gui/StepTimeline.h"

#include <QElapsedTimer>
#include <QObject>
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

signals:
    /// Shown time moved forward, or steps were shown.
    void advanced();
    /// The engine was replayed (step back, reset).
    void rewound();
    void speedChanged(double speed);
    void pausedChanged(bool paused);

private:
    void tick();
    void runEngineUntilSteps(std::size_t count);

    RecordedSession& m_session;
    StepTimeline& m_timeline;
    QTimer m_timer;
    QElapsedTimer m_wall;
    double m_speed = 1.0;
    bool m_paused = false;
};

} // namespace lab
