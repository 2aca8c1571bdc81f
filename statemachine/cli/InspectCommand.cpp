// docker inspect: containers first, then images; with -f a Go template per object, run on the
// typed view and, when that fails, on the raw JSON as docker's CLI falls back to.
#include "cli/Commands.h"
#include "cli/InspectData.h"
#include "docker/GoTemplate.h"
#include "docker/ImageReference.h"
#include "engine/Engine.h"

#include <optional>
#include <sstream>

namespace lab::cli {
namespace {

std::optional<docker::TemplateValue> lookUp(Engine& engine, const std::string& name, const std::string& type) {
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
            errors.push_back("Error: No such " + (type.empty() ? std::string("object") : type) + ": " + name);
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
        std::istringstream lines(*line);
        for (std::string text; std::getline(lines, text);)
            context.output.out.push_back(text);
        if (line->empty())
            context.output.out.push_back("");
    }
    if (!format) {
        std::istringstream lines(indentedJson(docker::TemplateValue::list(found)));
        for (std::string text; std::getline(lines, text);)
            context.output.out.push_back(text);
    }
    context.output.err.insert(context.output.err.end(), errors.begin(), errors.end());
    if (!errors.empty())
        context.output.status = 1;
}

} // namespace lab::cli
