#pragma once
// Engine time in the window: a timer maps wall time, times a speed factor, onto the simulated
// engine's virtual clock, so stop timeouts and restart back-offs play out as the learner watches.
// Pausing freezes engine time; the console's commands still let as much time pass as they need.
// On the real backend engine time is the wall clock: a socket notifier on the clock's descriptor
// lets the kernel's news (an exit, a due timer) in from Qt's event loop; speed and pause do not
// apply there.

#include "console/EngineSession.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSocketNotifier>
#include <QTimer>

namespace lab {

/// Drives a session's engine time from the wall clock.
class Playback final : public QObject {
    Q_OBJECT
public:
    /// The slowest and fastest speeds offered.
    static constexpr double kSlowest = 0.1;
    static constexpr double kFastest = 20.0;

    explicit Playback(EngineSession& session, QObject* parent = nullptr);

    /// True on the real backend: engine time is the wall clock, speed and pause do nothing.
    bool followsWallClock() const { return m_kernelNews != nullptr; }
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
    void catchUp();

    EngineSession& m_session;
    QSocketNotifier* m_kernelNews = nullptr; // real backend only
    QTimer m_timer;
    QElapsedTimer m_wall;
    double m_speed = 1.0;
    bool m_paused = false;
};

} // namespace lab
