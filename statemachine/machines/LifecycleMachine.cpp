// The container lifecycle as a Boost.MSM state machine (functor front-end). The transition table
// below is the one place where the lifecycle is written: table() reads it back for the diagram
// and the tests, and the machine runs it. Compiled as C++17 (Boost 1.74's MSM and GCC 12's C++20
// do not agree); everything around it is in MSM-free headers.

// MSM tables are MPL vectors, at most 20 long unless told otherwise; the groups of rows below
// are up to 30 long and are joined into one table.
#define BOOST_MPL_CFG_NO_PREPROCESSED_HEADERS
#define BOOST_MPL_LIMIT_VECTOR_SIZE 30
// Boost 1.74's MSM includes headers that announce their own deprecation on every build.
#define BOOST_ALLOW_DEPRECATED_HEADERS
#define BOOST_BIND_GLOBAL_PLACEHOLDERS

#include "machines/Lifecycle.h"
#include "machines/LifecycleRules.h"
#include "machines/RestartManager.h"

#include <boost/mpl/back_inserter.hpp>
#include <boost/mpl/copy.hpp>
#include <boost/mpl/for_each.hpp>
#include <boost/mpl/size.hpp>
#include <boost/mpl/vector.hpp>
#include <boost/msm/back/state_machine.hpp>
#include <boost/msm/front/functor_row.hpp>
#include <boost/msm/front/state_machine_def.hpp>
#include <boost/type_traits/add_pointer.hpp>

#include <array>
#include <functional>
#include <type_traits>
#include <utility>

namespace lab {
namespace {

namespace msmf = boost::msm::front;
namespace mpl = boost::mpl;
using msmf::none;

// ---------------------------------------------------------------------------------------------
// States. Each knows its LifeNode; the flags are Docker's inspect booleans (reference §1.1).

struct RunningFlag {};    // State.Running: true for running, paused and restarting
struct PausedFlag {};     // State.Paused
struct RestartingFlag {}; // State.Restarting
struct DeadFlag {};       // State.Dead: cleanupContainer sets it early in a removal, so a
                          // removing container shows Dead=true as well

template <LifeNode N, class... Flags> struct Node : msmf::state<> {
    static constexpr LifeNode node = N;
    using flag_list = mpl::vector<Flags...>;
    static std::string name() { return std::string(nodeName(N)); }
};

struct Start : Node<LifeNode::Start> {};
struct Created : Node<LifeNode::Created> {};
struct Running : Node<LifeNode::Running, RunningFlag> {};
struct Paused : Node<LifeNode::Paused, RunningFlag, PausedFlag> {};
struct Restarting : Node<LifeNode::Restarting, RunningFlag, RestartingFlag> {};
struct Removing : Node<LifeNode::Removing, DeadFlag> {};
struct Exited : Node<LifeNode::Exited> {};
struct Dead : Node<LifeNode::Dead, DeadFlag> {};
struct Removed : Node<LifeNode::Removed> {};

// ---------------------------------------------------------------------------------------------
// Events: one type per command and per outcome, pointing at what the caller passed.

template <Command C> struct Cmd {
    static constexpr bool isCommand = true;
    static std::string name() { return std::string(commandName(C)); }
    const CommandEvent* payload;
};
template <Outcome O> struct Out {
    static constexpr bool isCommand = false;
    static std::string name() { return std::string(outcomeName(O)); }
    const OutcomeEvent* payload;
};

using DoCreate = Cmd<Command::Create>;
using DoStart = Cmd<Command::Start>;
using DoStop = Cmd<Command::Stop>;
using DoKill = Cmd<Command::Kill>;
using DoPause = Cmd<Command::Pause>;
using DoUnpause = Cmd<Command::Unpause>;
using DoRestart = Cmd<Command::Restart>;
using DoRm = Cmd<Command::Remove>;
using DoRmForce = Cmd<Command::RemoveForce>;
using DoWait = Cmd<Command::Wait>;
using DoRename = Cmd<Command::Rename>;

using ProcessStarted = Out<Outcome::ProcessStarted>;
using StartFailed = Out<Outcome::StartFailed>;
using Signalled = Out<Outcome::Signalled>;
using Frozen = Out<Outcome::Frozen>;
using FreezeFailed = Out<Outcome::FreezeFailed>;
using Thawed = Out<Outcome::Thawed>;
using ProcessExited = Out<Outcome::ProcessExited>;
using BackoffElapsed = Out<Outcome::BackoffElapsed>;
using RemovalDone = Out<Outcome::RemovalDone>;
using RemovalFailed = Out<Outcome::RemovalFailed>;
using OutOfMemory = Out<Outcome::OutOfMemory>;
using DaemonStopping = Out<Outcome::DaemonStopping>;
using DaemonRestored = Out<Outcome::DaemonRestored>;

// ---------------------------------------------------------------------------------------------
// What actions work on: the record they update and the reaction they fill. No I/O here.

struct Step {
    LifecycleRecord& record;
    Reaction& reaction;
    bool paused; // the source state is paused: a signal only lands once the cgroup is thawed

