#include "docker/Formatter.h"

#include "docker/GoTemplate.h"
#include "docker/TabWriter.h"

#include <array>
#include <utility>

namespace lab::docker {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kContainerHeaders{{
    {"ID", "CONTAINER ID"},
    {"Names", "NAMES"},
    {"Image", "IMAGE"},
    {"Command", "COMMAND"},
    {"CreatedAt", "CREATED AT"},
    {"RunningFor", "CREATED"},
    {"Ports", "PORTS"},
    {"State", "STATE"},
    {"Status", "STATUS"},
    {"Size", "SIZE"},
    {"Labels", "LABELS"},
    {"Mounts", "MOUNTS"},
    {"LocalVolumes", "LOCAL VOLUMES"},
    {"Networks", "NETWORKS"},
    {"Platform", "PLATFORM"},
}};

constexpr std::string_view kRawContainerFormat = "container_id: {{.ID}}\n"
                                                 "image: {{.Image}}\n"
                                                 "command: {{.Command}}\n"
                                                 "created_at: {{.CreatedAt}}\n"
                                                 "state: {{- pad .State 1 0}}\n"
                                                 "status: {{- pad .Status 1 0}}\n"
                                                 "names: {{.Names}}\n"
                                                 "labels: {{- pad .Labels 1 0}}\n"
                                                 "ports: {{- pad .Ports 1 0}}\n";

std::string replaceAll(std::string_view text, std::string_view from, std::string_view to) {
    std::string out;
    std::size_t start = 0;
    for (std::size_t at; (at = text.find(from, start)) != std::string_view::npos;
         start = at + from.size())
        out.append(text.substr(start, at - start)).append(to);
    return out.append(text.substr(start));
}

// HeaderContext.Label: the last dotted part of the key, with '-' and '_' read as spaces.
std::string labelHeader(std::string name) {
    name = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
    for (char& c : name)
        if (c == '-' || c == '_')
            c = ' ';
    return name;
}

} // namespace

std::string containerFormat(std::string_view source, bool quiet, bool size) {
    if (source.empty() || source == "table") {
        if (quiet)
            return "{{.ID}}";
        return std::string(kContainerTableFormat) + (size ? "\t{{.Size}}" : "");
    }
    if (source == "raw") {
        if (quiet)
            return "container_id: {{.ID}}";
        return std::string(kRawContainerFormat) + (size ? "size: {{.Size}}\\n" : "");
    }
    return quiet ? "{{.ID}}" : std::string(source);
}

std::string containerHeader(std::string_view field) {
    for (const auto& [name, header] : kContainerHeaders)
        if (name == field)
            return std::string(header);
    return "";
}

TemplateValue containerHeaderContext() {
    TemplateValue::Fields fields;
    for (const auto& [name, header] : kContainerHeaders)
        fields.emplace_back(std::string(name), std::string(header));
    fields.emplace_back(
        "Label", TemplateValue::method(1, [](const std::vector<TemplateValue>& args) {
            const TemplateValue& key = args.front();
            return Expected<TemplateValue>(TemplateValue(labelHeader(
                key.kind() == TemplateValue::Kind::String ? key.asString() : key.print())));
        }));
    return TemplateValue::structure("*formatter.ContainerContext", std::move(fields));
}

Expected<std::string> renderFormat(std::string_view format, const TemplateValue& header,
                                   const std::vector<TemplateValue>& rows) {
    return renderFormat(format, header, rows.size(),
                        [&rows](std::size_t i) -> TemplateValue { return rows[i]; });
}

Expected<std::string> renderFormat(std::string_view format, const TemplateValue& header,
                                   std::size_t count,
                                   const std::function<TemplateValue(std::size_t)>& row) {
    const bool table = format.starts_with("table");
    std::string text(table ? format.substr(5) : format);
    const std::size_t first = text.find_first_not_of(' ');
    text = first == std::string::npos ? ""
                                      : text.substr(first, text.find_last_not_of(' ') - first + 1);
    text = replaceAll(replaceAll(text, "\\t", "\t"), "\\n", "\n");

    const auto parsed = GoTemplate::parse(text);
    if (!parsed.has_value())
        return parsed.error();
    std::string body;
    for (std::size_t i = 0; i < count; ++i) {
        const auto line = parsed->execute(row(i));
        if (!line.has_value())
            return line.error();
        if (i == 0) // the rows are alike: room for all of them at once
            body.reserve(count * (line->size() + line->size() / 4 + 1));
        body.append(*line).append(1, '\n');
    }
    if (!table)
        return body;
    // docker ignores a failing header row: the table then starts with what was rendered.
    const auto headerLine = parsed->execute(header, {MissingKey::Default, true});
    return alignColumns((headerLine.has_value() ? *headerLine : std::string()) + "\n" + body);
}

} // namespace lab::docker
