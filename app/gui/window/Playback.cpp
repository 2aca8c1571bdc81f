#include "gui/window/Playback.h"

#include "engine/Engine.h"

#include <QEventLoop>
#include <algorithm>

namespace lab {
namespace {

constexpr int kTickMilliseconds = 33;                     // about 30 updates a second
constexpr Duration kStepHorizon = std::chrono::hours(24); // how far Step looks for the next step

} // namespace

Playback::Playback(RecordedSession& session, StepTimeline& timeline, QObject* parent)
    : QObject(parent), m_session(session), m_timeline(timeline) {
    if (const int descriptor = session.readyDescriptor(); descriptor >= 0) {
        m_kernelNews = new QSocketNotifier(descriptor, QSocketNotifier::Read, this);
        connect(m_kernelNews, &QSocketNotifier::activated, this, &Playback::takeKernelNews);
    }
    // A command waiting for the engine (stop's timeout on the real backend, an attached run
    // that never ends in the simulation) does not block the window: its wait is this event
    // loop, which takes the kernel's news in or lets engine time pass at the playback's speed,
    // and lets the caller look again each time; the diagram plays on, and the console takes
    // Ctrl-C (it runs no second command meanwhile). A quitting application ends the wait.
    session.setWaitingLoop([this, &session] {
        QEventLoop waiting;
        const auto news = connect(this, &Playback::advanced, &waiting, &QEventLoop::quit);
        if (waiting.exec() < 0) // the application is quitting: no event loop runs any more
            session.stopWaiting();
        disconnect(news);
    });
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
    const auto passed = std::chrono::duration_cast<Duration>(wall * m_speed);
    if (passed <= Duration::zero())
        return;
    const TimePoint target = m_timeline.shownTime() + passed;
    if (const Duration behind = target - m_session.engine().clock().now();
        behind > Duration::zero())
        m_session.sleep(behind);
    m_timeline.showUntil(target);
    emit advanced();
    // Not the shown time's jump: a pull has no step of its own, yet its flow plays at this speed.
    emit advancedBy(passed);
}

void Playback::catchUp() {
    const TimePoint before = m_timeline.shownTime();
    if (followsWallClock())
        m_timeline.showAll();
    else if (!m_paused)
        m_timeline.showUntil(before);
    showFrom(before);
}

// The real backend: what the kernel said is taken in and shown at once, on the wall clock.
void Playback::takeKernelNews() {
    m_session.dispatchReady();
    catchUp();
}

void Playback::showFrom(TimePoint before) {
    emit advanced();
    if (const Duration moved = m_timeline.shownTime() - before; moved > Duration::zero())
        emit advancedBy(moved);
}

// Timer after timer (a timer may only print a log line), never past the horizon.
void Playback::runEngineUntilSteps(std::size_t count) {
    const TimePoint horizon = m_session.engine().clock().now() + kStepHorizon;
    while (m_timeline.steps().size() < count) {
        const std::optional<TimePoint> due = m_session.nextDue();
        if (!due || *due > horizon)
            return;
        m_session.sleep(std::max(Duration::zero(), *due - m_session.engine().clock().now()));
    }
}

Playback::Lead Playback::engineLead() const {
    const Duration ahead = m_session.engine().clock().now() - m_timeline.shownTime();
    return {m_timeline.waiting(), std::max(Duration::zero(), ahead)};
}

QString Playback::whyHeld() const {
    return isHeld() ? tr("Held before the next step until the lesson lets it show") : QString();
}

QString Playback::whyNoJump() const {
    if (const QString why = whyHeld(); !why.isEmpty())
        return why;
    return m_timeline.waiting() == 0 ? tr("Nothing to catch up: the window shows the engine's "
                                          "latest step")
                                     : QString();
}

void Playback::jumpToEngine() {
    if (!whyNoJump().isEmpty())
        return;
    const TimePoint before = m_timeline.shownTime();
    m_timeline.showAll();
    showFrom(before);
}

void Playback::hold() {
    if (isHeld())
        return;
    m_timeline.hold();
    emit heldChanged(true);
    emit advanced();
}

void Playback::release() {
    if (!isHeld())
        return;
    m_timeline.release();
    emit heldChanged(false);
    catchUp();
}

QString Playback::whyNoStep() const {
    if (followsWallClock())
        return tr("Real containers live on the wall clock: their steps show as they happen");
    if (const QString why = whyHeld(); !why.isEmpty())
        return why;
    return m_timeline.waiting() == 0 && !m_session.nextDue()
               ? tr("Nothing is due: every container waits for a command")
               : QString();
}

void Playback::step() {
    if (!whyNoStep().isEmpty())
        return;
    setPaused(true);
    const TimePoint before = m_timeline.shownTime();
    if (m_timeline.waiting() == 0)
        runEngineUntilSteps(m_timeline.steps().size() + 1);
    m_timeline.showNext();
    showFrom(before);
}

QString Playback::whyNoStepBack() const {
    if (const QString why = m_session.whyNoReplay(); !why.isEmpty())
        return why;
    return m_timeline.shownCount() == 0 ? tr("Nothing to step back to: no step shown yet")
                                        : QString();
}

void Playback::stepBack() {
    if (!whyNoStepBack().isEmpty())
        return;
    setPaused(true);
    const std::size_t target = m_timeline.shownCount() - 1;
    // The commands typed before the step to undo was taken, and not one more.
    m_session.replay(m_timeline.steps()[target].commandsBefore);
    runEngineUntilSteps(target);
    m_timeline.markShown(target);
    emit rewound();
    emit advanced();
}

void Playback::reset() {
    if (!whyNoReset().isEmpty())
        return;
    m_session.replay(0);
    startedOver();
}

void Playback::restartOn(std::unique_ptr<EngineSession> session) {
    if (!whyNoReset().isEmpty())
        return;
    const bool wasPlaying = m_session.isPlaying();
    m_session.startOver(std::move(session));
    startedOver();
    if (wasPlaying)
        emit playingChanged(false);
}

void Playback::playRecording(std::unique_ptr<EngineSession> session,
                             std::vector<SessionEntry> entries) {
    if (!whyNoReset().isEmpty())
        return;
    setPaused(true);
    m_session.play(std::move(session), std::move(entries));
    startedOver();
    emit playingChanged(true);
}

QString Playback::whyNoContinueLive() const {
    if (!m_session.isPlaying())
        return tr("No recorded session is playing: commands run live");
    if (m_session.backend() == BackendKind::Real)
        return tr("This session was recorded on real containers: it replays what their kernel "
                  "did, and cannot go on live");
    return whyHeld();
}

void Playback::continueLive() {
    if (!whyNoContinueLive().isEmpty())
        return;
    // The entries that ran by the time shown, and none a waiting step needs to come later.
    const std::size_t shown = m_timeline.shownCount();
    std::size_t keep = 0;
    while (keep < m_session.entryCount() &&
           m_timeline.startedAt() + m_session.entryTime(keep) <= m_timeline.shownTime())
        ++keep;
    if (shown < m_timeline.steps().size())
        keep = std::min(keep, m_timeline.steps()[shown].commandsBefore);
    m_session.continueLive(keep);
    runEngineUntilSteps(shown);
    m_timeline.markShown(shown);
    emit rewound();
    emit advanced();
    emit playingChanged(false);
}

void Playback::startedOver() {
    m_timeline.markShown(0);
    emit rewound();
    emit advanced();
}

void Playback::tick() {
    if (followsWallClock()) { // timers the kernel's news did not wake for, and the ages shown
        takeKernelNews();
        return;
    }
    const auto elapsed = std::chrono::nanoseconds(m_wall.nsecsElapsed());
    m_wall.restart();
    if (!m_paused)
        advance(std::chrono::duration_cast<Duration>(elapsed));
}

} // namespace lab
