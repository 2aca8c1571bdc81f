#include "cli/InspectData.h"

#include "docker/GoTime.h"
#include "engine/Engine.h"

namespace lab::cli {
namespace {

using docker::TemplateValue;

TemplateValue stringList(const std::vector<std::string>& items, bool nilWhenEmpty) {
    std::vector<TemplateValue> values(items.begin(), items.end());
    return TemplateValue::list(std::move(values), nilWhenEmpty && items.empty());
}

TemplateValue stringMap(const std::map<std::string, std::string>& entries) {
    std::map<std::string, TemplateValue> values;
    for (const auto& [key, value] : entries)
        values.emplace(key, value);
    return TemplateValue::map(std::move(values));
}

std::string goTime(TimePoint at) {
    return at == TimePoint{} ? "0001-01-01T00:00:00Z" : docker::formatRfc3339Nano(at);
}

TemplateValue stateOf(const Container& container, const Engine& engine) {
    const LifecycleRecord& record = container.record;
    const std::int64_t pid = engine.processId(container);
    return TemplateValue::structure(
        "types.ContainerState",
        {{"Status", std::string(dockerName(container.state()))},
         {"Running", container.machine.isRunning()},
         {"Paused", container.machine.isPaused()},
         {"Restarting", container.machine.isRestarting()},
         {"OOMKilled", record.oomKilled},
         {"Dead", container.machine.isDead()},
         {"Pid", pid},
         {"ExitCode", record.exitCode},
         {"Error", record.error},
         {"StartedAt", goTime(record.hasBeenStarted ? record.startedAt : TimePoint{})},
         {"FinishedAt", goTime(record.finishedAt)}});
}

TemplateValue hostConfigOf(const Container& container) {
    const ContainerConfig& config = container.config;
    return TemplateValue::structure(
        "container.HostConfig",
        {{"NetworkMode", "default"},
         {"RestartPolicy", TemplateValue::structure(
                               "container.RestartPolicy",
                               {{"Name", std::string(restartPolicyName(config.restartPolicy.kind))},
                                {"MaximumRetryCount", config.restartPolicy.maxRetries}})},
         {"AutoRemove", config.autoRemove},
         {"CapAdd", stringList(config.capAdd, true)},
         {"CapDrop", stringList(config.capDrop, true)},
         {"Privileged", config.privileged},
         {"SecurityOpt", stringList(config.securityOpt, true)},
         {"Init", config.init ? TemplateValue(true) : TemplateValue()},
         {"Memory", config.limits.memory},
         {"MemorySwap", config.limits.memorySwap},
         {"NanoCpus", config.limits.nanoCpus},
         {"PidsLimit",
          config.limits.pidsLimit ? TemplateValue(*config.limits.pidsLimit) : TemplateValue()}});
}

TemplateValue configOf(const Container& container) {
    const ContainerConfig& config = container.config;
    TemplateValue::Fields fields = {
        {"Hostname", container.shortId()},
        {"Domainname", ""},
        {"User", ""},
        {"AttachStdin", false},
        {"AttachStdout", false},
        {"AttachStderr", false},
        {"Tty", config.tty},
        {"OpenStdin", config.openStdin},
        {"StdinOnce", false},
        {"Env", stringList(container.env(), true)},
        {"Cmd", stringList(config.cmd, true)},
        {"Image", config.image},
        {"Volumes", TemplateValue()},
        {"WorkingDir", ""},
        {"Entrypoint", stringList(config.entrypoint, true)},
        {"OnBuild", TemplateValue()},
        {"Labels", stringMap(config.labels)},
    };
    if (!config.stopSignal.empty())
        fields.emplace_back("StopSignal", config.stopSignal);
    if (config.stopTimeout)
        fields.emplace_back("StopTimeout", *config.stopTimeout);
    return TemplateValue::structure("container.Config", std::move(fields));
}

void indent(std::string& out, int depth) {
    out += '\n';
    out.append(std::size_t(depth) * 4, ' ');
}

} // namespace

TemplateValue containerInspectData(const Container& container, const Engine& engine) {
    const std::vector<std::string> argv = container.argv();
    return TemplateValue::structure(
        "types.ContainerJSON",
        {{"Id", container.id},
         {"Created", docker::formatRfc3339Nano(container.created)},
         {"Path", argv.empty() ? std::string() : argv.front()},
         {"Args",
          stringList(argv.empty() ? argv : std::vector<std::string>(argv.begin() + 1, argv.end()),
                     false)},
         {"State", stateOf(container, engine)},
         {"Image", container.config.imageId},
         {"Name", "/" + container.name},
         {"RestartCount", container.record.restartCount},
         {"Driver", "vfs"},
         {"Platform", "linux"},
         {"HostConfig", hostConfigOf(container)},
         {"Config", configOf(container)}});
}

TemplateValue imageInspectData(const Image& image) {
    std::vector<std::string> tags;
    std::vector<std::string> digests;
    for (const auto& tag : image.tags) {
        tags.push_back(tag.familiar());
        if (!image.repoDigest.empty())
            digests.push_back(tag.familiarName() + "@" + image.repoDigest);
    }
    return TemplateValue::structure(
        "types.ImageInspect",
        {{"Id", image.id},
         {"RepoTags", stringList(tags, false)},
         {"RepoDigests", stringList(digests, false)},
         {"Size", std::int64_t(image.size())},
         {"Config",
          TemplateValue::structure("container.Config",
                                   {{"Cmd", stringList(image.spec.cmd, true)},
                                    {"Entrypoint", stringList(image.spec.entrypoint, true)},
                                    {"StopSignal", image.spec.stopSignal}})}});
}

TemplateValue rawJsonView(const TemplateValue& typed) {
    switch (typed.kind()) {
    case TemplateValue::Kind::Struct: {
        std::map<std::string, TemplateValue> entries;
        for (const auto& [name, value] : typed.fields())
            entries.emplace(name, rawJsonView(value));
        return TemplateValue::map(std::move(entries));
    }
    case TemplateValue::Kind::List: {
        if (typed.isNil())
            return TemplateValue();
        std::vector<TemplateValue> items;
        for (const auto& item : typed.items())
            items.push_back(rawJsonView(item));
        return TemplateValue::list(std::move(items));
    }
    case TemplateValue::Kind::Map:
        return typed.isNil() ? TemplateValue() : typed;
    default:
        return typed;
    }
}

std::string indentedJson(const TemplateValue& value) {
    const std::string compact = value.json();
    std::string out;
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < compact.size(); ++i) {
        const char c = compact[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < compact.size())
                out += compact[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[':
            out += c;
            if (i + 1 < compact.size() && (compact[i + 1] == '}' || compact[i + 1] == ']')) {
                out += compact[++i];
                break;
            }
            indent(out, ++depth);
            break;
        case '}':
        case ']':
            indent(out, --depth);
            out += c;
            break;
        case ',':
            out += c;
            indent(out, depth);
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace lab::cli
