#pragma once
// The actions and guards of the lifecycle table (LifecycleMachine.cpp), as functor types in the
// shape Boost.MSM's functor front-end calls them. MSM-free and C++17-clean: they only fill the
// Reaction and update the LifecycleRecord that the machine points them at, never do I/O.
// An action's template arguments are the Docker events it publishes, so table() can list them.

#include "machines/Lifecycle.h"
#include "machines/LifecycleRules.h"
#include "machines/RestartManager.h"

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace lab::lifecycle {

// ---------------------------------------------------------------------------------------------
// What actions work on: the record they update and the reaction they fill. No I/O here.

/// What an action works on while one event is processed.
struct Step {
    LifecycleRecord& record;
    Reaction& reaction;
    bool paused; // the source state is paused: a signal only lands once the cgroup is thawed

    void request(EffectKind kind, int signal = 0, bool thaw = false, Duration delay = {}) {
        reaction.effects.push_back(Effect{kind, signal, thaw, delay});
    }
    void refuse(Refusal refusal, std::string detail = {}) {
        reaction.verdict = Verdict::Refused;
        reaction.refusal = refusal;
        reaction.detail = std::move(detail);
    }
};

/// The outcomes that answer the Docker call of a command row: the call returns at the first.
template <Outcome... Outcomes> struct Answers {
    static void list(std::vector<Outcome>& out) { (out.push_back(Outcomes), ...); }
};
using AnsweredByStart = Answers<Outcome::ProcessStarted, Outcome::StartFailed>;
using AnsweredByExit = Answers<Outcome::ProcessExited>;
using AnsweredByRemoval = Answers<Outcome::RemovalDone, Outcome::RemovalFailed>;

/// Base of every action: Self::apply() does the work; Publishes are its Docker events. A
/// command's action that leaves its call waiting names the answers: `using AnsweredBy = ...`.
template <class Self, DockerAction... Publishes> struct Action {
    using AnsweredBy = Answers<>; // the call returns at once
    static void publishes(std::vector<DockerAction>& out) { (out.push_back(Publishes), ...); }

    template <class Evt, class Fsm, class Src, class Tgt>
    void operator()(const Evt& evt, Fsm& fsm, Src&, Tgt&) const {
        Step step{*fsm.m_record, *fsm.m_reaction, Src::node == LifecycleState::Paused};
        Self::apply(step, *evt.payload);
        (step.reaction.actions.push_back(Publishes), ...);
    }
};

/// Base of every guard: Self::test() is a pure test of the record and the event.
template <class Self> struct Guard {
    template <class Evt, class Fsm, class Src, class Tgt>
    bool operator()(const Evt& evt, Fsm& fsm, Src&, Tgt&) const {
        return Self::test(std::as_const(*fsm.m_record), *evt.payload);
    }
};

// ---- bookkeeping shared by several actions --------------------------------------------------

// containerStart(resetRestartManager=true): a manual start forgets the restart history.
/// Resets the restart manager and asks for the process to start (a manual start).
inline void startAfresh(Step& s, Intent intent) {
    s.record.restartCount = 0;
    s.record.backoff = Duration{0};
    s.record.manuallyStopped = false;
    s.record.restartCancelled = false;
    s.record.intent = intent;
    s.request(EffectKind::StartProcess);
}

// killWithSignal with a signal that cancels the restart manager (ExitOnNext).
/// Marks the container manually stopped and its restart manager cancelled.
inline void stopManually(Step& s) {
    s.record.manuallyStopped = true;
    s.record.restartCancelled = true;
}

// SetStopped / SetRestarting: what every exit of the main process records.
/// Records an exit of the main process: code, time, the restart manager's new delay.
inline void recordExit(Step& s, const OutcomeEvent& e) {
    const auto decision =
        decideRestart(s.record, e.exitCode, e.at - s.record.startedAt, s.record.manuallyStopped);
    s.record.backoff = decision.backoff;
    s.record.exitCode = e.exitCode;
    s.record.finishedAt = e.at;
    s.record.intent = Intent::None;
}

// SetRunning(initial=true).
/// Records a successful start (SetRunning).
inline void recordStart(Step& s, const OutcomeEvent& e) {
    s.record.hasBeenStarted = true;
    s.record.startedAt = e.at;
    s.record.exitCode = 0;
    s.record.error.clear();
    s.record.intent = Intent::None;
}

// containerStart's deferred clean-up after a failed start.
/// Records a failed start and refuses with the runtime's error.
inline void recordStartFailure(Step& s, const OutcomeEvent& e) {
    if (e.exitCode != 0)
        s.record.exitCode = e.exitCode; // translateContainerdStartErr: 126, 127
    else if (s.record.exitCode == 0)
        s.record.exitCode = 128; // "make sure we don't leave it at zero"
    s.record.error = e.error;
    s.refuse(s.record.intent == Intent::Restart ? Refusal::RestartFailed : Refusal::StartFailed,
             e.error);
    s.record.intent = Intent::None;
}

// A fresh restart manager, as the daemon makes one for every container it restores.
/// Forgets the in-memory restart manager, as a restarted daemon does.
inline void freshRestartManager(Step& s) {
    s.record.restartCancelled = false;
    s.record.backoff = Duration{0};
}

// ---- actions --------------------------------------------------------------------------------

/// Refuses the command with Docker's message R.
template <Refusal R> struct Refuse : Action<Refuse<R>> {
    static std::string name() { return "Refuse<" + std::string(refusalName(R)) + ">"; }
    static void apply(Step& s, const CommandEvent&) { s.refuse(R); }
};
/// Docker's 304: success, nothing happens.
struct NotModified : Action<NotModified> {
    static std::string name() { return "NotModified"; }
    static void apply(Step& s, const CommandEvent&) { s.reaction.verdict = Verdict::NotModified; }
};
/// Publishes one Docker event and does nothing else.
template <DockerAction A> struct Publish : Action<Publish<A>, A> {
    static std::string name() { return "Publish<" + std::string(actionName(A)) + ">"; }
    template <class Payload> static void apply(Step&, const Payload&) {}
};
/// Accepts the event and does nothing.
struct Ignore : Action<Ignore> {
    static std::string name() { return "Ignore"; }
    template <class Payload> static void apply(Step&, const Payload&) {}
};
/// docker wait on a stopped container: answers at once with the exit code.
struct AnswerWait : Action<AnswerWait> {
    static std::string name() { return "AnswerWait"; }
    static void apply(Step&, const CommandEvent&) {}
};
/// docker exec or top on a live container: the daemon goes ahead; the state does not change.
struct LookInside : Action<LookInside> {
    static std::string name() { return "LookInside"; }
    static void apply(Step&, const CommandEvent&) {}
};
/// docker wait on a live container: blocks until the next exit.
struct BlockWait : Action<BlockWait> {
    static std::string name() { return "BlockWait"; }
    using AnsweredBy = AnsweredByExit;
    static void apply(Step& s, const CommandEvent&) { s.reaction.waitBlocks = true; }
};
/// docker start: the process is to be started.
struct RequestStart : Action<RequestStart> {
    static std::string name() { return "RequestStart"; }
    using AnsweredBy = AnsweredByStart;
    template <class Payload> static void apply(Step& s, const Payload&) {
        startAfresh(s, Intent::Start);
    }
};
/// docker restart of a stopped container: a start that logs restart too.
struct RequestRestart : Action<RequestRestart> {
    static std::string name() { return "RequestRestart"; }
    using AnsweredBy = AnsweredByStart;
    static void apply(Step& s, const CommandEvent&) { startAfresh(s, Intent::Restart); }
};
/// docker stop (I = Stop) or the stop part of docker restart of a live container (I =
/// Restart, the start follows the exit): stop signal, then the timeout's outcome decides.
template <Intent I> struct StopFor : Action<StopFor<I>> {
    static_assert(I == Intent::Stop || I == Intent::Restart);
    static std::string name() { return I == Intent::Stop ? "RequestStop" : "StopToRestart"; }
    using AnsweredBy = std::conditional_t<I == Intent::Stop, AnsweredByExit, AnsweredByStart>;
    static void apply(Step& s, const CommandEvent& e) {
        stopManually(s);
        s.record.intent = I;
        s.request(EffectKind::StopProcess, s.record.stopSignal, s.paused, e.timeout);
    }
};
using RequestStop = StopFor<Intent::Stop>;
using StopToRestart = StopFor<Intent::Restart>;
/// The stop's timeout ran out before the exit: SIGKILL, resuming a paused container so that it
/// lands (Docker's Kill after containerStop's wait).
struct KillAfterTimeout : Action<KillAfterTimeout> {
    static std::string name() { return "KillAfterTimeout"; }
    static void apply(Step& s, const OutcomeEvent&) {
        s.request(EffectKind::KillProcess, 9, s.paused);
    }
};
/// docker kill (SIGKILL): kill and wait for the exit.
struct RequestKill : Action<RequestKill> {
    static std::string name() { return "RequestKill"; }
    using AnsweredBy = AnsweredByExit;
    static void apply(Step& s, const CommandEvent&) {
        stopManually(s);
        s.record.intent = Intent::Kill;
        s.request(EffectKind::KillProcess, 9, s.paused);
    }
};
// Any other signal is only delivered: the process may ignore it, so nothing is in flight.
/// docker kill -s SIG: deliver the signal only.
struct RequestSignal : Action<RequestSignal> {
    static std::string name() { return "RequestSignal"; }
    static void apply(Step& s, const CommandEvent& e) {
        const bool cancels = killCancelsRestart(s.record, e.signal);
        s.record.manuallyStopped = true;
        if (cancels)
            s.record.restartCancelled = true;
        s.request(EffectKind::Signal, e.signal, s.paused && cancels);
    }
};
/// docker pause: freeze the cgroup.
struct RequestFreeze : Action<RequestFreeze> {
    static std::string name() { return "RequestFreeze"; }
    using AnsweredBy = Answers<Outcome::Frozen, Outcome::FreezeFailed>;
    static void apply(Step& s, const CommandEvent&) { s.request(EffectKind::Freeze); }
};
/// docker unpause: thaw the cgroup.
struct RequestThaw : Action<RequestThaw> {
    static std::string name() { return "RequestThaw"; }
    using AnsweredBy = Answers<Outcome::Thawed>;
    static void apply(Step& s, const CommandEvent&) { s.request(EffectKind::Thaw); }
};
/// docker rm of a stopped container: remove its files.
struct RequestRemoval : Action<RequestRemoval> {
    static std::string name() { return "RequestRemoval"; }
    using AnsweredBy = AnsweredByRemoval;
    static void apply(Step& s, const CommandEvent&) { s.request(EffectKind::RemoveFilesystem); }
};
// rm -f of a live container: Kill() first; the removal follows its exit.
/// docker rm -f of a live container: kill it; the removal follows the exit.
struct KillToRemove : Action<KillToRemove> {
    static std::string name() { return "KillToRemove"; }
    using AnsweredBy = AnsweredByRemoval;
    static void apply(Step& s, const CommandEvent&) {
        stopManually(s);
        s.record.intent = Intent::RemoveForce;
        s.request(EffectKind::KillProcess, 9, s.paused);
    }
};
// A restarting container has no process: stop, kill and rm -f just cancel the restart.
/// docker stop of a restarting container: cancel the restart.
struct CancelToStop : Action<CancelToStop, DockerAction::Stop> {
    static std::string name() { return "CancelToStop"; }
    static void apply(Step& s, const CommandEvent&) {
        stopManually(s);
        s.request(EffectKind::CancelRestart);
    }
};
/// docker kill of a restarting container: cancel the restart, silently.
struct CancelOnKill : Action<CancelOnKill> {
    static std::string name() { return "CancelOnKill"; }
    static void apply(Step& s, const CommandEvent&) {
        stopManually(s);
        s.request(EffectKind::CancelRestart);
    }
};
/// docker kill of a restarting container with a signal that does not cancel.
struct NoteManualStop : Action<NoteManualStop> {
    static std::string name() { return "NoteManualStop"; }
    static void apply(Step& s, const CommandEvent&) { s.record.manuallyStopped = true; }
};
/// docker restart of a restarting container: cancel, then start at once.
struct CancelToRestart : Action<CancelToRestart, DockerAction::Stop> {
    static std::string name() { return "CancelToRestart"; }
    using AnsweredBy = AnsweredByStart;
    static void apply(Step& s, const CommandEvent&) {
        s.request(EffectKind::CancelRestart);
        startAfresh(s, Intent::Restart);
    }
};
/// docker rm -f of a restarting container: cancel, then remove.
struct CancelToRemove : Action<CancelToRemove> {
    static std::string name() { return "CancelToRemove"; }
    using AnsweredBy = AnsweredByRemoval;
    static void apply(Step& s, const CommandEvent&) {
        stopManually(s);
        s.request(EffectKind::CancelRestart);
        s.request(EffectKind::RemoveFilesystem);
    }
};

/// The freezer failed: docker pause fails with its error.
struct RefuseFreeze : Action<RefuseFreeze> {
    static std::string name() { return "RefuseFreeze"; }
    static void apply(Step& s, const OutcomeEvent& e) { s.refuse(Refusal::PauseFailed, e.error); }
};
/// The process runs: start.
struct RecordStart : Action<RecordStart, DockerAction::Start> {
    static std::string name() { return "RecordStart"; }
    static void apply(Step& s, const OutcomeEvent& e) { recordStart(s, e); }
};
/// The process runs again after docker restart: start, restart.
struct RecordRestart : Action<RecordRestart, DockerAction::Start, DockerAction::Restart> {
    static std::string name() { return "RecordRestart"; }
    static void apply(Step& s, const OutcomeEvent& e) { recordStart(s, e); }
};
/// The start failed: the container stays where it was.
struct FailStart : Action<FailStart> {
    static std::string name() { return "FailStart"; }
    static void apply(Step& s, const OutcomeEvent& e) { recordStartFailure(s, e); }
};
/// The start of a --rm container failed: it is removed.
struct FailStartThenRemove : Action<FailStartThenRemove> {
    static std::string name() { return "FailStartThenRemove"; }
    static void apply(Step& s, const OutcomeEvent& e) {
        recordStartFailure(s, e);
        s.request(EffectKind::RemoveFilesystem);
    }
};
// The restart manager's delayed start failed: SetStopped with the exit that led to the
// restart, so the exit code and FinishedAt stay those of the last run.
/// The restart manager's start failed: the container ends exited.
struct FailPolicyStart : Action<FailPolicyStart> {
    static std::string name() { return "FailPolicyStart"; }
    static void apply(Step& s, const OutcomeEvent& e) {
        s.record.error = e.error;
        s.refuse(Refusal::StartFailed, e.error);
    }
};
/// The back-off is over: the restart manager starts the process.
struct RequestPolicyStart : Action<RequestPolicyStart> {
    static std::string name() { return "RequestPolicyStart"; }
    static void apply(Step& s, const OutcomeEvent&) { s.request(EffectKind::StartProcess); }
};
/// The process exited and the container is removed (rm -f, or --rm).
struct ExitThenRemove : Action<ExitThenRemove, DockerAction::Die> {
    static std::string name() { return "ExitThenRemove"; }
    static void apply(Step& s, const OutcomeEvent& e) {
        recordExit(s, e);
        s.request(EffectKind::RemoveFilesystem);
    }
};
/// The process exited for docker restart: start it again at once.
struct ExitThenRestart : Action<ExitThenRestart, DockerAction::Die, DockerAction::Stop> {
    static std::string name() { return "ExitThenRestart"; }
    static void apply(Step& s, const OutcomeEvent& e) {
        recordExit(s, e);
        startAfresh(s, Intent::Restart);
    }
};
/// The process exited for docker stop.
struct ExitStopped : Action<ExitStopped, DockerAction::Die, DockerAction::Stop> {
    static std::string name() { return "ExitStopped"; }
    static void apply(Step& s, const OutcomeEvent& e) { recordExit(s, e); }
};
/// The process of a --rm container exited for docker stop: remove it.
struct ExitStoppedThenRemove
    : Action<ExitStoppedThenRemove, DockerAction::Die, DockerAction::Stop> {
    static std::string name() { return "ExitStoppedThenRemove"; }
    static void apply(Step& s, const OutcomeEvent& e) {
        recordExit(s, e);
        s.request(EffectKind::RemoveFilesystem);
    }
};
/// The process exited and the restart policy restarts it after the back-off.
struct ExitThenBackOff : Action<ExitThenBackOff, DockerAction::Die> {
    static std::string name() { return "ExitThenBackOff"; }
    static void apply(Step& s, const OutcomeEvent& e) {
        recordExit(s, e);
        ++s.record.restartCount;
        s.request(EffectKind::ScheduleRestart, 0, false, s.record.backoff);
    }
};
/// The process exited and the container stays exited.
struct ExitStays : Action<ExitStays, DockerAction::Die> {
    static std::string name() { return "ExitStays"; }
    static void apply(Step& s, const OutcomeEvent& e) { recordExit(s, e); }
};
/// The kernel's OOM killer chose the container.
struct NoteOom : Action<NoteOom, DockerAction::Oom> {
    static std::string name() { return "NoteOom"; }
    static void apply(Step& s, const OutcomeEvent&) { s.record.oomKilled = true; }
};
/// Removing the files failed: the container is dead.
struct FailRemoval : Action<FailRemoval> {
    static std::string name() { return "FailRemoval"; }
    static void apply(Step& s, const OutcomeEvent& e) {
        s.record.error = e.error;
        s.refuse(Refusal::RemovalFailed, e.error);
    }
};
// The daemon's shutdown stops containers without marking them manually stopped, so that
// unless-stopped ones come back with it.
/// The daemon shuts down: it stops a live container.
struct ShutdownStop : Action<ShutdownStop> {
    static std::string name() { return "ShutdownStop"; }
    static void apply(Step& s, const OutcomeEvent&) {
        s.record.restartCancelled = true;
        s.record.intent = Intent::DaemonShutdown;
        s.request(EffectKind::StopProcess, s.record.stopSignal, s.paused, s.record.stopTimeout);
    }
};
/// The daemon shuts down: it cancels a pending restart.
struct ShutdownCancel : Action<ShutdownCancel, DockerAction::Stop> {
    static std::string name() { return "ShutdownCancel"; }
    static void apply(Step& s, const OutcomeEvent&) {
        s.record.restartCancelled = true;
        s.request(EffectKind::CancelRestart);
    }
};
/// The daemon restored the container and leaves it as it is.
struct RestoreAsIs : Action<RestoreAsIs> {
    static std::string name() { return "RestoreAsIs"; }
    static void apply(Step& s, const OutcomeEvent&) { freshRestartManager(s); }
};
/// The daemon restored the container and its policy starts it.
struct RestoreThenStart : Action<RestoreThenStart> {
    static std::string name() { return "RestoreThenStart"; }
    static void apply(Step& s, const OutcomeEvent&) { startAfresh(s, Intent::Start); }
};
/// The daemon restored a --rm container that is not restarted: removed.
struct RestoreThenRemove : Action<RestoreThenRemove> {
    static std::string name() { return "RestoreThenRemove"; }
    static void apply(Step& s, const OutcomeEvent&) {
        freshRestartManager(s);
        s.request(EffectKind::RemoveFilesystem);
    }
};

// ---- guards ---------------------------------------------------------------------------------

/// The kill signal is SIGKILL.
struct IsSigkill : Guard<IsSigkill> {
    static std::string name() { return "IsSigkill"; }
    static bool test(const LifecycleRecord&, const CommandEvent& e) { return isSigkill(e.signal); }
};
/// The kill signal cancels the restart manager.
struct KillCancelsRestart : Guard<KillCancelsRestart> {
    static std::string name() { return "KillCancelsRestart"; }
    static bool test(const LifecycleRecord& r, const CommandEvent& e) {
        return killCancelsRestart(r, e.signal);
    }
};
// rm -f has set RemovalInProgress and waits for the kill to land.
/// rm -f is waiting for its kill to land.
struct RemovalPending : Guard<RemovalPending> {
    static std::string name() { return "RemovalPending"; }
    static bool test(const LifecycleRecord& r, const CommandEvent&) {
        return r.intent == Intent::RemoveForce;
    }
};
/// A stop (docker stop, docker restart, the daemon's shutdown) waits for the process to exit.
struct StopPending : Guard<StopPending> {
    static std::string name() { return "StopPending"; }
    static bool test(const LifecycleRecord& r, const OutcomeEvent&) {
        return r.intent == Intent::Stop || r.intent == Intent::Restart ||
               r.intent == Intent::DaemonShutdown;
    }
};
/// docker restart is waiting for the process to start.
struct RestartPending : Guard<RestartPending> {
    static std::string name() { return "RestartPending"; }
    static bool test(const LifecycleRecord& r, const OutcomeEvent&) {
        return r.intent == Intent::Restart;
    }
};
/// The container was created with --rm.
struct AutoRemove : Guard<AutoRemove> {
    static std::string name() { return "AutoRemove"; }
    static bool test(const LifecycleRecord& r, const OutcomeEvent&) { return r.autoRemove; }
};
/// The exit leads to plan P.
template <ExitPlan P> struct ExitIs : Guard<ExitIs<P>> {
    static std::string name() { return "ExitIs<" + std::string(exitPlanName(P)) + ">"; }
    static bool test(const LifecycleRecord& r, const OutcomeEvent& e) {
        return exitPlan(r, e) == P;
    }
};
/// The daemon restore leads to plan P.
template <RestorePlan P> struct RestoreIs : Guard<RestoreIs<P>> {
    static std::string name() { return "RestoreIs<" + std::string(restorePlanName(P)) + ">"; }
    static bool test(const LifecycleRecord& r, const OutcomeEvent&) { return restorePlan(r) == P; }
};

} // namespace lab::lifecycle
