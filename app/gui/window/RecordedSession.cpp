#include "gui/window/RecordedSession.h"

#include "engine/Engine.h"

#include <algorithm>

namespace lab {

RecordedSession::RecordedSession(EngineSession& first, QObject* parent)
    : QObject(parent), m_first(&first), m_current(&first) {}

RecordedSession::~RecordedSession() {
    m_first->setWaitingLoop({}); // the window's event loop goes with it
    // The window's panels go after this (they were made after it): before a replayed engine
    // goes, they are sent back to the first one, which outlives the window.
    if (m_replayed)
        emit engineReplaced(m_first->engine());
}

CliOutput RecordedSession::run(const std::vector<std::string>& args) {
    emit commandStarting(m_log.size());
    m_log.push_back({engine().clock().now(), args, {}});
    ++m_running;
    CliOutput output = m_current->run(args);
    --m_running;
    emit commandFinished();
    return output;
}

Status RecordedSession::act(const std::function<Status(Engine&)>& action) {
    emit commandStarting(m_log.size());
    m_log.push_back({engine().clock().now(), {}, action});
    Status done = action(engine());
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
    if (backend() != BackendKind::Simulated)
        return tr("Real containers live on the wall clock: real time cannot be rewound");
    return m_running > 0 ? tr("A command still waits in the console: Ctrl-C there ends it")
                         : QString();
}

void RecordedSession::replay(std::size_t keep) {
    std::unique_ptr<EngineSession> fresh = m_current->fresh();
    if (!fresh)
        return;
    std::vector<Recorded> log = std::move(m_log);
    log.resize(std::min(keep, log.size()));
    adopt(std::move(fresh));
    for (const Recorded& command : log) {
        if (const Duration wait = command.at - engine().clock().now(); wait > Duration::zero())
            m_current->sleep(wait);
        if (command.action)
            (void)act(command.action); // it answers as it did the first time
        else
            run(command.args);
    }
    // Replayed commands jump engine time; those typed from now on wait as the first session's.
    m_current->setWaitingLoop(m_waitingLoop);
}

void RecordedSession::startOver(std::unique_ptr<EngineSession> session) {
    adopt(std::move(session));
}

void RecordedSession::adopt(std::unique_ptr<EngineSession> session) {
    m_log.clear();
    // The old session stays alive until the panels have moved to the new one.
    m_current = session.get();
    emit engineReplaced(session->engine());
    m_replayed = std::move(session);
}

} // namespace lab
