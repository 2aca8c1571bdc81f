// The container lifecycle as a Boost.MSM state machine (functor front-end). The transition table
// below is the one place where the lifecycle is written: table() reads it back for the diagram
// and the tests, and the machine runs it. Compiled as C++17 (Boost 1.74's MSM and GCC 12's C++20
// do not agree); everything around it is in MSM-free headers.

// MSM tables are MPL vectors, at most 20 long unless told otherwise; the groups of rows below
// are up to 30 long and are joined into one table.
#define BOOST_MPL_CFG_NO_PREPROCESSED_HEADERS
#define BOOST_MPL_LIMIT_VECTOR_SIZE 30

#include "machines/Lifecycle.h"
#include "machines/LifecycleActions.h"
#include "machines/MsmSupport.h"

#include <array>
#include <boost/mpl/back_inserter.hpp>
#include <boost/mpl/copy.hpp>
#include <boost/mpl/for_each.hpp>
#include <boost/mpl/size.hpp>
#include <boost/mpl/vector.hpp>
#include <boost/msm/back/state_machine.hpp>
#include <boost/msm/front/functor_row.hpp>
#include <boost/msm/front/state_machine_def.hpp>
#include <boost/type_traits/add_pointer.hpp>
#include <functional>
#include <type_traits>
#include <utility>

