#pragma once
// Engine time in the window: a timer maps wall time, times a speed factor, onto the simulated
// engine's virtual clock, so stop timeouts and restart back-offs play out as the learner watches.
// Pausing freezes engine time; the console's commands still let as much time pass as they need.

#include "console/Session.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace lab {

/// Drives a session's engine time from the wall clock.
class Playback final : public QObject {
    Q_OBJECT
public:
    /// The slowest and fastest speeds offered.
    static constexpr double kSlowest = 0.1;
    static constexpr double kFastest = 20.0;

    explicit Playback(Session& session, QObject* parent = nullptr);

    double speed() const { return m_speed; }
    /// Sets engine seconds per wall second, clamped to [kSlowest, kFastest].
    void setSpeed(double speed);
    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    /// Lets engine time pass as if wall time elapsed (what each timer tick does).
    void advance(Duration wall);

signals:
    /// Engine time moved forward.
    void advanced();
    /// Engine time moved forward by engineTime (what a view that plays engine time follows).
    void advancedBy(lab::Duration engineTime);
    void speedChanged(double speed);
    void pausedChanged(bool paused);

private:
    void tick();

    Session& m_session;
    QTimer m_timer;
    QElapsedTimer m_wall;
    double m_speed = 1.0;
    bool m_paused = false;
};

} // namespace lab