    void request(EffectKind kind, int signal = 0, bool thaw = false, Duration delay = {})
    {
        reaction.effects.push_back(Effect{kind, signal, thaw, delay});
    }
    void refuse(Refusal refusal, std::string detail = {})
    {
        reaction.verdict = Verdict::Refused;
        reaction.refusal = refusal;
        reaction.detail = std::move(detail);
    }
};

// Every action: apply() does the work, the template arguments are the Docker events it
// publishes (the same list table() shows).
template <class Self, DockerAction... Publishes> struct Action {
    static void publishes(std::vector<DockerAction>& out) { (out.push_back(Publishes), ...); }

    template <class Evt, class Fsm, class Src, class Tgt>
    void operator()(const Evt& evt, Fsm& fsm, Src&, Tgt&) const
    {
        Step step{*fsm.m_record, *fsm.m_reaction, std::is_same<Src, Paused>::value};
        Self::apply(step, *evt.payload);
        (step.reaction.actions.push_back(Publishes), ...);
    }
};

// Every guard: a pure test of the record and the event.
template <class Self> struct Guard {
    template <class Evt, class Fsm, class Src, class Tgt>
    bool operator()(const Evt& evt, Fsm& fsm, Src&, Tgt&) const
    {
        return Self::test(std::as_const(*fsm.m_record), *evt.payload);
    }
};

template <class G> struct Not {
    static std::string name() { return "!" + G::name(); }
    template <class Evt, class Fsm, class Src, class Tgt>
    bool operator()(const Evt& evt, Fsm& fsm, Src& src, Tgt& tgt) const
    {
        return !G()(evt, fsm, src, tgt);
    }
};

// ---- bookkeeping shared by several actions --------------------------------------------------

// containerStart(resetRestartManager=true): a manual start forgets the restart history.
void startAfresh(Step& s, Intent intent)
{
    s.record.restartCount = 0;
    s.record.backoff = Duration{0};
    s.record.manuallyStopped = false;
    s.record.restartCancelled = false;
    s.record.intent = intent;
    s.request(EffectKind::StartProcess);
}

// killWithSignal with a signal that cancels the restart manager (ExitOnNext).
void stopManually(Step& s)
{
    s.record.manuallyStopped = true;
    s.record.restartCancelled = true;
}

// SetStopped / SetRestarting: what every exit of the main process records.
void recordExit(Step& s, const OutcomeEvent& e)
{
    const auto decision =
        decideRestart(s.record, e.exitCode, e.at - s.record.startedAt, s.record.manuallyStopped);
    s.record.backoff = decision.backoff;
    s.record.exitCode = e.exitCode;
    s.record.finishedAt = e.at;
    s.record.intent = Intent::None;
}

// SetRunning(initial=true).
void recordStart(Step& s, const OutcomeEvent& e)
{
    s.record.hasBeenStarted = true;
    s.record.startedAt = e.at;
    s.record.exitCode = 0;
    s.record.error.clear();
    s.record.intent = Intent::None;
}

// containerStart's deferred clean-up after a failed start.
void recordStartFailure(Step& s, const OutcomeEvent& e)
{
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
void freshRestartManager(Step& s)
{
    s.record.restartCancelled = false;
    s.record.backoff = Duration{0};
}

// ---- actions --------------------------------------------------------------------------------

template <Refusal R> struct Refuse : Action<Refuse<R>> {
    static std::string name() { return "Refuse<" + std::string(refusalName(R)) + ">"; }
    static void apply(Step& s, const CommandEvent&) { s.refuse(R); }
};
struct NotModified : Action<NotModified> {
    static std::string name() { return "NotModified"; }
    static void apply(Step& s, const CommandEvent&) { s.reaction.verdict = Verdict::NotModified; }
};
template <DockerAction A> struct Publish : Action<Publish<A>, A> {
    static std::string name() { return "Publish<" + std::string(actionName(A)) + ">"; }
    template <class Payload> static void apply(Step&, const Payload&) {}
};
struct Ignore : Action<Ignore> {
    static std::string name() { return "Ignore"; }
    template <class Payload> static void apply(Step&, const Payload&) {}
};
struct AnswerWait : Action<AnswerWait> {
    static std::string name() { return "AnswerWait"; }
    static void apply(Step&, const CommandEvent&) {}
};
struct BlockWait : Action<BlockWait> {
    static std::string name() { return "BlockWait"; }
    static void apply(Step& s, const CommandEvent&) { s.reaction.waitBlocks = true; }
};
struct RequestStart : Action<RequestStart> {
    static std::string name() { return "RequestStart"; }
    template <class Payload> static void apply(Step& s, const Payload&)
    {
        startAfresh(s, Intent::Start);
    }
};
struct RequestRestart : Action<RequestRestart> {
    static std::string name() { return "RequestRestart"; }
    static void apply(Step& s, const CommandEvent&) { startAfresh(s, Intent::Restart); }
};
struct RequestStop : Action<RequestStop> {
    static std::string name() { return "RequestStop"; }
    static void apply(Step& s, const CommandEvent& e)
    {
        stopManually(s);
        s.record.intent = Intent::Stop;
        s.request(EffectKind::StopProcess, s.record.stopSignal, s.paused, e.timeout);
    }
};
struct StopToRestart : Action<StopToRestart> {
    static std::string name() { return "StopToRestart"; }
    static void apply(Step& s, const CommandEvent& e)
    {
        stopManually(s);
        s.record.intent = Intent::Restart;
        s.request(EffectKind::StopProcess, s.record.stopSignal, s.paused, e.timeout);
    }
};
struct RequestKill : Action<RequestKill> {
    static std::string name() { return "RequestKill"; }
    static void apply(Step& s, const CommandEvent&)
    {
        stopManually(s);
        s.record.intent = Intent::Kill;
        s.request(EffectKind::KillProcess, 9, s.paused);
    }
};
// Any other signal is only delivered: the process may ignore it, so nothing is in flight.
struct RequestSignal : Action<RequestSignal> {
    static std::string name() { return "RequestSignal"; }
    static void apply(Step& s, const CommandEvent& e)
    {
        const bool cancels = killCancelsRestart(s.record, e.signal);
        s.record.manuallyStopped = true;
        if (cancels)
            s.record.restartCancelled = true;
        s.request(EffectKind::Signal, e.signal, s.paused && cancels);
    }
};
struct RequestFreeze : Action<RequestFreeze> {
    static std::string name() { return "RequestFreeze"; }
    static void apply(Step& s, const CommandEvent&) { s.request(EffectKind::Freeze); }
};
struct RequestThaw : Action<RequestThaw> {
    static std::string name() { return "RequestThaw"; }
    static void apply(Step& s, const CommandEvent&) { s.request(EffectKind::Thaw); }
};
struct RequestRemoval : Action<RequestRemoval> {
    static std::string name() { return "RequestRemoval"; }
    static void apply(Step& s, const CommandEvent&) { s.request(EffectKind::RemoveFilesystem); }
};
// rm -f of a live container: Kill() first; the removal follows its exit.
struct KillToRemove : Action<KillToRemove> {
    static std::string name() { return "KillToRemove"; }
    static void apply(Step& s, const CommandEvent&)
    {
        stopManually(s);
        s.record.intent = Intent::RemoveForce;
        s.request(EffectKind::KillProcess, 9, s.paused);
    }
};
// A restarting container has no process: stop, kill and rm -f just cancel the restart.
struct CancelToStop : Action<CancelToStop, DockerAction::Stop> {
    static std::string name() { return "CancelToStop"; }
    static void apply(Step& s, const CommandEvent&)
    {
        stopManually(s);
        s.request(EffectKind::CancelRestart);
    }
};
struct CancelOnKill : Action<CancelOnKill> {
    static std::string name() { return "CancelOnKill"; }
    static void apply(Step& s, const CommandEvent&)
    {
        stopManually(s);
        s.request(EffectKind::CancelRestart);
    }
};
struct NoteManualStop : Action<NoteManualStop> {
    static std::string name() { return "NoteManualStop"; }
    static void apply(Step& s, const CommandEvent&) { s.record.manuallyStopped = true; }
};
struct CancelToRestart : Action<CancelToRestart, DockerAction::Stop> {
    static std::string name() { return "CancelToRestart"; }
    static void apply(Step& s, const CommandEvent&)
    {
        s.request(EffectKind::CancelRestart);
        startAfresh(s, Intent::Restart);
    }
};
struct CancelToRemove : Action<CancelToRemove> {
    static std::string name() { return "CancelToRemove"; }
    static void apply(Step& s, const CommandEvent&)
    {
        stopManually(s);
        s.request(EffectKind::CancelRestart);
        s.request(EffectKind::RemoveFilesystem);
    }
};

struct RefuseFreeze : Action<RefuseFreeze> {
    static std::string name() { return "RefuseFreeze"; }
    static void apply(Step& s, const OutcomeEvent& e) { s.refuse(Refusal::PauseFailed, e.error); }
};
struct RecordStart : Action<RecordStart, DockerAction::Start> {
    static std::string name() { return "RecordStart"; }
    static void apply(Step& s, const OutcomeEvent& e) { recordStart(s, e); }
};
struct RecordRestart : Action<RecordRestart, DockerAction::Start, DockerAction::Restart> {
    static std::string name() { return "RecordRestart"; }
    static void apply(Step& s, const OutcomeEvent& e) { recordStart(s, e); }
};
struct FailStart : Action<FailStart> {
    static std::string name() { return "FailStart"; }
    static void apply(Step& s, const OutcomeEvent& e) { recordStartFailure(s, e); }
};
struct FailStartThenRemove : Action<FailStartThenRemove> {
    static std::string name() { return "FailStartThenRemove"; }
    static void apply(Step& s, const OutcomeEvent& e)
    {
        recordStartFailure(s, e);
        s.request(EffectKind::RemoveFilesystem);
    }
};
// The restart manager's delayed start failed: SetStopped with the exit that led to the
// restart, so the exit code and FinishedAt stay those of the last run.
struct FailPolicyStart : Action<FailPolicyStart> {
    static std::string name() { return "FailPolicyStart"; }
    static void apply(Step& s, const OutcomeEvent& e)
    {
        s.record.error = e.error;
        s.refuse(Refusal::StartFailed, e.error);
    }
};
struct RequestPolicyStart : Action<RequestPolicyStart> {
    static std::string name() { return "RequestPolicyStart"; }
    static void apply(Step& s, const OutcomeEvent&) { s.request(EffectKind::StartProcess); }
};
struct ExitThenRemove : Action<ExitThenRemove, DockerAction::Die> {
    static std::string name() { return "ExitThenRemove"; }
    static void apply(Step& s, const OutcomeEvent& e)
    {
        recordExit(s, e);
        s.request(EffectKind::RemoveFilesystem);
    }
};
struct ExitThenRestart : Action<ExitThenRestart, DockerAction::Die, DockerAction::Stop> {
    static std::string name() { return "ExitThenRestart"; }
    static void apply(Step& s, const OutcomeEvent& e)
    {
        recordExit(s, e);
        startAfresh(s, Intent::Restart);
    }
};
struct ExitStopped : Action<ExitStopped, DockerAction::Die, DockerAction::Stop> {
    static std::string name() { return "ExitStopped"; }
    static void apply(Step& s, const OutcomeEvent& e) { recordExit(s, e); }
};
struct ExitStoppedThenRemove
    : Action<ExitStoppedThenRemove, DockerAction::Die, DockerAction::Stop> {
    static std::string name() { return "ExitStoppedThenRemove"; }
    static void apply(Step& s, const OutcomeEvent& e)
    {
        recordExit(s, e);
        s.request(EffectKind::RemoveFilesystem);
    }
};
struct ExitThenBackOff : Action<ExitThenBackOff, DockerAction::Die> {
    static std::string name() { return "ExitThenBackOff"; }
    static void apply(Step& s, const OutcomeEvent& e)
    {
        recordExit(s, e);
        ++s.record.restartCount;
        s.request(EffectKind::ScheduleRestart, 0, false, s.record.backoff);
    }
};
struct ExitStays : Action<ExitStays, DockerAction::Die> {
    static std::string name() { return "ExitStays"; }
    static void apply(Step& s, const OutcomeEvent& e) { recordExit(s, e); }
};
struct NoteOom : Action<NoteOom, DockerAction::Oom> {
    static std::string name() { return "NoteOom"; }
    static void apply(Step& s, const OutcomeEvent&) { s.record.oomKilled = true; }
};
struct FailRemoval : Action<FailRemoval> {
    static std::string name() { return "FailRemoval"; }
    static void apply(Step& s, const OutcomeEvent& e)
    {
        s.record.error = e.error;
        s.refuse(Refusal::RemovalFailed, e.error);
    }
};
// The daemon's shutdown stops containers without marking them manually stopped, so that
// unless-stopped ones come back with it.
struct ShutdownStop : Action<ShutdownStop> {
    static std::string name() { return "ShutdownStop"; }
    static void apply(Step& s, const OutcomeEvent&)
    {
        s.record.restartCancelled = true;
        s.record.intent = Intent::DaemonShutdown;
        s.request(EffectKind::StopProcess, s.record.stopSignal, s.paused, s.record.stopTimeout);
    }
};
struct ShutdownCancel : Action<ShutdownCancel, DockerAction::Stop> {
    static std::string name() { return "ShutdownCancel"; }
    static void apply(Step& s, const OutcomeEvent&)
    {
        s.record.restartCancelled = true;
        s.request(EffectKind::CancelRestart);
    }
};
struct RestoreAsIs : Action<RestoreAsIs> {
    static std::string name() { return "RestoreAsIs"; }
    static void apply(Step& s, const OutcomeEvent&) { freshRestartManager(s); }
};
struct RestoreThenStart : Action<RestoreThenStart> {
    static std::string name() { return "RestoreThenStart"; }
    static void apply(Step& s, const OutcomeEvent&) { startAfresh(s, Intent::Start); }
};
struct RestoreThenRemove : Action<RestoreThenRemove> {
    static std::string name() { return "RestoreThenRemove"; }
    static void apply(Step& s, const OutcomeEvent&)
    {
        freshRestartManager(s);
        s.request(EffectKind::RemoveFilesystem);
    }
};

// ---- guards ---------------------------------------------------------------------------------

struct IsSigkill : Guard<IsSigkill> {
    static std::string name() { return "IsSigkill"; }
    static bool test(const LifecycleRecord&, const CommandEvent& e) { return isSigkill(e.signal); }
};
struct KillCancelsRestart : Guard<KillCancelsRestart> {
    static std::string name() { return "KillCancelsRestart"; }
    static bool test(const LifecycleRecord& r, const CommandEvent& e)
    {
        return killCancelsRestart(r, e.signal);
    }
};
// rm -f has set RemovalInProgress and waits for the kill to land.
struct RemovalPending : Guard<RemovalPending> {
    static std::string name() { return "RemovalPending"; }
    static bool test(const LifecycleRecord& r, const CommandEvent&)
    {
        return r.intent == Intent::RemoveForce;
    }
};
struct RestartPending : Guard<RestartPending> {
    static std::string name() { return "RestartPending"; }
    static bool test(const LifecycleRecord& r, const OutcomeEvent&)
    {
        return r.intent == Intent::Restart;
    }
};
struct AutoRemove : Guard<AutoRemove> {
    static std::string name() { return "AutoRemove"; }
    static bool test(const LifecycleRecord& r, const OutcomeEvent&) { return r.autoRemove; }
};
template <ExitPlan P> struct ExitIs : Guard<ExitIs<P>> {
    static std::string name() { return "ExitIs<" + std::string(exitPlanName(P)) + ">"; }
    static bool test(const LifecycleRecord& r, const OutcomeEvent& e) { return exitPlan(r, e) == P; }
};
template <RestorePlan P> struct RestoreIs : Guard<RestoreIs<P>> {
    static std::string name() { return "RestoreIs<" + std::string(restorePlanName(P)) + ">"; }
    static bool test(const LifecycleRecord& r, const OutcomeEvent&) { return restorePlan(r) == P; }
};

// ---------------------------------------------------------------------------------------------
// The row that fired: every action is wrapped so that it notes its row's index in table().

template <class Src, class Evt, class Tgt, class A, class G> struct RowIndex {
    static inline int value = -1;
};

template <class A, class G> struct Fired {
    using Inner = A;
    template <class Evt, class Fsm, class Src, class Tgt>
    void operator()(const Evt& evt, Fsm& fsm, Src& src, Tgt& tgt) const
    {
        fsm.m_reaction->row = RowIndex<Src, Evt, Tgt, A, G>::value;
        A()(evt, fsm, src, tgt);
    }
};

template <class Source, class Event, class Target, class A, class G>
using Row = msmf::Row<Source, Event, Target, Fired<A, G>, G>;

using PlanRemove = ExitIs<ExitPlan::Remove>;
using PlanRestartNow = ExitIs<ExitPlan::RestartNow>;
using PlanStopped = ExitIs<ExitPlan::Stopped>;
using PlanStoppedRemove = ExitIs<ExitPlan::StoppedThenRemove>;
using PlanBackOff = ExitIs<ExitPlan::BackOff>;
using PlanExit = ExitIs<ExitPlan::Exit>;
using RestoreStart = RestoreIs<RestorePlan::Start>;
using RestoreRemove = RestoreIs<RestorePlan::Remove>;
using RestoreKeep = RestoreIs<RestorePlan::Keep>;

using R = Refusal;

// ---------------------------------------------------------------------------------------------
// The transition table (reference §2.14 for the commands, §2.2-2.12, §3 and §6.2 for the
// outcomes). A command row moves the container only for bookkeeping that cannot fail; the rest
// waits for the outcome. Rows with the same source and event have guards that exclude each
// other, so the order MSM tries them in does not matter.

// clang-format off
using StartRows = mpl::vector<
//  +--------------+----------------+------------+------------------------------------+---------------------------+
//  | Source       | Event          | Target     | Action                             | Guard                     |
//  +--------------+----------------+------------+------------------------------------+---------------------------+
Row < Start        , DoCreate       , Created    , Publish<DockerAction::Create>      , none                      >
>;
using CreatedRows = mpl::vector<
Row < Created      , DoStart        , Created    , RequestStart                       , none                      >,
Row < Created      , DoStop         , Created    , NotModified                        , none                      >,
Row < Created      , DoKill         , Created    , Refuse<R::KillNotRunning>          , none                      >,
Row < Created      , DoPause        , Created    , Refuse<R::NotRunning>              , none                      >,
Row < Created      , DoUnpause      , Created    , Refuse<R::NotPaused>               , none                      >,
Row < Created      , DoRestart      , Created    , RequestRestart                     , none                      >,
Row < Created      , DoRm           , Removing   , RequestRemoval                     , none                      >,
Row < Created      , DoRmForce      , Removing   , RequestRemoval                     , none                      >,
Row < Created      , DoWait         , Created    , AnswerWait                         , none                      >,
Row < Created      , DoRename       , Created    , Publish<DockerAction::Rename>      , none                      >,
Row < Created      , ProcessStarted , Running    , RecordStart                        , Not<RestartPending>       >,
Row < Created      , ProcessStarted , Running    , RecordRestart                      , RestartPending            >,
Row < Created      , StartFailed    , Created    , FailStart                          , Not<AutoRemove>           >,
Row < Created      , StartFailed    , Removing   , FailStartThenRemove                , AutoRemove                >,
Row < Created      , DaemonStopping , Created    , Ignore                             , none                      >,
Row < Created      , DaemonRestored , Created    , RestoreAsIs                        , Not<RestoreRemove>        >,
Row < Created      , DaemonRestored , Removing   , RestoreThenRemove                  , RestoreRemove             >
>;
using RunningRows = mpl::vector<
Row < Running      , DoStart        , Running    , NotModified                        , none                      >,
Row < Running      , DoStop         , Running    , RequestStop                        , none                      >,
Row < Running      , DoKill         , Running    , RequestKill                        , IsSigkill                 >,
Row < Running      , DoKill         , Running    , RequestSignal                      , Not<IsSigkill>            >,
Row < Running      , DoPause        , Running    , RequestFreeze                      , none                      >,
Row < Running      , DoUnpause      , Running    , Refuse<R::NotPaused>               , none                      >,
Row < Running      , DoRestart      , Running    , StopToRestart                      , none                      >,
Row < Running      , DoRm           , Running    , Refuse<R::RemoveRunning>           , Not<RemovalPending>       >,
Row < Running      , DoRm           , Running    , Refuse<R::RemovalInProgress>       , RemovalPending            >,
Row < Running      , DoRmForce      , Running    , KillToRemove                       , Not<RemovalPending>       >,
Row < Running      , DoRmForce      , Running    , Refuse<R::RemovalInProgress>       , RemovalPending            >,
Row < Running      , DoWait         , Running    , BlockWait                          , none                      >,
Row < Running      , DoRename       , Running    , Publish<DockerAction::Rename>      , none                      >,
Row < Running      , Signalled      , Running    , Publish<DockerAction::Kill>        , none                      >,
Row < Running      , Frozen         , Paused     , Publish<DockerAction::Pause>       , none                      >,
Row < Running      , FreezeFailed   , Running    , RefuseFreeze                       , none                      >,
Row < Running      , ProcessExited  , Removing   , ExitThenRemove                     , PlanRemove                >,
Row < Running      , ProcessExited  , Exited     , ExitThenRestart                    , PlanRestartNow            >,
Row < Running      , ProcessExited  , Exited     , ExitStopped                        , PlanStopped               >,
Row < Running      , ProcessExited  , Removing   , ExitStoppedThenRemove              , PlanStoppedRemove         >,
Row < Running      , ProcessExited  , Restarting , ExitThenBackOff                    , PlanBackOff               >,
Row < Running      , ProcessExited  , Exited     , ExitStays                          , PlanExit                  >,
Row < Running      , OutOfMemory    , Running    , NoteOom                            , none                      >,
Row < Running      , DaemonStopping , Running    , ShutdownStop                       , none                      >
>;
using PausedRows = mpl::vector<
Row < Paused       , DoStart        , Paused     , Refuse<R::StartPaused>             , none                      >,
Row < Paused       , DoStop         , Paused     , RequestStop                        , none                      >,
Row < Paused       , DoKill         , Paused     , RequestKill                        , IsSigkill                 >,
Row < Paused       , DoKill         , Paused     , RequestSignal                      , Not<IsSigkill>            >,
Row < Paused       , DoPause        , Paused     , Refuse<R::AlreadyPaused>           , none                      >,
Row < Paused       , DoUnpause      , Paused     , RequestThaw                        , none                      >,
Row < Paused       , DoRestart      , Paused     , StopToRestart                      , none                      >,
Row < Paused       , DoRm           , Paused     , Refuse<R::RemovePaused>            , Not<RemovalPending>       >,
Row < Paused       , DoRm           , Paused     , Refuse<R::RemovalInProgress>       , RemovalPending            >,
Row < Paused       , DoRmForce      , Paused     , KillToRemove                       , Not<RemovalPending>       >,
Row < Paused       , DoRmForce      , Paused     , Refuse<R::RemovalInProgress>       , RemovalPending            >,
Row < Paused       , DoWait         , Paused     , BlockWait                          , none                      >,
Row < Paused       , DoRename       , Paused     , Publish<DockerAction::Rename>      , none                      >,
Row < Paused       , Signalled      , Paused     , Publish<DockerAction::Kill>        , none                      >,
Row < Paused       , Thawed         , Running    , Publish<DockerAction::Unpause>     , none                      >,
Row < Paused       , DaemonStopping , Paused     , ShutdownStop                       , none                      >
>;
using RestartingRows = mpl::vector<
Row < Restarting   , DoStart        , Restarting , NotModified                        , none                      >,
Row < Restarting   , DoStop         , Exited     , CancelToStop                       , none                      >,
Row < Restarting   , DoKill         , Exited     , CancelOnKill                       , KillCancelsRestart        >,
Row < Restarting   , DoKill         , Restarting , NoteManualStop                     , Not<KillCancelsRestart>   >,
Row < Restarting   , DoPause        , Restarting , Refuse<R::RestartingWait>          , none                      >,
Row < Restarting   , DoUnpause      , Restarting , Refuse<R::NotPaused>               , none                      >,
Row < Restarting   , DoRestart      , Exited     , CancelToRestart                    , none                      >,
Row < Restarting   , DoRm           , Restarting , Refuse<R::RemoveRestarting>        , none                      >,
Row < Restarting   , DoRmForce      , Removing   , CancelToRemove                     , none                      >,
Row < Restarting   , DoWait         , Restarting , BlockWait                          , none                      >,
Row < Restarting   , DoRename       , Restarting , Publish<DockerAction::Rename>      , none                      >,
Row < Restarting   , BackoffElapsed , Restarting , RequestPolicyStart                 , none                      >,
Row < Restarting   , ProcessStarted , Running    , RecordStart                        , none                      >,
Row < Restarting   , StartFailed    , Exited     , FailPolicyStart                    , none                      >,
Row < Restarting   , DaemonStopping , Exited     , ShutdownCancel                     , none                      >
>;
using RemovingRows = mpl::vector<
Row < Removing     , DoStart        , Removing   , Refuse<R::MarkedForRemoval>        , none                      >,
Row < Removing     , DoStop         , Removing   , NotModified                        , none                      >,
Row < Removing     , DoKill         , Removing   , Refuse<R::KillNotRunning>          , none                      >,
Row < Removing     , DoPause        , Removing   , Refuse<R::NotRunning>              , none                      >,
Row < Removing     , DoUnpause      , Removing   , Refuse<R::NotPaused>               , none                      >,
Row < Removing     , DoRestart      , Removing   , Refuse<R::RestartMarkedForRemoval> , none                      >,
Row < Removing     , DoRm           , Removing   , Refuse<R::RemovalInProgress>       , none                      >,
Row < Removing     , DoRmForce      , Removing   , Refuse<R::RemovalInProgress>       , none                      >,
Row < Removing     , DoWait         , Removing   , AnswerWait                         , none                      >,
Row < Removing     , DoRename       , Removing   , Publish<DockerAction::Rename>      , none                      >,
Row < Removing     , RemovalDone    , Removed    , Publish<DockerAction::Destroy>     , none                      >,
Row < Removing     , RemovalFailed  , Dead       , FailRemoval                        , none                      >,
Row < Removing     , DaemonStopping , Removing   , Ignore                             , none                      >,
Row < Removing     , DaemonRestored , Dead       , RestoreAsIs                        , none                      >
>;
using ExitedRows = mpl::vector<
Row < Exited       , DoStart        , Exited     , RequestStart                       , none                      >,
Row < Exited       , DoStop         , Exited     , NotModified                        , none                      >,
Row < Exited       , DoKill         , Exited     , Refuse<R::KillNotRunning>          , none                      >,
Row < Exited       , DoPause        , Exited     , Refuse<R::NotRunning>              , none                      >,
Row < Exited       , DoUnpause      , Exited     , Refuse<R::NotPaused>               , none                      >,
Row < Exited       , DoRestart      , Exited     , RequestRestart                     , none                      >,
Row < Exited       , DoRm           , Removing   , RequestRemoval                     , none                      >,
Row < Exited       , DoRmForce      , Removing   , RequestRemoval                     , none                      >,
Row < Exited       , DoWait         , Exited     , AnswerWait                         , none                      >,
Row < Exited       , DoRename       , Exited     , Publish<DockerAction::Rename>      , none                      >,
Row < Exited       , ProcessStarted , Running    , RecordStart                        , Not<RestartPending>       >,
Row < Exited       , ProcessStarted , Running    , RecordRestart                      , RestartPending            >,
Row < Exited       , StartFailed    , Exited     , FailStart                          , Not<AutoRemove>           >,
Row < Exited       , StartFailed    , Removing   , FailStartThenRemove                , AutoRemove                >,
Row < Exited       , DaemonStopping , Exited     , Ignore                             , none                      >,
Row < Exited       , DaemonRestored , Exited     , RestoreThenStart                   , RestoreStart              >,
Row < Exited       , DaemonRestored , Removing   , RestoreThenRemove                  , RestoreRemove             >,
Row < Exited       , DaemonRestored , Exited     , RestoreAsIs                        , RestoreKeep               >
>;
using DeadRows = mpl::vector<
Row < Dead         , DoStart        , Dead       , Refuse<R::MarkedForRemoval>        , none                      >,
Row < Dead         , DoStop         , Dead       , NotModified                        , none                      >,
Row < Dead         , DoKill         , Dead       , Refuse<R::KillNotRunning>          , none                      >,
Row < Dead         , DoPause        , Dead       , Refuse<R::NotRunning>              , none                      >,
Row < Dead         , DoUnpause      , Dead       , Refuse<R::NotPaused>               , none                      >,
Row < Dead         , DoRestart      , Dead       , Refuse<R::RestartMarkedForRemoval> , none                      >,
Row < Dead         , DoRm           , Removing   , RequestRemoval                     , none                      >,
Row < Dead         , DoRmForce      , Removing   , RequestRemoval                     , none                      >,
Row < Dead         , DoWait         , Dead       , AnswerWait                         , none                      >,
Row < Dead         , DoRename       , Dead       , Publish<DockerAction::Rename>      , none                      >,
Row < Dead         , DaemonStopping , Dead       , Ignore                             , none                      >,
Row < Dead         , DaemonRestored , Dead       , RestoreAsIs                        , none                      >
//  +--------------+----------------+------------+------------------------------------+---------------------------+
>;
// clang-format on

template <class... Groups> struct Join;
template <class Last> struct Join<Last> {
    using type = Last;
};
template <class First, class... Rest> struct Join<First, Rest...> {
    using type = typename mpl::copy<typename Join<Rest...>::type, mpl::back_inserter<First>>::type;
};

using LifecycleTable = Join<StartRows, CreatedRows, RunningRows, PausedRows, RestartingRows,
                            RemovingRows, ExitedRows, DeadRows>::type;

// ---------------------------------------------------------------------------------------------
// The front-end: the table plus what the actions work on while an event is processed.

struct LifecycleDef : msmf::state_machine_def<LifecycleDef> {
    using no_exception_thrown = int; // actions do not throw: no try/catch per event
    using no_message_queue = int;    // actions never post events: no queue per event
    using initial_state = Start;
    using transition_table = LifecycleTable;

    LifecycleRecord* m_record = nullptr;
    Reaction* m_reaction = nullptr;

    // No row: a hole in the table, never a Docker answer. It is reported, not ignored.
    template <class Fsm, class Evt> void no_transition(const Evt&, Fsm&, int)
    {
        m_reaction->verdict = Verdict::Refused;
        m_reaction->refusal = Refusal::NoTransition;
        m_reaction->row = -1;
    }
};

using Machine = boost::msm::back::state_machine<LifecycleDef>;

// ---- reading the table back -----------------------------------------------------------------

template <class G> std::string guardName()
{
    if constexpr (std::is_same<G, none>::value)
        return {};
    else
        return G::name();
}

struct RowCollector {
    std::vector<TableRow>* rows;

    template <class TableRowType> void operator()(TableRowType*) const
    {
        using Src = typename TableRowType::Source;
        using Evt = typename TableRowType::Evt;
        using Tgt = typename TableRowType::Target;
        using G = typename TableRowType::Guard;
        using A = typename TableRowType::Action::Inner;
        TableRow row;
        row.source = Src::node;
        row.event = Evt::name();
        row.isCommand = Evt::isCommand;
        row.target = Tgt::node;
        row.action = A::name();
        row.guard = guardName<G>();
        A::publishes(row.publishes);
        RowIndex<Src, Evt, Tgt, A, G>::value = static_cast<int>(rows->size());
        rows->push_back(std::move(row));
    }
};

// The LifeNode of every MSM state id, taken from the state types themselves.
struct NodeById {
    std::array<LifeNode, mpl::size<Machine::state_list>::value> nodes{};

    template <class State> void operator()(State*)
    {
        nodes[boost::msm::back::get_state_id<Machine::stt, State>::value] = State::node;
    }
};

const NodeById& nodeById()
{
    static const NodeById table = [] {
        NodeById collected;
        mpl::for_each<Machine::state_list, boost::add_pointer<mpl::_1>>(std::ref(collected));
        return collected;
    }();
    return table;
}

// Commands and outcomes arrive as enum values; MSM wants one type per event.
using CommandSender = void (*)(Machine&, const CommandEvent&);
using OutcomeSender = void (*)(Machine&, const OutcomeEvent&);

template <Command C> void sendCommand(Machine& fsm, const CommandEvent& e)
{
    fsm.process_event(Cmd<C>{&e});
}
template <Outcome O> void sendOutcome(Machine& fsm, const OutcomeEvent& e)
{
    fsm.process_event(Out<O>{&e});
}
template <std::size_t... I> constexpr auto commandSenders(std::index_sequence<I...>)
{
    return std::array<CommandSender, sizeof...(I)>{&sendCommand<static_cast<Command>(I)>...};
}
template <std::size_t... I> constexpr auto outcomeSenders(std::index_sequence<I...>)
{
    return std::array<OutcomeSender, sizeof...(I)>{&sendOutcome<static_cast<Outcome>(I)>...};
}
constexpr auto kCommandSenders =
    commandSenders(std::make_index_sequence<static_cast<std::size_t>(Command::Rename) + 1>());
constexpr auto kOutcomeSenders = outcomeSenders(
    std::make_index_sequence<static_cast<std::size_t>(Outcome::DaemonRestored) + 1>());

} // namespace

struct LifecycleMachine::Impl {
    Machine fsm;