namespace lab {
namespace {

namespace msmf = boost::msm::front;
namespace mpl = boost::mpl;
using msmf::none;
using msmsupport::Not;
using namespace lifecycle; // the actions and guards the table names

// ---------------------------------------------------------------------------------------------
// States. Each knows its LifecycleState; flags: Docker's inspect booleans (DOCKER-BEHAVIOUR §1.1).

struct RunningFlag {};    // State.Running: true for running, paused and restarting
struct PausedFlag {};     // State.Paused
struct RestartingFlag {}; // State.Restarting
struct DeadFlag {};       // State.Dead: cleanupContainer sets it early in a removal, so a
                          // removing container shows Dead=true as well

template <LifecycleState N, class... Flags> struct Node : msmf::state<> {
    static constexpr LifecycleState node = N;
    using flag_list = mpl::vector<Flags...>;
    static std::string name() { return std::string(nodeName(N)); }
};

struct Start : Node<LifecycleState::Start> {};
struct Created : Node<LifecycleState::Created> {};
struct Running : Node<LifecycleState::Running, RunningFlag> {};
struct Paused : Node<LifecycleState::Paused, RunningFlag, PausedFlag> {};
struct Restarting : Node<LifecycleState::Restarting, RunningFlag, RestartingFlag> {};
struct Removing : Node<LifecycleState::Removing, DeadFlag> {};
struct Exited : Node<LifecycleState::Exited> {};
struct Dead : Node<LifecycleState::Dead, DeadFlag> {};
struct Removed : Node<LifecycleState::Removed> {};

// ---------------------------------------------------------------------------------------------
// Events: one type per command and per outcome, pointing at what the caller passed.

template <Command C> struct Cmd {
    static constexpr Trigger trigger() { return C; }
    const CommandEvent* payload;
};
template <Outcome O> struct Out {
    static constexpr Trigger trigger() { return O; }
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
using DoExec = Cmd<Command::Exec>;
using DoTop = Cmd<Command::Top>;

using ProcessStarted = Out<Outcome::ProcessStarted>;
using StartFailed = Out<Outcome::StartFailed>;
using Signalled = Out<Outcome::Signalled>;
using StopTimedOut = Out<Outcome::StopTimedOut>;
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
// The row that fired: every action is wrapped so that it notes its row's index in table().

template <class Src, class Evt, class Tgt, class A, class G> struct RowIndex {
    static inline int value = -1;
};

template <class A, class G> struct Fired {
    using Inner = A;
    template <class Evt, class Fsm, class Src, class Tgt>
    void operator()(const Evt& evt, Fsm& fsm, Src& src, Tgt& tgt) const {
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
// The transition table (DOCKER-BEHAVIOUR.md §2.14 for the commands, §2.2-2.12, §3, §6.2 for the
// outcomes); its actions and guards are named in LifecycleActions.h. A command row moves the
// container only for bookkeeping that cannot fail; the rest waits for the outcome. Rows with
// the same source and event have guards that exclude each other, so the order MSM tries them
// in does not matter.

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
Row < Created      , DoExec         , Created    , Refuse<R::NotRunning>              , none                      >,
Row < Created      , DoTop          , Created    , Refuse<R::NotRunning>              , none                      >,
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
Row < Running      , DoExec         , Running    , LookInside                         , none                      >,
Row < Running      , DoTop          , Running    , LookInside                         , none                      >,
Row < Running      , Signalled      , Running    , Publish<DockerAction::Kill>        , none                      >,
Row < Running      , StopTimedOut   , Running    , KillAfterTimeout                   , StopPending               >,
Row < Running      , StopTimedOut   , Running    , Ignore                             , Not<StopPending>          >,
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
Row < Paused       , DoExec         , Paused     , Refuse<R::ExecPaused>              , none                      >,
Row < Paused       , DoTop          , Paused     , LookInside                         , none                      >,
Row < Paused       , Signalled      , Paused     , Publish<DockerAction::Kill>        , none                      >,
Row < Paused       , StopTimedOut   , Paused     , KillAfterTimeout                   , StopPending               >,
Row < Paused       , StopTimedOut   , Paused     , Ignore                             , Not<StopPending>          >,
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
Row < Restarting   , DoExec         , Restarting , Refuse<R::RestartingWait>          , none                      >,
Row < Restarting   , DoTop          , Restarting , Refuse<R::RestartingWait>          , none                      >,
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
Row < Removing     , DoExec         , Removing   , Refuse<R::NotRunning>              , none                      >,
Row < Removing     , DoTop          , Removing   , Refuse<R::NotRunning>              , none                      >,
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
Row < Exited       , DoExec         , Exited     , Refuse<R::NotRunning>              , none                      >,
Row < Exited       , DoTop          , Exited     , Refuse<R::NotRunning>              , none                      >,
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
Row < Dead         , DoExec         , Dead       , Refuse<R::NotRunning>              , none                      >,
Row < Dead         , DoTop          , Dead       , Refuse<R::NotRunning>              , none                      >,
Row < Dead         , DaemonStopping , Dead       , Ignore                             , none                      >,
Row < Dead         , DaemonRestored , Dead       , RestoreAsIs                        , none                      >
//  +--------------+----------------+------------+------------------------------------+---------------------------+
>;
// clang-format on

template <class... Groups> struct Join;
template <class Last> struct Join<Last> { using type = Last; };
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
    template <class Fsm, class Evt> void no_transition(const Evt&, Fsm&, int) {
        m_reaction->verdict = Verdict::Refused;
        m_reaction->refusal = Refusal::NoTransition;
        m_reaction->row = -1;
    }
};

using Machine = boost::msm::back::state_machine<LifecycleDef>;

// ---- reading the table back -----------------------------------------------------------------

struct RowCollector {
    std::vector<TableRow>* rows;

    template <class TableRowType> void operator()(TableRowType*) const {
        using Src = typename TableRowType::Source;
        using Evt = typename TableRowType::Evt;
        using Tgt = typename TableRowType::Target;
        using G = typename TableRowType::Guard;
        using A = typename TableRowType::Action::Inner;
        TableRow row;
        row.source = Src::node;
        row.trigger = Evt::trigger();
        row.target = Tgt::node;
        row.action = A::name();
        row.guard = msmsupport::nameOf<G>();
        A::publishes(row.publishes);
        A::AnsweredBy::list(row.answeredBy);
        RowIndex<Src, Evt, Tgt, A, G>::value = static_cast<int>(rows->size());
        rows->push_back(std::move(row));
    }
};

// The LifecycleState of every MSM state id, taken from the state types themselves.
struct NodeById {
    std::array<LifecycleState, mpl::size<Machine::state_list>::value> nodes{};

    template <class State> void operator()(State*) {
        nodes[boost::msm::back::get_state_id<Machine::stt, State>::value] = State::node;
    }
};

const NodeById& nodeById() {
    static const NodeById table = [] {
        NodeById collected;
        mpl::for_each<Machine::state_list, boost::add_pointer<mpl::_1>>(std::ref(collected));
        return collected;
    }();
    return table;
}

} // namespace

struct LifecycleMachine::Impl {
    Machine fsm;

    // Commands and outcomes arrive as enum values; MSM wants one type per event.
    Reaction dispatch(const CommandEvent& event, LifecycleRecord& record) {
        return react(record, [&] {
            msmsupport::dispatchByEnum<Command, Cmd>(fsm, event.command, event,
                                                     std::make_index_sequence<kCommands.size()>());
        });
    }
    Reaction dispatch(const OutcomeEvent& event, LifecycleRecord& record) {
        return react(record, [&] {
            msmsupport::dispatchByEnum<Outcome, Out>(fsm, event.outcome, event,
                                                     std::make_index_sequence<kOutcomes.size()>());
        });
    }
    template <class Send> Reaction react(LifecycleRecord& record, const Send& send) {
        Reaction reaction;
        reaction.from = node();
        fsm.m_record = &record;
        fsm.m_reaction = &reaction;
        send();
        fsm.m_record = nullptr;
        fsm.m_reaction = nullptr;
        reaction.to = node();
        return reaction;
    }
    LifecycleState node() const { return nodeById().nodes[fsm.current_state()[0]]; }
};

LifecycleMachine::LifecycleMachine() : m_impl(std::make_unique<Impl>()) {
    table(); // numbers the rows before the first event needs them
    m_impl->fsm.start();
}
LifecycleMachine::~LifecycleMachine() = default;
LifecycleMachine::LifecycleMachine(const LifecycleMachine& other)
    : m_impl(std::make_unique<Impl>(*other.m_impl)) {}
LifecycleMachine& LifecycleMachine::operator=(const LifecycleMachine& other) {
    if (this != &other)
        m_impl = std::make_unique<Impl>(*other.m_impl);
    return *this;
}
LifecycleMachine::LifecycleMachine(LifecycleMachine&&) noexcept = default;
LifecycleMachine& LifecycleMachine::operator=(LifecycleMachine&&) noexcept = default;

LifecycleState LifecycleMachine::node() const {
    return m_impl->node();
}

Reaction LifecycleMachine::handle(const CommandEvent& event, LifecycleRecord& record) {
    return m_impl->dispatch(event, record);
}

Reaction LifecycleMachine::handle(const OutcomeEvent& event, LifecycleRecord& record) {
    return m_impl->dispatch(event, record);
}

Reaction LifecycleMachine::preview(const CommandEvent& event, const LifecycleRecord& record) const {
    Impl copy = *m_impl;
    LifecycleRecord scratch = record;
    return copy.dispatch(event, scratch);
}

bool LifecycleMachine::isRunning() const {
    return m_impl->fsm.is_flag_active<RunningFlag>();
}
bool LifecycleMachine::isPaused() const {
    return m_impl->fsm.is_flag_active<PausedFlag>();
}
bool LifecycleMachine::isRestarting() const {
    return m_impl->fsm.is_flag_active<RestartingFlag>();
}
bool LifecycleMachine::isDead() const {
    return m_impl->fsm.is_flag_active<DeadFlag>();
}

const std::vector<TableRow>& LifecycleMachine::table() {
    static const std::vector<TableRow> rows = [] {
        std::vector<TableRow> collected;
        mpl::for_each<LifecycleTable, boost::add_pointer<mpl::_1>>(RowCollector{&collected});
        return collected;
    }();
    return rows;
}

} // namespace lab
