#include "gui/RecordedSession.h"

#include "console/SimulatedSession.h"
#include "engine/Engine.h"

#include <algorithm>

namespace lab {

RecordedSession::RecordedSession(SimulatedSession& first, Factory factory, QObject* parent)
    : QObject(parent), m_current(&first), m_factory(std::move(factory)) {}

RecordedSession::~RecordedSession() = default;

CliOutput RecordedSession::run(const std::vector<std::string>& args) {
    emit commandStarting(m_log.size());
    m_log.push_back({engine().clock().now(), args, {}});
    CliOutput output = m_current->run(args);
    emit commandFinished();
    return output;
}

void RecordedSession::act(std::function<void(Engine&)> action) {
    emit commandStarting(m_log.size());
    m_log.push_back({engine().clock().now(), {}, action});
    action(engine());
    emit commandFinished();
}

void RecordedSession::sleep(Duration duration) {
    m_current->sleep(duration);
}

std::vector<std::string> RecordedSession::commands() const {
    return m_current->commands();
}

Engine& RecordedSession::engine() const {
    return m_current->engine();
}

std::optional<TimePoint> RecordedSession::nextDue() const {
    return m_current->nextDue();
}

QString RecordedSession::whyNoReplay() const {
    return m_factory ? QString()
                     : tr("This engine cannot go back in time: only the simulated engine replays");
}

void RecordedSession::replay(std::size_t keep) {
    if (!m_factory)
        return;
    std::vector<Recorded> log = std::move(m_log);
    log.resize(std::min(keep, log.size()));
    m_log.clear();
    // The old session stays alive until the panels have moved to the new one.
    std::unique_ptr<SimulatedSession> fresh = m_factory();
    m_current = fresh.get();
    emit engineReplaced(fresh->engine());
    m_replayed = std::move(fresh);
    for (const Recorded& command : log) {
        if (const Duration wait = command.at - engine().clock().now(); wait > Duration::zero())
            m_current->sleep(wait);
        if (command.action)
            act(command.action);
        else
            run(command.args);
    }
}

} // namespace lab
