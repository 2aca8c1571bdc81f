#pragma once
// The steps of `docker run`, `docker create` and `docker pull` as docker CLI 28.2 walks them
// against Engine 20.10 (DOCKER-BEHAVIOUR.md §2.1, §4). The rules are written once, in the Boost.MSM
// transition table of RunFlowMachine.cpp; this header is MSM-free and C++17-compatible.
//
// The engine drives the machine: it performs step(), reports what happened as a
// RunFlowOutcomeEvent, and handle() answers with the next step, the lines the CLI prints at
// that point and, once the flow has ended, the CLI's exit status. The caller supplies the words
// that depend on data the machine does not have (the daemon's error message, the reference, the
// container ID); every fixed word (prefixes, the help line, "Unable to find image") comes from
// RunFlowText.cpp.
//
// The three walks (error exits aside):
//   run:    CheckOptions, ParseReference, [LookupLocal], [QueryRegistry, PullLayers...],
//           CreateContainer, [Attach], StartContainer, [WaitForExit, [AutoRemove]], Done.
//           --pull always queries the registry first; missing looks locally first and pulls on a
//           miss; never does not pull. -d prints the ID and ends once started; exit status is
//           the container's when attached. Failures: "docker: <err>" + help, 125/126/127.
//   create: the same up to CreateContainer, then prints the ID; failures are printed as they
//           read ("Error response from daemon: ...") and exit 1, flag errors 125.
//   pull:   ParseReference, QueryRegistry, PullLayers..., Done; progress and the final
//           reference on stdout; failures printed as they read, exit 1.
//
// Cobra's own flag errors (unknown flag, missing argument) are not part of this flow: they are
// printed before runRun/runCreate is entered. CheckOptions covers what runRun and runCreate check.

#include "base/EnumList.h"
#include "base/Expected.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lab {

/// The docker command whose flow is walked.
enum class RunCommand { Run, Create, Pull };
/// The docker word of a command: "run", "create", "pull".
std::string_view commandWord(RunCommand command);

/// The --pull policy of run and create.
enum class PullPolicy { Missing, Always, Never };
/// CLI 28's --pull validation: "" means missing; anything else unknown is refused with the
/// CLI's words ("invalid pull option: 'x': must be one of ...").
Expected<PullPolicy> parsePullPolicy(std::string_view value);

/// The nodes of the flowchart: what is being done now, or how the command ended.
enum class RunStep {
    Start,             ///< the command line was typed
    CheckOptions,      ///< the CLI validates --pull and the container flags (run, create)
    ParseReference,    ///< the CLI parses the image reference
    LookupLocal,       ///< the daemon's create checks the config, then looks for the image locally
    QueryRegistry,     ///< the daemon asks the registry for the manifest
    PullLayers,        ///< the daemon downloads and extracts the layers
    CreateContainer,   ///< the daemon reserves the name and creates the container
    Attach,            ///< the CLI attaches to the container's output (run without -d)
    StartContainer,    ///< the daemon starts the container's process
    WaitForExit,       ///< the CLI waits for the container to exit
    AutoRemove,        ///< the daemon removes the container (--rm)
    Done,              ///< the command succeeded
    FailedOptions,     ///< error exit: a flag was refused
    FailedReference,   ///< error exit: invalid reference format
    FailedNoSuchImage, ///< error exit: not local, and the policy or reference forbids a pull
    FailedPull,        ///< error exit: the registry refused or was unreachable, or a download broke
    FailedCreate,      ///< error exit: the daemon refused to create the container
    FailedStart,       ///< error exit: the runtime could not start the process
};
/// A readable name: "check options", "look up the image locally", ...
std::string_view stepName(RunStep step);
/// Every step, in declaration order.
const std::vector<RunStep>& allRunSteps();
/// True for Done and every error exit: nothing follows.
bool isEnd(RunStep step);
/// True for the error exits.
bool isErrorExit(RunStep step);

/// Docker's parts (docs/ENGINE-API.md: what the CLI asks the daemon at each step): the client, the
/// daemon, the registry it pulls
/// from, the runtime that starts the process.
enum class RunPart { Cli, Daemon, Registry, Runtime };
/// Every part, in declaration order.
inline constexpr std::array kRunParts{RunPart::Cli, RunPart::Daemon, RunPart::Registry,
                                      RunPart::Runtime};
static_assert(isEveryEnumerator(kRunParts));
/// "docker CLI", "daemon", "registry", "runtime".
std::string_view partName(RunPart part);
/// Who does a step: the CLI for its own checks and waits, the daemon for the rest, with the
/// registry for a pull and the runtime for a start; none for the start and the ends.
std::vector<RunPart> stepParts(RunStep step);

