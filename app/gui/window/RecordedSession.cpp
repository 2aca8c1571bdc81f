#include "gui/window/RecordedSession.h"

#include "console/ForegroundSession.h"
#include "engine/Engine.h"

#include <algorithm>
#include <utility>

namespace lab {

RecordedSession::RecordedSession(EngineSession& first, QObject* parent)
    : QObject(parent), m_first(&first), m_current(&first), m_origin(first.engine().clock().now()) {}

RecordedSession::~RecordedSession() {
    m_first->setWaitingLoop({}); // the window's event loop goes with it
    // The window's panels go after this (they were made after it): before a replayed engine
    // goes, they are sent back to the first one, which outlives the window.
    if (m_replayed)
        emit engineReplaced(m_first->engine());
}

QString RecordedSession::whyNoCommands() const {
    return isPlaying() ? tr("a recorded session is playing back: choose Engine > Continue live "
                            "from here to run commands")
                       : QString();
}

CliOutput RecordedSession::run(const std::vector<std::string>& args) {
    emit commandStarting(m_log.size());
    m_log.push_back({engine().clock().now() - m_origin, args, {}, {}});
    const std::optional<std::size_t> outer = std::exchange(m_waiting, m_log.size() - 1);
    ++m_running;
    CliOutput output = m_current->run(args);
    --m_running;
    m_waiting = outer;
    emit commandFinished();
    return output;
}

Status RecordedSession::act(const EngineAction& action) {
    if (const QString why = whyNoCommands(); !why.isEmpty())
        return Error{why.toStdString()};
    emit commandStarting(m_log.size());
    m_log.push_back({engine().clock().now() - m_origin, {}, action, {}});
    Status done = applyEngineAction(action, engine());
    emit commandFinished();
    return done;
}

void RecordedSession::sleep(Duration duration) {
    m_current->sleep(duration);
}

std::vector<std::string> RecordedSession::takeKernelTrace() {
    return m_current->takeKernelTrace();
}

Engine& RecordedSession::engine() {
    return m_current->engine();
}

BackendKind RecordedSession::backend() const {
    return m_current->backend();
}

int RecordedSession::readyDescriptor() const {
    return m_current->readyDescriptor();
}

void RecordedSession::dispatchReady() {
    m_current->dispatchReady();
}

void RecordedSession::setWaitingLoop(std::function<void()> wait) {
    m_waitingLoop = std::move(wait);
    m_current->setWaitingLoop(m_waitingLoop);
}

void RecordedSession::stopWaiting() {
    m_current->stopWaiting();
}

void RecordedSession::typed(const TypedInput& input) {
    if (m_waiting)
        m_log[*m_waiting].typed.push_back({engine().clock().now() - m_origin, input});
}

std::optional<TimePoint> RecordedSession::nextDue() const {
    return m_current->nextDue();
}

std::vector<std::string> RecordedSession::kernelTrace(const std::string& id) const {
    return m_current->kernelTrace(id);
}

Expected<ResourceSample> RecordedSession::resources(const std::string& id) const {
    return m_current->resources(id);
}

QString RecordedSession::whyNoReplay() const {
    // A file's session replays whatever its backend was; live real containers cannot.
    if (backend() != BackendKind::Simulated && !isPlaying())
        return tr("Real containers live on the wall clock: real time cannot be rewound");
    return m_running > 0 ? tr("A command still waits in the console: Ctrl-C there ends it")
                         : QString();
}

void RecordedSession::replay(std::size_t keep) {
    std::unique_ptr<EngineSession> fresh = m_current->fresh();
    if (!fresh)
        return;
    // A file playing replays whole: the steps after the one shown stay ahead of the window.
    std::vector<SessionEntry> entries = m_playing ? *m_playing : std::move(m_log);
    if (!m_playing)
        entries.resize(std::min(keep, entries.size()));
    adopt(std::move(fresh));
    runEntries(entries);
}

void RecordedSession::runEntries(const std::vector<SessionEntry>& entries) {
    // Recorded as they replay (m_log), with the playing switched off meanwhile: the same steps.
    std::optional<std::vector<SessionEntry>> playing = std::move(m_playing);
    m_playing.reset();
    // The console's keys come again at their engine times (they are recorded again too).
    ForegroundSession typist(*this, [this]() -> Engine& { return engine(); }, {});
    replayEntries(*m_current, m_origin, entries, [&](const SessionEntry& entry) {
        if (entry.action)
            (void)act(*entry.action); // it answers as it did the first time
        else
            typist.runAsTyped(entry.command, entry.typed, m_origin);
    });
    m_playing = std::move(playing);
    // Replayed commands jump engine time; those typed from now on wait as the first session's.
    m_current->setWaitingLoop(m_waitingLoop);
}

void RecordedSession::play(std::unique_ptr<EngineSession> session,
                           std::vector<SessionEntry> entries) {
    startOver(std::move(session));
    runEntries(entries);
    m_playing = std::move(entries);
}

void RecordedSession::continueLive(std::size_t keep) {
    if (!m_playing)
        return;
    m_log = std::move(*m_playing);
    m_playing.reset();
    replay(keep);
}

std::optional<SessionRecording> RecordedSession::recording() const {
    std::optional<SessionRecording> recording = m_current->origin();
    if (recording) {
        recording->entries = m_playing ? *m_playing : m_log;
        recording->start = m_origin;
    }
    return recording;
}

std::size_t RecordedSession::entryCount() const {
    return m_playing ? m_playing->size() : m_log.size();
}

Duration RecordedSession::entryTime(std::size_t index) const {
    return m_playing ? (*m_playing)[index].at : m_log[index].at;
}

void RecordedSession::startOver(std::unique_ptr<EngineSession> session) {
    m_playing.reset();
    adopt(std::move(session));
}

void RecordedSession::adopt(std::unique_ptr<EngineSession> session) {
    m_log.clear();
    // The old session stays alive until the panels have moved to the new one.
    m_current = session.get();
    m_origin = m_current->engine().clock().now();
    emit engineReplaced(session->engine());
    m_replayed = std::move(session);
}

} // namespace lab
