// The engine's half of "how a command flows": feed the machine, perform its effects, publish its
// events, and answer the API calls waiting on the outcomes.
#include "engine/Engine.h"

namespace lab {
namespace {

constexpr int kSigKill = 9;

bool has(const Reaction& reaction, EffectKind kind) {
    for (const Effect& effect : reaction.effects)
        if (effect.kind == kind)
            return true;
    return false;
}

} // namespace

Duration Engine::defaultStopTimeout(const Container& container) {
    return std::chrono::seconds(container.config.stopTimeout.value_or(10));
}

Engine::Await Engine::awaitFor(Command command, const Reaction& reaction) const {
    switch (command) {
    case Command::Start:
    case Command::Restart:
        return Await::Start;
    case Command::Stop:
    case Command::Kill:
        return has(reaction, EffectKind::StopProcess) || has(reaction, EffectKind::KillProcess)
                   ? Await::Exit
                   : Await::Nothing;
    case Command::Pause:
        return Await::Freeze;
    case Command::Unpause:
        return Await::Thaw;
    case Command::Remove:
    case Command::RemoveForce:
        return Await::Removal;
    case Command::Wait:
        return reaction.waitBlocks ? Await::AnyExit : Await::Nothing;
    case Command::Create:
    case Command::Rename:
        return Await::Nothing;
    }
    return Await::Nothing;
}

CallHandle Engine::command(Container& container, const CommandEvent& event,
                           std::string_view nameAsTyped) {
    auto call = std::make_shared<Call>();
    const Reaction reaction = container.machine.handle(event, container.record);
    if (reaction.verdict == Verdict::Refused) {
        call->finish(
            {false, refusalText(*reaction.refusal, container.id, nameAsTyped, reaction.detail)});
        for (EngineObserver* observer : m_observers)
            observer->reacted(container, reaction);
        return call;
    }
    const Await await = reaction.verdict == Verdict::NotModified
                            ? Await::Nothing
                            : awaitFor(event.command, reaction);
    if (await == Await::Nothing)
        call->finish({true, {}, container.record.exitCode});
    else
        m_pending[container.id].push_back({call, await, std::string(nameAsTyped)});
    apply(container, reaction, nullptr);
    return call;
}

CallHandle Engine::waitForExit(Container& container, bool untilRemoved) {
    auto call = std::make_shared<Call>();
    m_pending[container.id].push_back(
        {call, untilRemoved ? Await::Removed : Await::NextExit, container.name});
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
        settleCalls(*still, reaction, event);
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
        observer->reacted(container, reaction);
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
        // Docker's stop: after the timeout, SIGKILL (a negative timeout waits forever).
        if (effect.kind == EffectKind::StopProcess && effect.delay >= Duration::zero())
            container.stopTimer = m_clock.schedule(m_clock.now() + effect.delay, [this, id] {
                Container* stopping = byId(id);
                if (!stopping)
                    return;
                stopping->stopTimer.reset();
                if (stopping->machine.isRunning() && !stopping->machine.isRestarting())
                    m_backend.signal(*stopping, kSigKill);
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

void Engine::settleCalls(Container& container, const Reaction& reaction,
                         const OutcomeEvent& outcome) {
    auto pending = m_pending.find(container.id);
    if (pending == m_pending.end())
        return;
    const int exitCode = container.record.exitCode;
    const bool stoppedRunning =
        outcome.outcome == Outcome::ProcessExited && !container.machine.isRunning();
    const bool wokeWaiters = outcome.outcome == Outcome::ProcessExited &&
                             (!container.machine.isRunning() || container.machine.isRestarting());
    auto refusal = [&] {
        return reaction.refusal
                   ? refusalText(*reaction.refusal, container.id, container.name, reaction.detail)
                   : outcome.error;
    };
    std::erase_if(pending->second, [&](PendingCall& waiting) {
        std::optional<CallResult> result;
        switch (waiting.await) {
        case Await::Start:
            if (outcome.outcome == Outcome::ProcessStarted)
                result = CallResult{};
            else if (outcome.outcome == Outcome::StartFailed)
                result = CallResult{false, reaction.refusal
                                               ? refusalText(*reaction.refusal, container.id,
                                                             waiting.nameAsTyped, reaction.detail)
                                               : outcome.error};
            break;
        case Await::Exit:
            if (stoppedRunning)
                result = CallResult{true, {}, exitCode};
            break;
        case Await::Freeze:
            if (outcome.outcome == Outcome::Frozen)
                result = CallResult{};
            else if (outcome.outcome == Outcome::FreezeFailed)
                result = CallResult{false, refusal()};
            break;
        case Await::Thaw:
            if (outcome.outcome == Outcome::Thawed)
                result = CallResult{};
            break;
        case Await::Removal:
        case Await::Removed:
            if (outcome.outcome == Outcome::RemovalFailed)
                result = CallResult{false, outcome.error, exitCode};
            break;
        case Await::AnyExit:
            if (wokeWaiters)
                result = CallResult{true, {}, exitCode};
            break;
        case Await::NextExit:
            if (outcome.outcome == Outcome::ProcessExited)
                result = CallResult{true, {}, exitCode};
            break;
        case Await::Nothing:
            result = CallResult{};
            break;
        }
        if (result)
            waiting.call->finish(*result);
        return result.has_value();
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
            waiting.call->finish({true, {}, container.record.exitCode});
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

void Engine::restartDaemon() {
    m_daemonRestarting = true;
    for (const auto& [sequence, id] : idsInCreationOrder())
        if (Container* container = byId(id))
            apply(*container,
                  container->machine.handle(OutcomeEvent{Outcome::DaemonStopping, m_clock.now()},
                                            container->record),
                  nullptr);
    finishDaemonRestartWhenStopped();
}

void Engine::finishDaemonRestartWhenStopped() {
    if (!m_daemonRestarting)
        return;
    for (const auto& [id, container] : m_byId)
        if (container->machine.isRunning())
            return;
    m_daemonRestarting = false;
    for (const auto& [sequence, id] : idsInCreationOrder())
        if (Container* container = byId(id))
            apply(*container,
                  container->machine.handle(OutcomeEvent{Outcome::DaemonRestored, m_clock.now()},
                                            container->record),
                  nullptr);
}

} // namespace lab
