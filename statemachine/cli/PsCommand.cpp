// docker ps: the daemon's list (which containers, newest first) and the CLI's formatter (which
// columns, how), with docker's ContainerContext as the template's data.
#include "cli/Commands.h"
#include "cli/PsFilters.h"
#include "docker/ContainerStatus.h"
#include "docker/GoQuote.h"
#include "docker/GoTime.h"
#include "docker/Formatter.h"
#include "docker/HumanSize.h"
#include "engine/Engine.h"


namespace lab::cli {
namespace {

using docker::TemplateValue;

constexpr const char* kContextType = "*formatter.ContainerContext";

docker::StateFlags stateFlags(const Container& container) {
    docker::StateFlags flags;
    flags.running = container.machine.isRunning();
    flags.paused = container.machine.isPaused();
    flags.restarting = container.machine.isRestarting();
    flags.removalInProgress = container.state() == ContainerState::Removing;
    flags.dead = container.machine.isDead();
    flags.exitCode = container.record.exitCode;
    if (container.record.hasBeenStarted)
        flags.startedAt = container.record.startedAt;
    if (container.record.finishedAt != TimePoint{})
        flags.finishedAt = container.record.finishedAt;
    return flags;
}

std::string apiCommand(const Container& container) {
    const std::vector<std::string> argv = container.argv();
    return argv.empty() ? "" : docker::apiCommand(argv[0], {argv.begin() + 1, argv.end()});
}

std::string joinedLabels(const std::map<std::string, std::string>& labels) {
    std::string text;
    for (const auto& [key, value] : labels)
        text += (text.empty() ? "" : ",") + key + "=" + value;
    return text;
}

TemplateValue containerContext(const Container& container, const Engine& engine, TimePoint now, bool noTrunc) {
    const std::string command = apiCommand(container);
    const Image* image = engine.images().findById(container.config.imageId);
    const std::string size = "0B (virtual " + docker::humanSize(image ? double(image->size()) : 0.0) + ")";
    const auto labels = container.config.labels;
    TemplateValue::Fields fields = {
        {"ID", noTrunc ? container.id : container.shortId()},
        {"Names", container.name},
        {"Image", container.config.image},
        {"Command", docker::commandColumn(command, noTrunc)},
        {"CreatedAt", docker::formatGoTimeString(container.created)},
        {"RunningFor", docker::createdString(container.created, now)},
        {"Ports", ""},
        {"State", std::string(dockerName(container.state()))},
        {"Status", docker::statusString(stateFlags(container), now)},
        {"Size", size},
        {"Labels", joinedLabels(labels)},
        {"Label", TemplateValue::method(1, [labels](const std::vector<TemplateValue>& args) -> Expected<TemplateValue> {
             auto found = labels.find(args[0].print());
             return TemplateValue(found == labels.end() ? std::string() : found->second);
         })},
        {"Mounts", ""},
        {"LocalVolumes", "0"},
        {"Networks", "bridge"},
    };
    std::map<std::string, TemplateValue> view;
    for (const auto& [name, value] : fields)
        if (value.kind() != TemplateValue::Kind::Method)
            view[name] = value;
    view["Platform"] = TemplateValue();
    return TemplateValue::structure(kContextType, std::move(fields)).withJsonView(TemplateValue::map(view));
}

} // namespace

void runPs(Context& context, const ParsedFlags& flags) {
    FilterArgs filterArgs;
    for (const std::string& filter : flags.values("filter")) {
        const auto equals = filter.find('=');
        if (equals == std::string::npos) {
            context.output.err = {"invalid argument \"" + filter + "\" for \"-f, --filter\" flag: bad format of "
                                  "filter (expected name=value)", "", "Usage:  docker ps [OPTIONS]", "",
                                  "Run 'docker ps --help' for more information"};
            context.output.status = 125;
            return;
        }
        filterArgs[filter.substr(0, equals)].push_back(filter.substr(equals + 1));
    }
    auto filter = PsFilter::make(filterArgs, context.engine);
    if (!filter) {
        context.output.err.push_back(fromDaemon(filter.error().message));
        context.output.status = 1;
        return;
    }
    long long limit = flags.isSet("latest") ? 1 : flags.intValue("last", -1);
    const bool all = flags.isSet("all") || filter->impliesAll() || limit > 0;

    const std::string format = docker::containerFormat(flags.value("format").value_or(""),
                                                       flags.isSet("quiet"), flags.isSet("size"));
    const bool noTrunc = flags.isSet("no-trunc");
    const TimePoint now = context.engine.clock().now();
    std::vector<TemplateValue> rows;
    for (const Container* container : context.engine.containers()) {
        if (limit == 0)
            break;
        if ((!all && !container->machine.isRunning()) || !filter->accepts(*container))
            continue;
        rows.push_back(containerContext(*container, context.engine, now, noTrunc));
        if (limit > 0)
            --limit;
    }
    auto text = docker::renderFormat(format, docker::containerHeaderContext(), rows);
    if (!text) {
        // ps names the stage that failed: Go's execution errors say "executing".
        std::string message = text.error().message;
        const std::string generic = "template parsing error: ";
        if (message.starts_with(generic))
            message.erase(0, generic.size());
        const bool executing = message.find("executing \"") != std::string::npos;
        context.output.err.push_back((executing ? "failed to execute template: " : "failed to parse template: ") +
                                     message);
        context.output.status = 1;
        return;
    }
    appendLines(context.output.out, *text);
}

} // namespace lab::cli

namespace lab {

std::string psStatus(const Container& container, TimePoint now) {
    return docker::statusString(cli::stateFlags(container), now);
}

std::string psCommand(const Container& container) {
    return docker::commandColumn(cli::apiCommand(container), false);
}

} // namespace lab
