#pragma once
// A small stand-in for the engine, for the lifecycle tests: it feeds commands to one
// LifecycleMachine and performs the effects the machine asks for, answering each with the
// outcomes the effects -> outcomes contract promises (see Lifecycle.h). Time is virtual.
// The process it models dies of any signal (exit 128+n) unless told to ignore it, as a PID 1
// without a handler ignores SIGTERM (DOCKER-BEHAVIOUR §2.6); a frozen one dies only once thawed.

#include "base/Clock.h"
#include "machines/Lifecycle.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace lab::test {

/// The Docker ID and name the tests use; the ID is one a real engine gave (transcript 02).
inline constexpr const char* kId =
    "280427eebfcdeee8e86ce9de900e096dc19a4f9d05cd8ec05cf247871903b7a2";
inline constexpr const char* kName = "c1";

class LifecycleDriver {
public:
    LifecycleMachine machine;
    LifecycleRecord record;
    TimePoint now = VirtualClock::defaultStart();

    // How the modelled world behaves.
    std::vector<int> ignores;                ///< signals the process survives (never 9)
    std::optional<int> exitsAfterStart;      ///< the workload ends by itself with this code
    Duration runsFor = 1s;                   ///< ... after running this long
    std::optional<std::string> startError;   ///< StartProcess fails with this error ...
    int startErrorCode = 127;                ///< ... and this exit code
    std::optional<std::string> freezeError;  ///< Freeze fails with this error
    std::optional<std::string> removalError; ///< RemoveFilesystem fails with this error

    // What happened.
    std::vector<std::string> events; ///< Docker events, "kill 15", "die 143", "stop"
    std::vector<Duration> backoffs;  ///< the delay of every ScheduleRestart performed
    std::vector<Reaction> reactions; ///< every reaction, in order
    std::vector<int> firedRows;      ///< the table row of every reaction (-1 for none)

    /// Sends a command; its effects wait in the queue until settle().
    Reaction command(Command command, int signal = 9, Duration timeout = 10s) {
        CommandEvent event;
        event.command = command;
        event.at = now;
        event.signal = signal;
        event.timeout = timeout;
        return take(machine.handle(event, record), 0, 0);
    }

    /// Sends an outcome as the backend would report it now.
    Reaction outcome(Outcome outcome, int exitCode = 0, int signal = 0, std::string error = {}) {
        OutcomeEvent event;
        event.outcome = outcome;
        event.at = now;
        event.exitCode = exitCode;
        event.signal = signal;
        event.error = std::move(error);
        return take(machine.handle(event, record), signal, exitCode);
    }

    /// Performs queued effects until none is left, or until maxBackoffs restarts have been
    /// waited for (the next ScheduleRestart then stays queued: the container stays restarting).
    void settle(int maxBackoffs = std::numeric_limits<int>::max()) {
        int waited = 0;
        while (!m_pending.empty()) {
            const Effect effect = m_pending.front();
            if (effect.kind == EffectKind::ScheduleRestart && waited == maxBackoffs)
                return;
            m_pending.pop_front();
            if (effect.kind == EffectKind::ScheduleRestart)
                ++waited;
            perform(effect);
        }
    }

    /// Forgets effects still queued, as if they were in flight when the test looks.
    void dropPending() { m_pending.clear(); }
    /// The effects still queued.
    const std::deque<Effect>& pending() const { return m_pending; }

private:
    Reaction take(Reaction reaction, int signal, int exitCode) {
        for (const DockerAction action : reaction.actions) {
            std::string text(actionName(action));
            if (action == DockerAction::Kill)
                text += " " + std::to_string(signal);
            else if (action == DockerAction::Die)
                text += " " + std::to_string(exitCode);
            events.push_back(text);
        }
        for (const Effect& effect : reaction.effects) {
            if (effect.kind == EffectKind::CancelRestart)
                dropScheduledRestarts();
            else
                m_pending.push_back(effect);
        }
        reactions.push_back(reaction);
        firedRows.push_back(reaction.row);
        return reaction;
    }

