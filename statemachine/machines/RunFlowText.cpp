// Every fixed word of the run flow, with where docker CLI 28.2.2 prints it
// (cli/command/container/run.go, create.go; cli/command/image/pull.go).
#include "machines/RunFlowText.h"

#include <array>
#include <utility>

namespace lab {

std::string_view commandWord(RunCommand command) {
    switch (command) {
    case RunCommand::Run:
        return "run";
    case RunCommand::Create:
        return "create";
    case RunCommand::Pull:
        return "pull";
    }
    return "run";
}

Expected<PullPolicy> parsePullPolicy(std::string_view value) {
    // validatePullOpt: the empty value is the flag's unset state, i.e. the default.
    if (value.empty() || value == "missing")
        return PullPolicy::Missing;
    if (value == "always")
        return PullPolicy::Always;
    if (value == "never")
        return PullPolicy::Never;
    return Error{"invalid pull option: '" + std::string(value) +
                 "': must be one of \"always\", \"missing\" or \"never\""};
}

namespace {

constexpr std::array<std::pair<RunStep, std::string_view>, 18> kStepNames{{
    {RunStep::Start, "start"},
    {RunStep::CheckOptions, "check options"},
    {RunStep::ParseReference, "parse reference"},
    {RunStep::LookupLocal, "look up image locally"},
    {RunStep::QueryRegistry, "query registry"},
    {RunStep::PullLayers, "pull layers"},
    {RunStep::CreateContainer, "create container"},
    {RunStep::Attach, "attach"},
    {RunStep::StartContainer, "start container"},
    {RunStep::WaitForExit, "wait for exit"},
    {RunStep::AutoRemove, "auto-remove"},
    {RunStep::Done, "done"},
    {RunStep::FailedOptions, "failed: options"},
    {RunStep::FailedReference, "failed: reference"},
    {RunStep::FailedNoSuchImage, "failed: no such image"},
    {RunStep::FailedPull, "failed: pull"},
    {RunStep::FailedCreate, "failed: create"},
    {RunStep::FailedStart, "failed: start"},
}};

constexpr std::array<std::pair<RunFlowOutcome, std::string_view>, kRunFlowOutcomes.size()>
    kOutcomeNames{{
        {RunFlowOutcome::OptionsValid, "options valid"},
        {RunFlowOutcome::OptionsInvalid, "options invalid"},
        {RunFlowOutcome::OptionsConflict, "options conflict"},
        {RunFlowOutcome::ReferenceValid, "reference valid"},
        {RunFlowOutcome::ReferenceInvalid, "reference invalid"},
        {RunFlowOutcome::ImageFound, "image found"},
        {RunFlowOutcome::ImageMissing, "image missing"},
        {RunFlowOutcome::ManifestFound, "manifest found"},
        {RunFlowOutcome::RegistryRefused, "registry refused"},
        {RunFlowOutcome::RegistryUnreachable, "registry unreachable"},
        {RunFlowOutcome::LayerPulled, "layer pulled"},
        {RunFlowOutcome::PullComplete, "pull complete"},
        {RunFlowOutcome::PullInterrupted, "pull interrupted"},
        {RunFlowOutcome::Created, "created"},
        {RunFlowOutcome::CreateFailed, "create failed"},
        {RunFlowOutcome::Attached, "attached"},
        {RunFlowOutcome::Started, "started"},
        {RunFlowOutcome::StartFailed, "start failed"},
        {RunFlowOutcome::Exited, "exited"},
        {RunFlowOutcome::Removed, "removed"},
    }};

template <typename Enum, std::size_t N>
std::string_view lookup(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum key) {
    for (const auto& [value, name] : names)
        if (value == key)
            return name;
    return "?";
}

template <typename Enum, std::size_t N>
std::vector<Enum> keys(const std::array<std::pair<Enum, std::string_view>, N>& names) {
    std::vector<Enum> result;
    for (const auto& entry : names)
        result.push_back(entry.first);
    return result;
}

} // namespace

std::string_view stepName(RunStep step) {
    return lookup(kStepNames, step);
}

std::string_view partName(RunPart part) {
    static constexpr std::array<std::string_view, kRunParts.size()> names{"docker CLI", "daemon",
                                                                          "registry", "runtime"};
    return names[std::size_t(part)];
}

std::vector<RunPart> stepParts(RunStep step) {
    switch (step) {
    case RunStep::CheckOptions:
    case RunStep::ParseReference:
    case RunStep::Attach:
    case RunStep::WaitForExit:
        return {RunPart::Cli};
    case RunStep::LookupLocal:
    case RunStep::CreateContainer:
    case RunStep::AutoRemove:
        return {RunPart::Daemon};
    case RunStep::QueryRegistry:
    case RunStep::PullLayers:
        return {RunPart::Daemon, RunPart::Registry};
    case RunStep::StartContainer:
        return {RunPart::Daemon, RunPart::Runtime};
    default:
        return {};
    }
}

const std::vector<RunStep>& allRunSteps() {
    static const std::vector<RunStep> steps = keys(kStepNames);
    return steps;
}

bool isErrorExit(RunStep step) {
    return step >= RunStep::FailedOptions;
}

bool isEnd(RunStep step) {
    return step == RunStep::Done || isErrorExit(step);
}

std::string_view outcomeName(RunFlowOutcome outcome) {
    return lookup(kOutcomeNames, outcome);
}

namespace runflowtext {

std::string unableToFind(std::string_view reference) {
    return "Unable to find image '" + std::string(reference) + "' locally";
}

std::string defaultTag() {
    return "Using default tag: latest";
}

std::string warning(std::string_view text) {
    return "WARNING: " + std::string(text);
}

std::string errorMessage(ErrorOrigin origin, std::string_view error) {
    // client/errors.go: every HTTP error of 400 and above is wrapped so; the CLI's own errors
    // and an error inside the pull's JSON stream (jsonmessage.Display) are not.
    if (origin == ErrorOrigin::Daemon)
        return "Error response from daemon: " + std::string(error);
    return std::string(error);
}

int runStatusFor(std::string_view message) {
    const auto says = [message](std::string_view words) {
        return message.find(words) != std::string_view::npos;
    };
    if (says("executable file not found") || says("no such file or directory") ||
        says("system cannot find the file specified"))
        return 127;
    // syscall.EACCES and syscall.EISDIR, as Go spells them.
    if (says("permission denied") || says("is a directory"))
        return 126;
    return 125;
}

namespace {

// withHelp: "docker: <err>", a blank line, and where to find help (CLI 28's layout).
std::vector<RunFlowLine> withHelp(const std::string& message, RunCommand command) {
    return {{RunFlowStream::Stderr, "docker: " + message},
            {RunFlowStream::Stderr, ""},
            {RunFlowStream::Stderr,
             "Run 'docker " + std::string(commandWord(command)) + " --help' for more information"}};
}

} // namespace

FailureReport describeFailure(RunCommand command, Stage stage, RunStep exit, ErrorOrigin origin,
                              std::string_view error) {
    FailureReport report;
    report.failure.exit = exit;
    report.failure.origin = origin;
    report.failure.message = errorMessage(origin, error);
    const std::string& message = report.failure.message;
    if (stage == Stage::Flags) {
        report.failure.status = 125;
        report.lines = withHelp(message, command);
    } else if (stage == Stage::Create && command == RunCommand::Run) {
        report.failure.status = runStatusFor(message);
        report.lines = withHelp(message, command);
    } else {
        // main() prints any other error as it reads and exits 1.
        report.failure.status = 1;
        report.lines = {{RunFlowStream::Stderr, message}};
    }
    return report;
}

} // namespace runflowtext
} // namespace lab
