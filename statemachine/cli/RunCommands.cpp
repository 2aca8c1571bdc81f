// docker run, create and pull, walked step by step through the run-flow machine: the machine
// decides what comes next and what the CLI prints; this file performs each step on the engine.
#include "cli/Commands.h"
#include "cli/OutputRecorder.h"
#include "docker/ImageReference.h"
#include "engine/Engine.h"
#include "engine/Pull.h"
#include "engine/RegistryPull.h"
#include "engine/Security.h"
#include "machines/RunFlow.h"

#include <functional>
#include <memory>
#include <optional>

namespace lab::cli {
namespace {

// What the command line asked for, read once.
struct RunRequest {
    RunFlowOptions options;
    std::string image;
    CreateRequest create;
    std::optional<std::string> optionsError;
    bool optionsConflict = false;
};

RunRequest readRequest(RunCommand command, const ParsedFlags& flags) {
    RunRequest request;
    request.options.command = command;
    request.options.detached = flags.isSet("detach");
    request.options.autoRemove = flags.isSet("rm");
    request.options.quiet = flags.isSet("quiet");
    request.image = flags.arguments.empty() ? "" : flags.arguments[0];
    if (command == RunCommand::Pull)
        return request;

    auto pull = parsePullPolicy(flags.value("pull").value_or(""));
    if (!pull)
        request.optionsError = pull.error().message;
    else
        request.options.pull = *pull;
    auto restart = parseRestartPolicy(flags.value("restart").value_or("no"));
    if (restart && !request.optionsError) {
        if (auto conflict = checkRestartWithAutoRemove(*restart, request.options.autoRemove);
            !conflict)
            request.optionsError = conflict.error().message;
        request.create.restart = *restart;
    } else if (!restart && !request.optionsError) {
        request.optionsError = restart.error().message;
    }
    request.optionsConflict = request.options.detached && !flags.values("attach").empty();

    ContainerConfig& config = request.create.config;
    request.create.name = flags.value("name").value_or("");
    config.image = request.image;
    config.cmd.assign(flags.arguments.begin() + 1, flags.arguments.end());
    if (const auto entrypoint = flags.value("entrypoint"))
        request.create.entrypoint = entrypoint->empty() ? std::vector<std::string>{}
                                                        : std::vector<std::string>{*entrypoint};
    for (const std::string& label : flags.values("label")) {
        const auto equals = label.find('=');
        config.labels[label.substr(0, equals)] =
            equals == std::string::npos ? "" : label.substr(equals + 1);
    }
    config.stopSignal = flags.value("stop-signal").value_or("");
    if (flags.value("stop-timeout"))
        config.stopTimeout = flags.secondsValue("stop-timeout", 10);
    config.init = flags.isSet("init");
    config.tty = flags.isSet("tty");
    config.openStdin = flags.isSet("interactive");
    config.autoRemove = request.options.autoRemove;
    config.env = flags.values("env");
    config.capAdd = flags.values("cap-add");
    config.capDrop = flags.values("cap-drop");
    config.privileged = flags.isSet("privileged");
    config.securityOpt = flags.values("security-opt");
    config.limits = limitsOf(flags);
    return request;
}

class RunFlowDriver {
public:
    RunFlowDriver(Context& context, RunRequest request)
        : m_context(context), m_engine(context.engine), m_request(std::move(request)),
          m_flow(m_request.options), m_recorder(m_engine) {}

    void run() {
        report(startReaction(), nullptr);
        while (!isEnd(m_flow.step())) {
            const RunStep step = m_flow.step();
            const RunFlowOutcomeEvent outcome = perform(step);
            if (!m_context.output.unfinished.empty())
                return; // Docker would still be waiting here: the command has not returned
            auto reaction = m_flow.handle(outcome);
            if (!reaction) { // a bug in the table or here: say so rather than guess
                m_context.output.err.push_back("lifecycle-lab: run flow: " +
                                               reaction.error().message);
                m_context.output.status = 125;
                return;
            }
            for (const RunFlowLine& line : reaction->output)
                (line.stream == RunFlowStream::Stdout ? m_context.output.out : m_context.output.err)
                    .push_back(line.text);
            if (reaction->exitStatus)
                m_context.output.status = *reaction->exitStatus;
            report(*reaction, pullShown(step, *reaction));
        }
    }

private:
    // The automatic row that left Start when the machine began.
    RunFlowReaction startReaction() const {
        RunFlowReaction reaction{RunStep::Start, m_flow.step()};
        const auto& table = RunFlowMachine::table();
        for (std::size_t row = 0; row < table.size(); ++row)
            if (table[row].source == RunStep::Start && table[row].target == m_flow.step())
                reaction.row = int(row);
        return reaction;
    }

    // The pull the flowchart draws after this step: the plan, once, as the pull begins; a real
    // pull's layers as known so far, on every step into, through and out of PullLayers.
    const PullPlan* pullShown(RunStep step, const RunFlowReaction& reaction) {
        const bool pullBegins =
            step == RunStep::QueryRegistry && reaction.to == RunStep::PullLayers;
        if (!m_registryPull)
            return pullBegins ? &m_plan : nullptr;
        if (!pullBegins && step != RunStep::PullLayers)
            return nullptr;
        m_plan.digest = m_registryPull->digest;
        m_plan.layers = m_registryPull->layers;
        return &m_plan;
    }