    void dropScheduledRestarts() {
        std::deque<Effect> kept;
        for (const Effect& effect : m_pending)
            if (effect.kind != EffectKind::ScheduleRestart)
                kept.push_back(effect);
        m_pending = kept;
    }

    // The signal lands; a thaw follows when asked; the process dies of it unless it ignores it
    // or is still frozen.
    bool deliver(int signal, bool thaw) {
        outcome(Outcome::Signalled, 0, signal);
        if (thaw)
            outcome(Outcome::Thawed);
        if (machine.node() == LifecycleState::Paused)
            return false;
        return signal == 9 || std::find(ignores.begin(), ignores.end(), signal) == ignores.end();
    }

    void perform(const Effect& effect) {
        switch (effect.kind) {
        case EffectKind::StartProcess:
            if (startError) {
                outcome(Outcome::StartFailed, startErrorCode, 0, *startError);
                return;
            }
            outcome(Outcome::ProcessStarted);
            if (exitsAfterStart) {
                now += runsFor;
                outcome(Outcome::ProcessExited, *exitsAfterStart);
            }
            return;
        case EffectKind::Signal:
            if (deliver(effect.signal, effect.thawAfterSignal) && effect.signal != 9)
                outcome(Outcome::ProcessExited, 128 + effect.signal);
            return;
        case EffectKind::StopProcess:
            if (deliver(effect.signal, effect.thawAfterSignal)) {
                outcome(Outcome::ProcessExited, 128 + effect.signal);
                return;
            }
            if (effect.delay < Duration::zero())
                return; // -t -1: the stop waits forever
            now += effect.delay;
            outcome(Outcome::StopTimedOut); // its row asks for what follows
            return;
        case EffectKind::KillProcess:
            deliver(9, effect.thawAfterSignal);
            outcome(Outcome::ProcessExited, 137);
            return;
        case EffectKind::Freeze:
            if (freezeError)
                outcome(Outcome::FreezeFailed, 0, 0, *freezeError);
            else
                outcome(Outcome::Frozen);
            return;
        case EffectKind::Thaw:
            outcome(Outcome::Thawed);
            return;
        case EffectKind::ScheduleRestart:
            backoffs.push_back(effect.delay);
            now += effect.delay;
            outcome(Outcome::BackoffElapsed);
            return;
        case EffectKind::CancelRestart:
            return;
        case EffectKind::RemoveFilesystem:
            if (removalError)
                outcome(Outcome::RemovalFailed, 0, 0, *removalError);
            else
                outcome(Outcome::RemovalDone);
            return;
        }
    }

    std::deque<Effect> m_pending;
};

/// A driver whose container is in the given Docker state, reached the way a user gets there;
/// effects still in flight at that point are dropped. config is the container's record.
inline LifecycleDriver reach(ContainerState state, const LifecycleRecord& config = {}) {
    LifecycleDriver d;
    d.record = config;
    d.command(Command::Create);
    switch (state) {
    case ContainerState::Created:
        break;
    case ContainerState::Running:
        d.command(Command::Start);
        d.settle();
        break;
    case ContainerState::Paused:
        d.command(Command::Start);
        d.settle();
        d.command(Command::Pause);
        d.settle();
        break;
    case ContainerState::Restarting:
        d.record.restartPolicy = {RestartPolicyKind::Always, 0};
        d.exitsAfterStart = 1;
        d.command(Command::Start);
        d.settle(0);
        d.exitsAfterStart.reset();
        break;
    case ContainerState::Removing:
        d.command(Command::Remove);
        break;
    case ContainerState::Exited:
        d.command(Command::Start);
        d.settle();
        d.outcome(Outcome::ProcessExited, 0);
        break;
    case ContainerState::Dead:
        d.removalError = "unlinkat /var/lib/docker/containers/x: device or resource busy";
        d.command(Command::Remove);
        d.settle();
        d.removalError.reset();
        break;
    }
    d.dropPending();
    d.events.clear();
    d.reactions.clear();
    return d;
}

} // namespace lab::test
