#include "gui/Playback.h"

#include <algorithm>

namespace lab {
namespace {

constexpr int kTickMilliseconds = 33; // about 30 updates a second

} // namespace

Playback::Playback(EngineSession& session, QObject* parent) : QObject(parent), m_session(session) {
    if (const int descriptor = session.readyDescriptor(); descriptor >= 0) {
        m_kernelNews = new QSocketNotifier(descriptor, QSocketNotifier::Read, this);
        connect(m_kernelNews, &QSocketNotifier::activated, this, &Playback::catchUp);
    }
    m_timer.setInterval(kTickMilliseconds);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Playback::tick);
    m_wall.start();
    m_timer.start();
}

void Playback::setSpeed(double speed) {
    speed = std::clamp(speed, kSlowest, kFastest);
    if (speed == m_speed || followsWallClock())
        return;
    m_speed = speed;
    emit speedChanged(speed);
}

void Playback::setPaused(bool paused) {
    if (paused == m_paused || followsWallClock())
        return;
    m_paused = paused;
    m_wall.restart(); // wall time spent paused never reaches the engine
    emit pausedChanged(paused);
}

void Playback::advance(Duration wall) {
    const auto engineTime = std::chrono::duration_cast<Duration>(wall * m_speed);
    if (engineTime <= Duration::zero())
        return;
    m_session.sleep(engineTime);
    emit advanced();
    emit advancedBy(engineTime);
}

void Playback::catchUp() {
    m_session.dispatchReady();
    emit advanced();
}

void Playback::tick() {
    if (followsWallClock()) { // timers the kernel's news did not wake for, and the ages shown
        catchUp();
        return;
    }
    const auto elapsed = std::chrono::nanoseconds(m_wall.nsecsElapsed());
    m_wall.restart();
    if (!m_paused)
        advance(std::chrono::duration_cast<Duration>(elapsed));
}

} // namespace lab