    // Tells the engine's observers (the flowchart) the step just taken, at engine time now.
    void report(const RunFlowReaction& reaction, const PullPlan* pull) {
        m_engine.publishRunFlow(
            {m_request.options, m_request.image, reaction, m_engine.clock().now(), pull});
    }

    RunFlowOutcomeEvent perform(RunStep step) {
        switch (step) {
        case RunStep::CheckOptions:
            if (m_request.optionsError)
                return {RunFlowOutcome::OptionsInvalid, *m_request.optionsError};
            if (m_request.optionsConflict)
                return {RunFlowOutcome::OptionsConflict,
                        "conflicting options: cannot specify both --attach and --detach"};
            return {RunFlowOutcome::OptionsValid};
        case RunStep::ParseReference:
            return parseReference();
        case RunStep::LookupLocal:
            return lookupLocal();
        case RunStep::QueryRegistry:
            return queryRegistry();
        case RunStep::PullLayers:
            return pullLayers();
        case RunStep::CreateContainer:
            return createContainer();
        case RunStep::Attach:
            if (Container* container = m_engine.byId(m_containerId)) {
                m_engine.attach(*container);
                m_exitWait = m_engine.waitForExit(*container, m_request.options.autoRemove);
            }
            return {RunFlowOutcome::Attached};
        case RunStep::StartContainer:
            return startContainer();
        case RunStep::WaitForExit:
            return waitForExit();
        case RunStep::AutoRemove:
            m_engine.runUntil([&] { return m_engine.byId(m_containerId) == nullptr; });
            return {RunFlowOutcome::Removed};
        default:
            return {RunFlowOutcome::OptionsValid};
        }
    }

    RunFlowOutcomeEvent parseReference() {
        if (docker::isFullImageId(m_request.image)) {
            RunFlowOutcomeEvent event{RunFlowOutcome::ReferenceValid};
            event.reference = event.canonical = m_request.image;
            event.named = false;
            return event;
        }
        auto reference = docker::parseImageReference(m_request.image);
        if (!reference)
            return {RunFlowOutcome::ReferenceInvalid, reference.error().message};
        m_reference = *reference;
        RunFlowOutcomeEvent event{RunFlowOutcome::ReferenceValid};
        event.reference = reference->familiar();
        event.canonical = reference->full();
        event.tagAdded =
            m_request.image.find(':', m_request.image.rfind('/') + 1) == std::string::npos &&
            m_request.image.find('@') == std::string::npos;
        return event;
    }

    RunFlowOutcomeEvent lookupLocal() {
        // The daemon checks the host settings before it looks for the image.
        if (auto policy =
                validateRestartPolicy(m_request.create.restart, m_request.options.autoRemove);
            !policy)
            return {RunFlowOutcome::CreateFailed, policy.error().message};
        if (auto security = validateSecurityOptions(m_request.create.config); !security)
            return {RunFlowOutcome::CreateFailed, security.error().message};
        if (m_engine.findImage(m_request.image))
            return {RunFlowOutcome::ImageFound};
        return {RunFlowOutcome::ImageMissing,
                "No such image: " + (m_reference ? m_reference->familiar() : m_request.image)};
    }

    RunFlowOutcomeEvent queryRegistry() {
        if ((m_registryPull = m_engine.startPull(*m_reference)))
            return awaitManifest();
        auto image = m_engine.registries().resolve(*m_reference);
        if (!image) {
            const bool unreachable = image.error().code == ErrorCode::RegistryUnreachable;
            return {unreachable ? RunFlowOutcome::RegistryUnreachable
                                : RunFlowOutcome::RegistryRefused,
                    image.error().message};
        }
        m_pulled = *image;
        m_plan = planPull(*m_pulled, m_engine.images(), m_engine.clock().now());
        RunFlowOutcomeEvent event{RunFlowOutcome::ManifestFound};
        event.progress = {m_reference->tag + ": Pulling from " + m_reference->path};
        return event;
    }

    // The backend pulls from a registry itself (the real one): the run flow follows its news.
    RunFlowOutcomeEvent awaitManifest() {
        const RegistryPull& pull = *m_registryPull;
        if (!awaitPull([&] { return pull.manifestFound || pull.failure; }))
            return {};
        if (pull.failure) {
            const bool unreachable = pull.failure->code == ErrorCode::RegistryUnreachable;
            return {unreachable ? RunFlowOutcome::RegistryUnreachable
                                : RunFlowOutcome::RegistryRefused,
                    pull.failure->message};
        }
        m_plan.start = m_engine.clock().now();
        RunFlowOutcomeEvent event{RunFlowOutcome::ManifestFound};
        event.progress = {m_reference->tag + ": Pulling from " + m_reference->path};
        return event;
    }

