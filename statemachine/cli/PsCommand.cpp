// docker ps: the daemon's list (which containers, newest first) and the CLI's formatter (which
// columns, how), with docker's ContainerContext as the template's data.
#include "cli/Commands.h"
#include "cli/PsFilters.h"
#include "docker/ContainerStatus.h"
#include "docker/Formatter.h"
#include "docker/GoQuote.h"
#include "docker/GoTime.h"
#include "docker/HumanSize.h"
#include "engine/Engine.h"

#include <map>
#include <regex>
#include <set>

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

std::string joinedLabels(const std::map<std::string, std::string>& labels) {
    std::string text;
    for (const auto& [key, value] : labels)
        text += (text.empty() ? "" : ",") + key + "=" + value;
    return text;
}

// What one row needs to know besides its container.
struct RowContext {
    const Engine& engine;
    TimePoint now;
    bool noTrunc;
    /// An image as a container's config names it -> the ID that name finds now ("" for none):
    /// looked up once per ps, as thousands of containers share a few names.
    mutable std::map<std::string, std::string> imageIdByName = {};

    const std::string& imageIdOf(const std::string& name) const {
        auto [entry, added] = imageIdByName.try_emplace(name);
        if (added)
            if (const auto image = engine.findImage(name))
                entry->second = (*image)->id;
        return entry->second;
    }
};

using Column = TemplateValue (*)(const Container&, const RowContext&);

std::string commandOf(const Container& container) {
    const std::vector<std::string> argv = container.argv();
    return argv.empty() ? "" : docker::apiCommand(argv[0], {argv.begin() + 1, argv.end()});
}

// docker's ContainerContext, one entry per field, in its order. Only the fields a format uses
// are computed: a 10,000-row ps stays fast.
const std::vector<std::pair<std::string, Column>>& columns() {
    static const std::vector<std::pair<std::string, Column>> all = {
        {"ID",
         [](const Container& c, const RowContext& r) -> TemplateValue {
             return r.noTrunc ? c.id : c.shortId();
         }},
        {"Names", [](const Container& c, const RowContext&) -> TemplateValue { return c.name; }},
        {"Image",
         [](const Container& c, const RowContext& r) -> TemplateValue {
             // The name it was made from while that still names its image (daemon/list.go,
             // refreshImage); after an untag or retag, the image's ID.
             if (r.imageIdOf(c.config.image) == c.config.imageId)
                 return c.config.image;
             return r.noTrunc ? c.config.imageId : c.config.imageId.substr(7, 12);
         }},
        {"Command",
         [](const Container& c, const RowContext& r) -> TemplateValue {
             return docker::commandColumn(commandOf(c), r.noTrunc);
         }},
        {"CreatedAt",
         [](const Container& c, const RowContext&) -> TemplateValue {
             return docker::formatGoTimeString(c.created);
         }},
        {"RunningFor",
         [](const Container& c, const RowContext& r) -> TemplateValue {
             return docker::createdString(c.created, r.now);
         }},
        {"Ports", [](const Container&, const RowContext&) -> TemplateValue { return ""; }},
        {"State",
         [](const Container& c, const RowContext&) -> TemplateValue {
             return std::string(dockerName(c.state()));
         }},
        {"Status",
         [](const Container& c, const RowContext& r) -> TemplateValue {
             return docker::statusString(stateFlags(c), r.now);
         }},
        {"Size",
         [](const Container& c, const RowContext& r) -> TemplateValue {
             const Image* image = r.engine.images().findById(c.config.imageId);
             return "0B (virtual " + docker::humanSize(image ? double(image->size()) : 0.0) + ")";
         }},
        {"Labels",
         [](const Container& c, const RowContext&) -> TemplateValue {
             return joinedLabels(c.config.labels);
         }},
        {"Label",
         [](const Container& c, const RowContext&) -> TemplateValue {
             return TemplateValue::method(
                 1,
                 [labels = c.config.labels](
                     const std::vector<TemplateValue>& args) -> Expected<TemplateValue> {
                     auto found = labels.find(args[0].print());
                     return TemplateValue(found == labels.end() ? std::string() : found->second);
                 });
         }},
        {"Mounts", [](const Container&, const RowContext&) -> TemplateValue { return ""; }},
        {"LocalVolumes", [](const Container&, const RowContext&) -> TemplateValue { return "0"; }},
        {"Networks", [](const Container&, const RowContext&) -> TemplateValue { return "bridge"; }},
    };
    return all;
}

// The columns a format names, in the context's order. A format that prints whole values (json,
// a bare dot) needs them all, and so the JSON view as well.
struct Selection {
    std::vector<const std::pair<std::string, Column>*> columns;
    bool wholeValues = false;
};

Selection columnsUsedBy(const std::string& format) {
    Selection selection;
    selection.wholeValues = format.find("json") != std::string::npos ||
                            std::regex_search(format, std::regex(R"(\.(?![A-Za-z_]))"));
    std::set<std::string> named;
    const std::regex field(R"(\.([A-Za-z_][A-Za-z0-9_]*))");
    for (auto match = std::sregex_iterator(format.begin(), format.end(), field);
         match != std::sregex_iterator(); ++match)
        named.insert((*match)[1]);
    for (const auto& column : columns())
        if (selection.wholeValues || named.contains(column.first))
            selection.columns.push_back(&column);
    return selection;
}

TemplateValue containerContext(const Container& container, const RowContext& row,
                               const Selection& selection) {
    TemplateValue::Fields fields;
    fields.reserve(selection.columns.size());
    for (const auto* column : selection.columns)
        fields.emplace_back(column->first, column->second(container, row));
    if (!selection.wholeValues)
        return TemplateValue::structure(kContextType, std::move(fields));
    std::map<std::string, TemplateValue> view;
    for (const auto& [name, value] : fields)
        if (value.kind() != TemplateValue::Kind::Method)
            view[name] = value;
    view["Platform"] = TemplateValue();
    return TemplateValue::structure(kContextType, std::move(fields))
        .withJsonView(TemplateValue::map(view));
}

} // namespace

void runPs(Context& context, const ParsedFlags& flags) {
    auto filter = PsFilter::make(filterArgs(flags, "filter"), context.engine);
    if (!filter) {
        context.output.err.push_back(fromDaemon(filter.error().message));
        context.output.status = 1;
        return;
    }
    const long long limit = flags.isSet("latest") ? 1 : flags.intValue("last", -1);

    const std::string format = docker::containerFormat(flags.value("format").value_or(""),
                                                       flags.isSet("quiet"), flags.isSet("size"));
    const RowContext row{context.engine, context.engine.clock().now(), flags.isSet("no-trunc")};
    const Selection selection = columnsUsedBy(format);
    const std::vector<const Container*> listed =
        listContainers(context.engine, *filter, flags.isSet("all"), limit);
    auto text = docker::renderFormat(
        format, docker::containerHeaderContext(), listed.size(),
        [&](std::size_t i) { return containerContext(*listed[i], row, selection); });
    if (!text) {
        // ps names the stage that failed.
        const bool executing = text.error().code == ErrorCode::TemplateExec;
        context.output.err.push_back(
            text.error()
                .context(executing ? "failed to execute template" : "failed to parse template")
                .message);
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
    return docker::commandColumn(cli::commandOf(container), false);
}

} // namespace lab
