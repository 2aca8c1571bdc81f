// The run flow's rules, written once: the transition table at the bottom of RunFlowDef. Everything
// else (the flowchart, the tests, the engine's next step) reads it. Compiled as C++17 (see
// statemachine/CMakeLists.txt); actions never do I/O, they only fill the reaction being built.

// 32 rows: more than MPL's preprocessed 20-element vectors hold.
#define BOOST_MPL_CFG_NO_PREPROCESSED_HEADERS
#define BOOST_MPL_LIMIT_VECTOR_SIZE 40

#include "machines/MsmSupport.h"
#include "machines/RunFlow.h"
#include "machines/RunFlowText.h"

#include <boost/mpl/for_each.hpp>
#include <boost/mpl/vector.hpp>
#include <boost/msm/back/state_machine.hpp>
#include <boost/msm/front/functor_row.hpp>
#include <boost/msm/front/state_machine_def.hpp>
#include <optional>
#include <type_traits>
#include <utility>

namespace lab {
namespace {

namespace msm = boost::msm;
namespace mpl = boost::mpl;
using msm::front::none;
using msm::front::Row;
using runflowtext::Stage;

// --- Events: one type per outcome, pointing at the engine's report --------------------------

template <RunFlowOutcome O> struct On {
    static constexpr RunFlowOutcome outcome = O;
    const RunFlowOutcomeEvent* data = nullptr;
};
using OptionsValid = On<RunFlowOutcome::OptionsValid>;
using OptionsInvalid = On<RunFlowOutcome::OptionsInvalid>;
using OptionsConflict = On<RunFlowOutcome::OptionsConflict>;
using ReferenceValid = On<RunFlowOutcome::ReferenceValid>;
using ReferenceInvalid = On<RunFlowOutcome::ReferenceInvalid>;
using ImageFound = On<RunFlowOutcome::ImageFound>;
using ImageMissing = On<RunFlowOutcome::ImageMissing>;
using ManifestFound = On<RunFlowOutcome::ManifestFound>;
using RegistryRefused = On<RunFlowOutcome::RegistryRefused>;
using RegistryUnreachable = On<RunFlowOutcome::RegistryUnreachable>;
using LayerPulled = On<RunFlowOutcome::LayerPulled>;
using PullComplete = On<RunFlowOutcome::PullComplete>;
using PullInterrupted = On<RunFlowOutcome::PullInterrupted>;
using Created = On<RunFlowOutcome::Created>;
using CreateFailed = On<RunFlowOutcome::CreateFailed>;
using Attached = On<RunFlowOutcome::Attached>;
using Started = On<RunFlowOutcome::Started>;
using StartFailed = On<RunFlowOutcome::StartFailed>;
using Exited = On<RunFlowOutcome::Exited>;
using Removed = On<RunFlowOutcome::Removed>;

constexpr std::size_t kOutcomeCount = kRunFlowOutcomes.size();

// --- States: every node knows its RunStep, so step() needs no hand-kept mapping -------------

template <RunStep S> struct Node : msm::front::state<> {
    static constexpr RunStep step = S;
    template <class Event, class Fsm> void on_entry(const Event&, Fsm& fsm) { fsm.m_step = S; }
};
using Start = Node<RunStep::Start>;
using CheckOptions = Node<RunStep::CheckOptions>;
using ParseReference = Node<RunStep::ParseReference>;
using LookupLocal = Node<RunStep::LookupLocal>;
using QueryRegistry = Node<RunStep::QueryRegistry>;
using PullLayers = Node<RunStep::PullLayers>;
using CreateContainer = Node<RunStep::CreateContainer>;
using Attach = Node<RunStep::Attach>;
using StartContainer = Node<RunStep::StartContainer>;
using WaitForExit = Node<RunStep::WaitForExit>;
using AutoRemove = Node<RunStep::AutoRemove>;
using Done = Node<RunStep::Done>;
using FailedOptions = Node<RunStep::FailedOptions>;
using FailedReference = Node<RunStep::FailedReference>;
using FailedNoSuchImage = Node<RunStep::FailedNoSuchImage>;
using FailedPull = Node<RunStep::FailedPull>;
using FailedCreate = Node<RunStep::FailedCreate>;
using FailedStart = Node<RunStep::FailedStart>;

// --- Guards: read the options and what the flow has learnt -----------------------------------

#define LAB_GUARD(Name, ...)                                                                       \
    struct Name {                                                                                  \
        static std::string name() { return #Name; }                                                \
        template <class Evt, class Fsm, class Src, class Tgt>                                      \
        bool operator()(const Evt&, Fsm& fsm, Src&, Tgt&) const {                                  \
            const RunFlowOptions& o = fsm.m_options;                                               \
            (void)o;                                                                               \
            return __VA_ARGS__;                                                                    \
        }                                                                                          \
    }

LAB_GUARD(IsPull, o.command == RunCommand::Pull);
LAB_GUARD(IsCreate, o.command == RunCommand::Create);
LAB_GUARD(DetachedRun, o.command == RunCommand::Run && o.detached);
LAB_GUARD(AttachedRun, o.command == RunCommand::Run && !o.detached);
// docker pull and --pull always ask the registry before any create.
LAB_GUARD(PullsFirst, o.command == RunCommand::Pull || o.pull == PullPolicy::Always);
// createContainer pulls after a NotFound only for a named reference under --pull missing.
LAB_GUARD(MayPullMissing, o.pull == PullPolicy::Missing && fsm.m_named);
LAB_GUARD(AutoRemoves, o.autoRemove);
// A start failure with --rm is reported only once the daemon has removed the container.
LAB_GUARD(FailureHeld, fsm.m_failure.has_value());
#undef LAB_GUARD

using msmsupport::Not;

// --- Actions: fill the reaction, never do I/O ------------------------------------------------

#define LAB_ACTION(Name, ...)                                                                      \
    struct Name {                                                                                  \
        static std::string name() { return #Name; }                                                \
        template <class Evt, class Fsm, class Src, class Tgt>                                      \
        void operator()(const Evt& e, Fsm& fsm, Src&, Tgt&) const {                                \
            const RunFlowOutcomeEvent& ev = *e.data;                                               \
            const RunFlowOptions& o = fsm.m_options;                                               \
            (void)ev;                                                                              \
            (void)o;                                                                               \
            __VA_ARGS__                                                                            \
        }                                                                                          \
    }

// What runRun/runCreate refuse: "docker: <err>" with help, 125.
LAB_ACTION(RefuseFlags, fsm.fail(Stage::Flags, Tgt::step, ErrorOrigin::Cli, ev.error););
// runContainer returns -d with -a plainly: exit 1.
LAB_ACTION(RefuseConflict, fsm.fail(Stage::Conflict, Tgt::step, ErrorOrigin::Cli, ev.error););
LAB_ACTION(RefuseReference, fsm.fail(Stage::Create, Tgt::step, ErrorOrigin::Cli, ev.error););
LAB_ACTION(FailDaemon, fsm.fail(Stage::Create, Tgt::step, ErrorOrigin::Daemon, ev.error););
LAB_ACTION(FailStream, fsm.fail(Stage::Create, Tgt::step, ErrorOrigin::PullStream, ev.error););
LAB_ACTION(HoldStartFailure,
           fsm.m_failure = runflowtext::describeFailure(o.command, Stage::Create,
                                                        RunStep::FailedStart, ErrorOrigin::Daemon,
                                                        ev.error););
LAB_ACTION(RememberReference, {
    fsm.m_reference = ev.reference;
    fsm.m_canonical = ev.canonical;
    fsm.m_named = ev.named;
    if (o.command == RunCommand::Pull && ev.tagAdded && !o.quiet)
        fsm.print(RunFlowStream::Stdout, runflowtext::defaultTag());
});
LAB_ACTION(AnnounceMissing, {
    if (!o.quiet)
        fsm.print(RunFlowStream::Stderr, runflowtext::unableToFind(fsm.m_reference));
});
LAB_ACTION(ShowProgress, fsm.showProgress(ev););
// runPull ends by printing the full reference, even with -q.
LAB_ACTION(FinishPull, {
    fsm.showProgress(ev);
    fsm.print(RunFlowStream::Stdout, fsm.m_canonical);
});
LAB_ACTION(ReportCreated, {
    for (const std::string& w : ev.warnings)
        fsm.print(RunFlowStream::Stderr, runflowtext::warning(w));
    // run prints the ID only when nothing is attached; create always.
    if (o.command == RunCommand::Create || o.detached)
        fsm.print(RunFlowStream::Stdout, ev.containerId);
});
LAB_ACTION(RecordExit, fsm.m_exitCode = ev.exitCode;);
// The failure held since the start failed, now that --rm has removed the container.
LAB_ACTION(ReportHeldFailure, {
    for (const RunFlowLine& line : fsm.m_failure->lines)
        fsm.m_reaction->output.push_back(line);
});
#undef LAB_ACTION

// --- The machine -------------------------------------------------------------------------------

struct RunFlowDef : msm::front::state_machine_def<RunFlowDef> {
    RunFlowOptions m_options;
    RunStep m_step = RunStep::Start;
    std::string m_reference;
    std::string m_canonical;
    bool m_named = true;
    int m_exitCode = 0;
    std::optional<runflowtext::FailureReport> m_failure;
    bool m_noRow = false;
    RunFlowReaction* m_reaction = nullptr; // the reaction handle() is filling

