// The engine's half of "how a command flows": feed the machine, perform its effects, publish its
// events, and answer the API calls waiting on the outcomes.
#include "engine/Engine.h"

#include <algorithm>

namespace lab {
namespace {

constexpr int kSigKill = 9;

} // namespace

Duration Engine::defaultStopTimeout(const Container& container) {
    return std::chrono::seconds(container.config.stopTimeout.value_or(10));
}

CallResult Engine::answer(const Container& container, const Reaction& reaction,
                          std::string_view nameAsTyped) {
    if (reaction.verdict == Verdict::Refused)
        return Error{refusalText(*reaction.refusal, container.id, nameAsTyped, reaction.detail),
                     ErrorCode::Conflict};
    return container.record.exitCode;
}

CallHandle Engine::command(Container& container, const CommandEvent& event,
                           std::string_view nameAsTyped) {
    auto call = std::make_shared<Call>();
    const Reaction reaction = container.machine.handle(event, container.record);
    if (reaction.verdict == Verdict::Refused) {
        call->finish(answer(container, reaction, nameAsTyped), &reaction);
        for (EngineObserver* observer : m_observers)
            observer->reacted(container, reaction, nullptr);
        return call;
    }
    // The row says which outcomes answer the call; none: it returns now.
    std::vector<Outcome> answeredBy;
    if (reaction.verdict == Verdict::Accepted && reaction.row >= 0)
        answeredBy = LifecycleMachine::table()[std::size_t(reaction.row)].answeredBy;
    if (answeredBy.empty())
        call->finish(answer(container, reaction, nameAsTyped), &reaction);
    else
        m_pending[container.id].push_back({call, std::move(answeredBy), std::string(nameAsTyped)});
    apply(container, reaction, nullptr);
    return call;
}

CallHandle Engine::waitForExit(Container& container, bool untilRemoved) {
    auto call = std::make_shared<Call>();
    std::vector<Outcome> answeredBy{Outcome::ProcessExited};
    if (untilRemoved)
        answeredBy = {Outcome::RemovalDone, Outcome::RemovalFailed};
    m_pending[container.id].push_back({call, std::move(answeredBy), container.name});
    return call;
}

void Engine::report(const std::string& containerId, const OutcomeEvent& event) {
    Container* container = byId(containerId);
    if (!container)
        return; // the container was removed while the outcome was on its way
    if (event.outcome == Outcome::ProcessExited && container->stopTimer) {
        m_clock.cancel(*container->stopTimer);
        container->stopTimer.reset();
    }
    if (event.outcome == Outcome::BackoffElapsed)
        container->restartTimer.reset();
    const Reaction reaction = container->machine.handle(event, container->record);
    apply(*container, reaction, &event);
    if (Container* still = byId(containerId))
        settleCalls(*still, reaction, event.outcome);
    finishDaemonRestartWhenStopped();
}

void Engine::output(const std::string& containerId, TimePoint at, bool isStderr,
                    const std::string& line) {
    Container* container = byId(containerId);
    if (!container)
        return;
    container->appendLog({at, isStderr, line});
    for (EngineObserver* observer : m_observers)
        observer->printed(*container, container->logs.back());
}

void Engine::apply(Container& container, const Reaction& reaction, const OutcomeEvent* outcome) {
    for (EngineObserver* observer : m_observers)
        observer->reacted(container, reaction, outcome);
    for (DockerAction action : reaction.actions)
        publish(container, action, outcome);
    for (const Effect& effect : reaction.effects)
        perform(container, effect);
    if (reaction.to == LifecycleState::Removed)
        forget(container.id);
}

void Engine::publish(const Container& container, DockerAction action, const OutcomeEvent* outcome,
                     std::map<std::string, std::string> extra) {
    DockerEvent event = containerEvent(container, std::string(actionName(action)));
    if (action == DockerAction::Kill && outcome)
        event.attributes["signal"] = std::to_string(outcome->signal);
    if (action == DockerAction::Die)
        event.attributes["exitCode"] = std::to_string(container.record.exitCode);
    for (auto& [key, value] : extra)
        event.attributes[key] = value;
    logEvent(std::move(event));
}

void Engine::perform(Container& container, const Effect& effect) {
    const std::string id = container.id;
    switch (effect.kind) {
    case EffectKind::StartProcess:
        m_backend.startProcess(container);
        break;
    case EffectKind::Signal:
    case EffectKind::KillProcess:
    case EffectKind::StopProcess: {
        const int signal = effect.kind == EffectKind::KillProcess ? kSigKill : effect.signal;
        m_backend.signal(container, signal);
        if (effect.thawAfterSignal)
            m_backend.thaw(container);
        // Docker's stop: the timeout's end is an outcome, and the table decides what follows
        // (a negative timeout waits forever). An exit first cancels it (report()).
        if (effect.kind == EffectKind::StopProcess && effect.delay >= Duration::zero())
            container.stopTimer = m_clock.schedule(m_clock.now() + effect.delay, [this, id] {
                if (Container* stopping = byId(id))
                    stopping->stopTimer.reset();
                report(id, OutcomeEvent{Outcome::StopTimedOut, m_clock.now()});
            });
        break;
    }
    case EffectKind::Freeze:
        m_backend.freeze(container);
        break;
    case EffectKind::Thaw:
        m_backend.thaw(container);
        break;
    case EffectKind::ScheduleRestart:
        container.restartTimer = m_clock.schedule(m_clock.now() + effect.delay, [this, id] {
            report(id, OutcomeEvent{Outcome::BackoffElapsed, m_clock.now()});
        });
        break;
    case EffectKind::CancelRestart:
        if (container.restartTimer)
            m_clock.cancel(*container.restartTimer);
        container.restartTimer.reset();
        break;
    case EffectKind::RemoveFilesystem:
        m_backend.remove(container);
        break;
    }
}

void Engine::settleCalls(Container& container, const Reaction& reaction, Outcome outcome) {
    auto pending = m_pending.find(container.id);
    if (pending == m_pending.end())
        return;
    std::erase_if(pending->second, [&](PendingCall& waiting) {
        const auto& answers = waiting.answeredBy;
        if (std::find(answers.begin(), answers.end(), outcome) == answers.end())
            return false;
        waiting.call->finish(answer(container, reaction, waiting.nameAsTyped), &reaction);
        return true;
    });
}

void Engine::forget(const std::string& id) {
    auto found = m_byId.find(id);
    if (found == m_byId.end())
        return;
    Container& container = *found->second;
    // Everyone still waiting on the container hears that it is gone.
    if (auto pending = m_pending.find(id); pending != m_pending.end()) {
        for (PendingCall& waiting : pending->second)
            waiting.call->finish(container.record.exitCode);
        m_pending.erase(pending);
    }
    if (container.stopTimer)
        m_clock.cancel(*container.stopTimer);
    if (container.restartTimer)
        m_clock.cancel(*container.restartTimer);
    m_idByName.erase(container.name);
    m_creationOrder.erase(container.sequence);
    m_byId.erase(found);
}

// A copy: reactions may remove containers while the caller walks the list.
std::vector<std::pair<std::uint64_t, std::string>> Engine::idsInCreationOrder() const {
    std::vector<std::pair<std::uint64_t, std::string>> ids;
    for (const auto& [sequence, container] : m_creationOrder)
        ids.emplace_back(sequence, container->id);
    return ids;
}

void Engine::tellEveryContainer(Outcome outcome) {
    const OutcomeEvent event{outcome, m_clock.now()};
    for (const auto& [sequence, id] : idsInCreationOrder())
        if (Container* container = byId(id))
            apply(*container, container->machine.handle(event, container->record), &event);
}

void Engine::restartDaemon() {
    m_daemonRestarting = true;
    tellEveryContainer(Outcome::DaemonStopping);
    finishDaemonRestartWhenStopped();
}

void Engine::finishDaemonRestartWhenStopped() {
    if (!m_daemonRestarting)
        return;
    for (const auto& [id, container] : m_byId)
        if (container->machine.isRunning())
            return;
    m_daemonRestarting = false;
    tellEveryContainer(Outcome::DaemonRestored);
}

} // namespace lab