/// What the engine reports after performing a step.
enum class RunFlowOutcome {
    OptionsValid,
    OptionsInvalid,   ///< runRun/runCreate refused a flag (error: the CLI's words)
    OptionsConflict,  ///< -d with -a, returned plainly by runContainer (error: the CLI's words)
    ReferenceValid,   ///< reference, canonical, named, tagAdded are set
    ReferenceInvalid, ///< error: "invalid reference format: ..."
    ImageFound,
    ImageMissing,        ///< error: the daemon's "No such image: ..."
    ManifestFound,       ///< progress: "<tag>: Pulling from <repo>"
    RegistryRefused,     ///< error: manifest unknown, pull access denied, name unknown
    RegistryUnreachable, ///< error: the dial or DNS failure
    LayerPulled,         ///< progress: that layer's lines
    PullComplete,        ///< progress: "Digest: ...", "Status: ..."
    PullInterrupted,     ///< the download broke after output had started (error: the stream's)
    Created,             ///< containerId and warnings are set
    CreateFailed,        ///< error: the daemon's message (bad config, name in use, ...)
    Attached,
    Started,
    StartFailed, ///< error: the daemon's message (the runtime's words)
    Exited,      ///< exitCode is set
    Removed,
};
/// A readable name: "options valid", "image missing", ...
std::string_view outcomeName(RunFlowOutcome outcome);
/// Every outcome, in declaration order.
inline constexpr std::array kRunFlowOutcomes{
    RunFlowOutcome::OptionsValid,     RunFlowOutcome::OptionsInvalid,
    RunFlowOutcome::OptionsConflict,  RunFlowOutcome::ReferenceValid,
    RunFlowOutcome::ReferenceInvalid, RunFlowOutcome::ImageFound,
    RunFlowOutcome::ImageMissing,     RunFlowOutcome::ManifestFound,
    RunFlowOutcome::RegistryRefused,  RunFlowOutcome::RegistryUnreachable,
    RunFlowOutcome::LayerPulled,      RunFlowOutcome::PullComplete,
    RunFlowOutcome::PullInterrupted,  RunFlowOutcome::Created,
    RunFlowOutcome::CreateFailed,     RunFlowOutcome::Attached,
    RunFlowOutcome::Started,          RunFlowOutcome::StartFailed,
    RunFlowOutcome::Exited,           RunFlowOutcome::Removed};
static_assert(isEveryEnumerator(kRunFlowOutcomes));

/// What the command line asked for.
struct RunFlowOptions {
    RunCommand command = RunCommand::Run;
    PullPolicy pull = PullPolicy::Missing;
    bool detached = false;   ///< run -d
    bool autoRemove = false; ///< run --rm
    bool quiet = false;      ///< -q: no pull progress, no "Unable to find image", no default tag
};

/// An outcome with what it carries.
struct RunFlowOutcomeEvent {
    RunFlowOutcome outcome = RunFlowOutcome::OptionsValid;
    std::string error;     ///< failures: the message without "Error response from daemon: "
    std::string reference; ///< ReferenceValid: familiar, with its tag ("busybox:latest")
    std::string canonical; ///< ReferenceValid: what docker pull prints last
                           ///< ("docker.io/library/busybox:latest")
    bool named = true;     ///< ReferenceValid: false for a full image ID, which is never pulled
    bool tagAdded = false; ///< ReferenceValid: no tag was typed, so "latest" was assumed
    std::vector<std::string> progress; ///< ManifestFound, LayerPulled, PullComplete: rendered lines
    std::string containerId;           ///< Created: the full 64-hex ID
    std::vector<std::string> warnings; ///< Created: the daemon's warnings
    int exitCode = 0;                  ///< Exited: the container's exit code
};

/// Where the CLI writes a line.
enum class RunFlowStream { Stdout, Stderr };
/// One line the CLI prints.
struct RunFlowLine {
    RunFlowStream stream = RunFlowStream::Stderr;
    std::string text;
    bool operator==(const RunFlowLine& other) const {
        return stream == other.stream && text == other.text;
    }
};

/// Where an error's words come from, which decides its prefix.
enum class ErrorOrigin {
    Cli,        ///< the CLI's own check: no prefix
    Daemon,     ///< an HTTP error: "Error response from daemon: "
    PullStream, ///< an error inside the pull's progress stream: no prefix
};

/// How a command ended in an error exit.
struct RunFailure {
    RunStep exit = RunStep::FailedOptions;
    ErrorOrigin origin = ErrorOrigin::Cli;
    std::string message; ///< the error as Go's err.Error() reads, with any daemon prefix
    int status = 1;      ///< the CLI's exit status
};

/// How the machine reacted to one outcome.
struct RunFlowReaction {
    RunStep from = RunStep::Start;
    RunStep to = RunStep::Start;       ///< the next step to perform, or how the flow ended
    int row = -1;                      ///< the table row that fired (index into table())
    std::vector<RunFlowLine> output;   ///< what the CLI prints now, in order
    std::optional<int> exitStatus;     ///< set once the flow has ended
    std::optional<RunFailure> failure; ///< set when it ended in an error exit
};

/// One row of the transition table, for drawing the flowchart and walking it in tests.
struct RunFlowRow {
    RunStep source = RunStep::Start;
    std::optional<RunFlowOutcome> outcome; ///< empty for the automatic rows leaving Start
    RunStep target = RunStep::Start;
    std::string action; ///< the action functor's name, empty when none
    std::string guard;  ///< the guard functor's name, empty when none
};

/// One command's run flow: a Boost.MSM state machine behind a small, MSM-free interface.
class RunFlowMachine {
public:
    /// Starts the flow: step() is then CheckOptions (run, create) or ParseReference (pull).
    explicit RunFlowMachine(const RunFlowOptions& options);
    ~RunFlowMachine();
    RunFlowMachine(const RunFlowMachine& other);
    RunFlowMachine& operator=(const RunFlowMachine& other);
    RunFlowMachine(RunFlowMachine&&) noexcept;
    RunFlowMachine& operator=(RunFlowMachine&&) noexcept;

    /// The step to perform now, or how the flow ended.
    RunStep step() const;
    /// The options the flow was started with.
    const RunFlowOptions& options() const;
    /// Feeds the outcome of step(). An outcome the table has no row for is an Error: a bug in
    /// the caller or the table, never something Docker would print.
    Expected<RunFlowReaction> handle(const RunFlowOutcomeEvent& event);

    /// Every row of the transition table, in table order.
    static const std::vector<RunFlowRow>& table();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lab