    void print(RunFlowStream stream, std::string text) {
        m_reaction->output.push_back({stream, std::move(text)});
    }
    void showProgress(const RunFlowOutcomeEvent& event) {
        // docker pull renders the daemon's stream on stdout; run and create on stderr.
        if (m_options.quiet)
            return;
        const auto stream =
            m_options.command == RunCommand::Pull ? RunFlowStream::Stdout : RunFlowStream::Stderr;
        for (const std::string& line : event.progress)
            print(stream, line);
    }
    void fail(Stage stage, RunStep exit, ErrorOrigin origin, const std::string& error) {
        m_failure = runflowtext::describeFailure(m_options.command, stage, exit, origin, error);
        for (const RunFlowLine& line : m_failure->lines)
            m_reaction->output.push_back(line);
    }

    template <class Fsm, class Event> void no_transition(const Event&, Fsm&, int) {
        m_noRow = true;
    }

    using initial_state = Start;

    // clang-format off
    struct transition_table : mpl::vector<
        //   Source           Event                 Target              Action              Guard
        // +----------------+---------------------+-------------------+-------------------+---------------------+
        Row< Start          , none                , CheckOptions      , none              , Not<IsPull>         >,
        Row< Start          , none                , ParseReference    , none              , IsPull              >,
        // +----------------+---------------------+-------------------+-------------------+---------------------+
        Row< CheckOptions   , OptionsValid        , ParseReference    , none              , none                >,
        Row< CheckOptions   , OptionsInvalid      , FailedOptions     , RefuseFlags       , none                >,
        Row< CheckOptions   , OptionsConflict     , FailedOptions     , RefuseConflict    , none                >,
        // +----------------+---------------------+-------------------+-------------------+---------------------+
        Row< ParseReference , ReferenceValid      , QueryRegistry     , RememberReference , PullsFirst          >,
        Row< ParseReference , ReferenceValid      , LookupLocal       , RememberReference , Not<PullsFirst>     >,
        Row< ParseReference , ReferenceInvalid    , FailedReference   , RefuseReference   , none                >,
        // +----------------+---------------------+-------------------+-------------------+---------------------+
        Row< LookupLocal    , ImageFound          , CreateContainer   , none              , none                >,
        Row< LookupLocal    , ImageMissing        , QueryRegistry     , AnnounceMissing   , MayPullMissing      >,
        Row< LookupLocal    , ImageMissing        , FailedNoSuchImage , FailDaemon        , Not<MayPullMissing> >,
        Row< LookupLocal    , CreateFailed        , FailedCreate      , FailDaemon        , none                >,
        // +----------------+---------------------+-------------------+-------------------+---------------------+
        Row< QueryRegistry  , ManifestFound       , PullLayers        , ShowProgress      , none                >,
        Row< QueryRegistry  , RegistryRefused     , FailedPull        , FailDaemon        , none                >,
        Row< QueryRegistry  , RegistryUnreachable , FailedPull        , FailDaemon        , none                >,
        // +----------------+---------------------+-------------------+-------------------+---------------------+
        Row< PullLayers     , LayerPulled         , PullLayers        , ShowProgress      , none                >,
        Row< PullLayers     , PullComplete        , Done              , FinishPull        , IsPull              >,
        Row< PullLayers     , PullComplete        , CreateContainer   , ShowProgress      , Not<IsPull>         >,
        Row< PullLayers     , PullInterrupted     , FailedPull        , FailStream        , none                >,
        // +----------------+---------------------+-------------------+-------------------+---------------------+
        Row< CreateContainer, Created             , Done              , ReportCreated     , IsCreate            >,
        Row< CreateContainer, Created             , StartContainer    , ReportCreated     , DetachedRun         >,
        Row< CreateContainer, Created             , Attach            , ReportCreated     , AttachedRun         >,
        Row< CreateContainer, CreateFailed        , FailedCreate      , FailDaemon        , none                >,
        // +----------------+---------------------+-------------------+-------------------+---------------------+
        Row< Attach         , Attached            , StartContainer    , none              , none                >,
        // +----------------+---------------------+-------------------+-------------------+---------------------+
        Row< StartContainer , Started             , Done              , none              , DetachedRun         >,
        Row< StartContainer , Started             , WaitForExit       , none              , AttachedRun         >,
        Row< StartContainer , StartFailed         , FailedStart       , FailDaemon        , Not<AutoRemoves>    >,
        Row< StartContainer , StartFailed         , AutoRemove        , HoldStartFailure  , AutoRemoves         >,
        // +----------------+---------------------+-------------------+-------------------+---------------------+
        Row< WaitForExit    , Exited              , Done              , RecordExit        , Not<AutoRemoves>    >,
        Row< WaitForExit    , Exited              , AutoRemove        , RecordExit        , AutoRemoves         >,
        // +----------------+---------------------+-------------------+-------------------+---------------------+
        Row< AutoRemove     , Removed             , Done              , none              , Not<FailureHeld>    >,
        Row< AutoRemove     , Removed             , FailedStart       , ReportHeldFailure , FailureHeld         >
        // +----------------+---------------------+-------------------+-------------------+---------------------+
    > {};
    // clang-format on
};

using RunFlowFsm = msm::back::state_machine<RunFlowDef>;

// --- Reading the table at run time --------------------------------------------------------------

using msmsupport::nameOf;

template <class E> std::optional<RunFlowOutcome> outcomeOf() {
    if constexpr (std::is_same_v<E, none>)
        return std::nullopt;
    else
        return E::outcome;
}

struct RowCollector {
    std::vector<RunFlowRow>* rows;
    template <class R> void operator()(const R&) const {
        rows->push_back({R::Source::step, outcomeOf<typename R::Evt>(), R::Target::step,
                         nameOf<typename R::Action>(), nameOf<typename R::Guard>()});
    }
};

// Source, outcome and target name a row uniquely (the test checks it), so the row that fired
// is found without instrumenting every action.
int rowIndex(RunStep from, RunFlowOutcome outcome, RunStep to) {
    const auto& rows = RunFlowMachine::table();
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].source == from && rows[i].outcome == outcome && rows[i].target == to)
            return static_cast<int>(i);
    return -1;
}

} // namespace

struct RunFlowMachine::Impl {
    RunFlowFsm fsm;
};

RunFlowMachine::RunFlowMachine(const RunFlowOptions& options) : m_impl(std::make_unique<Impl>()) {
    m_impl->fsm.m_options = options; // before start(): the rows leaving Start read it
    m_impl->fsm.start();
}

RunFlowMachine::~RunFlowMachine() = default;
RunFlowMachine::RunFlowMachine(const RunFlowMachine& other)
    : m_impl(std::make_unique<Impl>(*other.m_impl)) {}
RunFlowMachine& RunFlowMachine::operator=(const RunFlowMachine& other) {
    if (this != &other)
        m_impl = std::make_unique<Impl>(*other.m_impl);
    return *this;
}
RunFlowMachine::RunFlowMachine(RunFlowMachine&&) noexcept = default;
RunFlowMachine& RunFlowMachine::operator=(RunFlowMachine&&) noexcept = default;

RunStep RunFlowMachine::step() const {
    return m_impl->fsm.m_step;
}

const RunFlowOptions& RunFlowMachine::options() const {
    return m_impl->fsm.m_options;
}

Expected<RunFlowReaction> RunFlowMachine::handle(const RunFlowOutcomeEvent& event) {
    RunFlowFsm& fsm = m_impl->fsm;
    RunFlowReaction reaction;
    reaction.from = fsm.m_step;
    fsm.m_reaction = &reaction;
    fsm.m_noRow = false;
    msmsupport::dispatchByEnum<RunFlowOutcome, On>(fsm, event.outcome, event,
                                                   std::make_index_sequence<kOutcomeCount>{});
    fsm.m_reaction = nullptr;
    if (fsm.m_noRow)
        return Error{"run flow: no row for outcome '" + std::string(outcomeName(event.outcome)) +
                     "' in step '" + std::string(stepName(reaction.from)) +
                     "' (a bug in the engine or the table)"};
    reaction.to = fsm.m_step;
    reaction.row = rowIndex(reaction.from, event.outcome, reaction.to);
    if (isErrorExit(reaction.to)) {
        reaction.failure = fsm.m_failure->failure;
        reaction.exitStatus = reaction.failure->status;
    } else if (reaction.to == RunStep::Done) {
        reaction.exitStatus = fsm.m_exitCode;
    }
    return reaction;
}

const std::vector<RunFlowRow>& RunFlowMachine::table() {
    static const std::vector<RunFlowRow> rows = [] {
        std::vector<RunFlowRow> result;
        mpl::for_each<RunFlowDef::transition_table>(RowCollector{&result});
        return result;
    }();
    return rows;
}

} // namespace lab