    RunFlowOutcomeEvent awaitLayers() {
        const RegistryPull& pull = *m_registryPull;
        if (!awaitPull([&] { return pull.progress.size() > m_nextBatch || pull.finished(); }))
            return {};
        if (pull.progress.size() > m_nextBatch) {
            RunFlowOutcomeEvent event{RunFlowOutcome::LayerPulled};
            event.progress.assign(pull.progress.begin() + std::ptrdiff_t(m_nextBatch),
                                  pull.progress.end());
            m_nextBatch = pull.progress.size();
            return event;
        }
        auto lines = pull.failure ? Expected<std::vector<std::string>>(*pull.failure)
                                  : m_engine.completePull(pull, *m_reference);
        if (!lines)
            return {RunFlowOutcome::PullInterrupted, lines.error().message};
        RunFlowOutcomeEvent event{RunFlowOutcome::PullComplete};
        event.progress = std::move(*lines);
        return event;
    }

    // Engine time passes until done(); false (the command stops there) when the wait was cut
    // short, as by Ctrl-C: a pull's every network wait has a timeout of its own.
    bool awaitPull(const std::function<bool()>& done) {
        if (m_engine.runUntil(done))
            return true;
        m_context.output.unfinished =
            "docker " + m_context.command + " stopped waiting for " + m_reference->domain;
        m_context.output.status = 1;
        return false;
    }

    RunFlowOutcomeEvent pullLayers() {
        if (m_registryPull)
            return awaitLayers();
        if (m_nextBatch < m_plan.batches.size()) {
            const PullBatch& batch = m_plan.batches[m_nextBatch++];
            sleepUntil(batch.at);
            RunFlowOutcomeEvent event{RunFlowOutcome::LayerPulled};
            event.progress = batch.lines;
            return event;
        }
        RunFlowOutcomeEvent event{RunFlowOutcome::PullComplete};
        event.progress = m_engine.completePull(*m_pulled, *m_reference, m_plan);
        return event;
    }

    RunFlowOutcomeEvent createContainer() {
        auto created = m_engine.create(m_request.create);
        if (!created)
            return {RunFlowOutcome::CreateFailed, created.error().message};
        m_containerId = (*created)->id;
        m_recorder.follow(m_containerId);
        RunFlowOutcomeEvent event{RunFlowOutcome::Created};
        event.containerId = m_containerId;
        return event;
    }

    RunFlowOutcomeEvent startContainer() {
        Container* container = m_engine.byId(m_containerId);
        if (!container)
            return {RunFlowOutcome::StartFailed, "No such container: " + m_containerId};
        CommandEvent start{Command::Start, m_engine.clock().now()};
        CallHandle call = m_engine.command(*container, start, m_containerId);
        const std::string name = container->name;
        if (!waitUntil(
                m_context, [&] { return call->finished(); }, name, "start"))
            return {RunFlowOutcome::Started};
        if (!call->result().has_value())
            return {RunFlowOutcome::StartFailed, call->result().error().message};
        return {RunFlowOutcome::Started};
    }

    RunFlowOutcomeEvent waitForExit() {
        const Container* container = m_engine.byId(m_containerId);
        const std::string name = container ? container->name : m_containerId;
        if (m_exitWait &&
            waitUntil(
                m_context, [&] { return m_exitWait->finished() || m_recorder.full(); }, name,
                "exit") &&
            !m_exitWait->finished())
            stopFollowing(m_context, name);
        printRecorded(m_context.output, m_recorder.take());
        RunFlowOutcomeEvent event{RunFlowOutcome::Exited};
        event.exitCode = m_exitWait && m_exitWait->finished() ? m_exitWait->result().value() : 0;
        return event;
    }

    void sleepUntil(TimePoint at) {
        if (at <= m_engine.clock().now())
            return;
        m_engine.clock().schedule(at, [] {});
        m_engine.runUntil([&] { return m_engine.clock().now() >= at; });
    }

    Context& m_context;
    Engine& m_engine;
    RunRequest m_request;
    RunFlowMachine m_flow;
    OutputRecorder m_recorder;
    std::optional<docker::ImageReference> m_reference;
    std::optional<ImageSpec> m_pulled;
    PullPlan m_plan; // planned, or what a real pull's record shows so far
    std::shared_ptr<RegistryPull> m_registryPull; // set: the backend pulls, not the plan
    std::size_t m_nextBatch = 0;                  // the plan's batches, or the pull's lines
    std::string m_containerId;
    CallHandle m_exitWait;
};

void runFlow(Context& context, RunCommand command, const ParsedFlags& flags) {
    RunFlowDriver(context, readRequest(command, flags)).run();
}

} // namespace

void runCreate(Context& context, const ParsedFlags& flags) {
    runFlow(context, RunCommand::Create, flags);
}
void runRun(Context& context, const ParsedFlags& flags) {
    runFlow(context, RunCommand::Run, flags);
}
void runPull(Context& context, const ParsedFlags& flags) {
    runFlow(context, RunCommand::Pull, flags);
}

} // namespace lab::cli
