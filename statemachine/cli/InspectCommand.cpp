// docker inspect: containers first, then images; with -f a Go template per object, run on the
// typed view and, when that fails, on the raw JSON as docker's CLI falls back to.
#include "cli/Commands.h"
#include "cli/InspectData.h"
#include "docker/GoTemplate.h"
#include "docker/ImageReference.h"
#include "engine/Engine.h"

#include <optional>

namespace lab::cli {
namespace {

std::optional<docker::TemplateValue> lookUp(Engine& engine, const std::string& name,
                                            const std::string& type) {
    if (type.empty() || type == "container")
        if (auto container = engine.find(name))
            return containerInspectData(**container, engine);
    if (type.empty() || type == "image") {
        auto reference = docker::parseImageReference(name, docker::ReferenceGrammar::Engine);
        const Image* image = reference ? engine.images().find(*reference) : nullptr;
        if (!image)
            image = engine.images().findById(name);
        if (image)
            return imageInspectData(*image);
    }
    return std::nullopt;
}

// CLI 28 words a missing object by what was asked for: --type sends the lookup to that API.
std::string notFound(const std::string& name, const std::string& type) {
    if (type == "container")
        return fromDaemon("No such container: " + name);
    if (type == "image") {
        auto reference = docker::parseImageReference(name, docker::ReferenceGrammar::Engine);
        return fromDaemon("no such image: " + name +
                          ": No such image: " + (reference ? reference->familiar() : name));
    }
    return "Error: No such object: " + name;
}

Expected<std::string> render(const docker::GoTemplate& format, const docker::TemplateValue& data) {
    if (auto typed = format.execute(data))
        return typed;
    return format.execute(rawJsonView(data), {docker::MissingKey::Error, false});
}

} // namespace

void runInspect(Context& context, const ParsedFlags& flags) {
    const std::string type = flags.value("type").value_or("");
    if (!type.empty() && type != "container" && type != "image") {
        context.output.err.push_back("\"" + type + "\" is not a valid value for --type");
        context.output.status = 1;
        return;
    }
    std::optional<docker::GoTemplate> format;
    if (const auto text = flags.value("format")) {
        auto parsed = docker::GoTemplate::parse(*text);
        if (!parsed) {
            context.output.err.push_back("template parsing error: " + parsed.error().message);
            context.output.status = 1;
            return;
        }
        format = std::move(*parsed);
    }
    std::vector<docker::TemplateValue> found;
    std::vector<std::string> errors;
    for (const std::string& name : flags.arguments) {
        auto data = lookUp(context.engine, name, type);
        if (!data) {
            errors.push_back(notFound(name, type));
            continue;
        }
        if (!format) {
            found.push_back(*data);
            continue;
        }
        auto line = render(*format, *data);
        if (!line) {
            context.output.err.push_back("template parsing error: " + line.error().message);
            context.output.status = 1;
            return;
        }
        // Each object's result is one output line (or more, if the template prints newlines).
        appendLines(context.output.out, line->empty() ? std::string("\n") : *line);
    }
    if (!format) {
        appendLines(context.output.out, indentedJson(docker::TemplateValue::list(found)));
    }
    context.output.err.insert(context.output.err.end(), errors.begin(), errors.end());
    if (!errors.empty())
        context.output.status = 1;
}

} // namespace lab::cli
