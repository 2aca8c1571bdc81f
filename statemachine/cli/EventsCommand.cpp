// docker events: the daemon's event log between --since and --until, filtered. A real `docker
// events` without --until streams until interrupted; the console shows what has been logged up
// to now and returns, so a script never hangs.
#include "cli/Commands.h"
#include "cli/EventFilter.h"
#include "cli/PsFilters.h"
#include "docker/Formatter.h"
#include "docker/GoTime.h"
#include "engine/Engine.h"

namespace lab::cli {

bool eventMatches(const DockerEvent& event, const FilterArgs& filters) {
    for (const auto& [key, values] : filters) {
        if (key == "label") {
            for (const std::string& value : values)
                if (!labelFilterMatches(value, event.attributes))
                    return false;
            continue;
        }
        bool any = false;
        for (const std::string& value : values) {
            if (key == "type")
                any = any || event.type == value;
            else if (key == "event")
                any = any || event.action == value;
            else if (key == "container") // a prefix of the ID or of the name
                any = any || (event.type == "container" &&
                              (event.actorId.starts_with(value) ||
                               (event.attributes.contains("name") &&
                                event.attributes.at("name").starts_with(value))));
            else if (key == "image")
                any = any ||
                      (event.attributes.contains("image") && event.attributes.at("image") == value);
            else {
                any = true; // Engine 20.10 neither rejects nor applies unknown keys
            }
        }
        if (!any)
            return false;
    }
    return true;
}

namespace {

std::string render(const DockerEvent& event) {
    std::string line = docker::formatRfc3339NanoFixed(event.at) + " " + event.type + " " +
                       event.action + " " + event.actorId;
    if (event.attributes.empty())
        return line;
    std::string attributes;
    for (const auto& [key, value] : event.attributes)
        attributes += (attributes.empty() ? "" : ", ") + key + "=" + value;
    return line + " (" + attributes + ")";
}

} // namespace

docker::TemplateValue eventMessage(const DockerEvent& event) {
    using docker::TemplateValue;
    std::map<std::string, TemplateValue> attributes;
    for (const auto& [key, value] : event.attributes)
        attributes.emplace(key, value);
    const auto nanos = event.at.time_since_epoch().count();
    const bool container = event.type == "container";
    const std::string from =
        container && event.attributes.contains("image") ? event.attributes.at("image") : "";
    TemplateValue::Fields fields = {
        {"Status", container ? event.action : ""},
        {"ID", container ? event.actorId : ""},
        {"From", from},
        {"Type", event.type},
        {"Action", event.action},
        {"Actor", TemplateValue::structure(
                      "events.Actor",
                      {{"ID", event.actorId}, {"Attributes", TemplateValue::map(attributes)}})},
        {"Scope", "local"},
        {"Time", std::int64_t(nanos / 1'000'000'000)},
        {"TimeNano", std::int64_t(nanos)},
    };
    std::map<std::string, TemplateValue> json = {
        {"Type", event.type},
        {"Action", event.action},
        {"Actor", TemplateValue::map(
                      {{"ID", event.actorId}, {"Attributes", TemplateValue::map(attributes)}})},
        {"scope", "local"},
        {"time", std::int64_t(nanos / 1'000'000'000)},
        {"timeNano", std::int64_t(nanos)}};
    if (container) {
        json["status"] = event.action;
        json["id"] = event.actorId;
        json["from"] = from;
    }
    return TemplateValue::structure("events.Message", std::move(fields))
        .withJsonView(TemplateValue::map(json));
}

void runEvents(Context& context, const ParsedFlags& flags) {
    const TimePoint now = context.engine.clock().now();
    TimePoint since = TimePoint::min();
    TimePoint until = now;
    for (const auto& [flag, bound] : {std::pair{"since", &since}, std::pair{"until", &until}}) {
        if (const auto text = flags.value(flag)) {
            auto parsed = docker::parseEventTime(*text, now);
            if (!parsed) {
                context.output.err.push_back(parsed.error().message);
                context.output.status = 1;
                return;
            }
            *bound = *parsed;
        }
    }
    const FilterArgs filters = filterArgs(flags, "filter");
    const auto format = flags.value("format");
    std::vector<docker::TemplateValue> rows;
    for (const DockerEvent& event : context.engine.events()) {
        if (event.at < since || event.at > until || !eventMatches(event, filters))
            continue;
        if (format)
            rows.push_back(eventMessage(event));
        else
            context.output.out.push_back(render(event));
    }
    if (!format)
        return;
    printFormatted(context, *format, docker::TemplateValue(), rows);
}

} // namespace lab::cli

namespace lab {

std::string eventsLine(const DockerEvent& event) {
    return cli::render(event);
}

} // namespace lab