    template <class Event, class Senders>
    Reaction dispatch(const Senders& senders, const Event& event, LifecycleRecord& record,
                      std::size_t index)
    {
        Reaction reaction;
        reaction.from = node();
        fsm.m_record = &record;
        fsm.m_reaction = &reaction;
        senders[index](fsm, event);
        fsm.m_record = nullptr;
        fsm.m_reaction = nullptr;
        reaction.to = node();
        return reaction;
    }
    LifeNode node() const { return nodeById().nodes[fsm.current_state()[0]]; }
};

LifecycleMachine::LifecycleMachine() : m_impl(std::make_unique<Impl>())
{
    table(); // numbers the rows before the first event needs them
    m_impl->fsm.start();
}
LifecycleMachine::~LifecycleMachine() = default;
LifecycleMachine::LifecycleMachine(const LifecycleMachine& other)
    : m_impl(std::make_unique<Impl>(*other.m_impl))
{
}
LifecycleMachine& LifecycleMachine::operator=(const LifecycleMachine& other)
{
    if (this != &other)
        m_impl = std::make_unique<Impl>(*other.m_impl);
    return *this;
}
LifecycleMachine::LifecycleMachine(LifecycleMachine&&) noexcept = default;
LifecycleMachine& LifecycleMachine::operator=(LifecycleMachine&&) noexcept = default;

LifeNode LifecycleMachine::node() const
{
    return m_impl->node();
}

Reaction LifecycleMachine::handle(const CommandEvent& event, LifecycleRecord& record)
{
    return m_impl->dispatch(kCommandSenders, event, record,
                            static_cast<std::size_t>(event.command));
}

Reaction LifecycleMachine::handle(const OutcomeEvent& event, LifecycleRecord& record)
{
    return m_impl->dispatch(kOutcomeSenders, event, record,
                            static_cast<std::size_t>(event.outcome));
}

Reaction LifecycleMachine::preview(const CommandEvent& event, const LifecycleRecord& record) const
{
    Impl copy = *m_impl;
    LifecycleRecord scratch = record;
    return copy.dispatch(kCommandSenders, event, scratch, static_cast<std::size_t>(event.command));
}

bool LifecycleMachine::isRunning() const
{
    return m_impl->fsm.is_flag_active<RunningFlag>();
}
bool LifecycleMachine::isPaused() const
{
    return m_impl->fsm.is_flag_active<PausedFlag>();
}
bool LifecycleMachine::isRestarting() const
{
    return m_impl->fsm.is_flag_active<RestartingFlag>();
}
bool LifecycleMachine::isDead() const
{
    return m_impl->fsm.is_flag_active<DeadFlag>();
}

const std::vector<TableRow>& LifecycleMachine::table()
{
    static const std::vector<TableRow> rows = [] {
        std::vector<TableRow> collected;
        mpl::for_each<LifecycleTable, boost::add_pointer<mpl::_1>>(RowCollector{&collected});
        return collected;
    }();
    return rows;
}

} // namespace lab
