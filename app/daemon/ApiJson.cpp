#include "daemon/ApiJson.h"

#include "cli/DockerCli.h"
#include "daemon/RefusalStatus.h"
#include "docker/ContainerNames.h"
#include "docker/GoQuote.h"
#include "docker/GoTime.h"

#include <sys/utsname.h>
#include <thread>

namespace lab::daemon {
namespace {

using nlohmann::json;

std::string kernelRelease() {
    utsname name{};
    return uname(&name) == 0 ? name.release : "";
}

// A JSON array of strings, or a wrong type.
Expected<std::vector<std::string>, RequestError> strings(const json& value, const char* field) {
    std::vector<std::string> result;
    if (value.is_null())
        return result;
    if (!value.is_array())
        return tl::unexpected(
            RequestError{400, std::string("json: cannot unmarshal into Go struct field ") + field});
    for (const json& item : value) {
        if (!item.is_string())
            return tl::unexpected(RequestError{
                400, std::string("json: cannot unmarshal into Go struct field ") + field});
        result.push_back(item.get<std::string>());
    }
    return result;
}

// The limits a HostConfig (create) or an update body sets. The CLI sends PidsLimit 0 when
// --pids-limit is not given: 0, null or absent leave it unset.
ResourceLimits limitsFrom(const json& host) {
    ResourceLimits limits;
    limits.memory = host.value("Memory", std::int64_t(0));
    limits.memorySwap = host.value("MemorySwap", std::int64_t(0));
    limits.nanoCpus = host.value("NanoCpus", std::int64_t(0));
    if (const json pids = host.value("PidsLimit", json()); !pids.is_null() && pids != 0)
        limits.pidsLimit = pids.get<std::int64_t>();
    return limits;
}

} // namespace

std::int64_t unixSeconds(TimePoint at) {
    return std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
}

std::string stdcopyFrame(bool isStderr, const std::string& bytes) {
    const auto size = std::uint32_t(bytes.size());
    std::string header{char(isStderr ? 2 : 1), 0, 0, 0};
    for (int shift = 24; shift >= 0; shift -= 8)
        header += char((size >> shift) & 0xff);
    return header + bytes;
}

std::string document(const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

json containerSummary(const Container& container, const Engine& engine, TimePoint now, bool size) {
    const std::vector<std::string> argv = container.argv();
    json summary = {
        {"Id", container.id},
        {"Names", json::array({"/" + container.name})},
        {"Image", container.config.image},
        {"ImageID", container.config.imageId},
        {"Command",
         argv.empty() ? "" : docker::apiCommand(argv[0], {argv.begin() + 1, argv.end()})},
        {"Created", unixSeconds(container.created)},
        {"Ports", json::array()},
        {"Labels", container.config.labels},
        {"State", std::string(dockerName(container.state()))},
        {"Status", psStatus(container, now)},
        {"HostConfig", {{"NetworkMode", "default"}}},
        // Every container of the lab is on Docker's default network, as docker ps shows.
        {"NetworkSettings", {{"Networks", {{"bridge", {{"NetworkID", ""}}}}}}},
        {"Mounts", json::array()},
    };
    if (size) {
        const Image* image = engine.images().findById(container.config.imageId);
        summary["SizeRootFs"] = image ? image->size() : 0;
    }
    return summary;
}

json imageSummary(const Image& image) {
    json tags = json::array();
    for (const auto& tag : image.tags)
        tags.push_back(tag.familiar());
    json digests = json::array();
    if (!image.repoDigest.empty() && !image.tags.empty())
        digests.push_back(image.tags.front().familiarName() + "@" + image.repoDigest);
    return {{"Containers", -1},     {"Created", unixSeconds(image.created)},
            {"Id", image.id},       {"Labels", nullptr},
            {"ParentId", ""},       {"RepoDigests", digests},
            {"RepoTags", tags},     {"SharedSize", -1},
            {"Size", image.size()}, {"VirtualSize", image.size()}};
}

json versionJson(const Engine& engine) {
    const json details = {
        {"ApiVersion", kApiVersion}, {"MinAPIVersion", kMinApiVersion},  {"Os", "linux"},
        {"Arch", "amd64"},           {"KernelVersion", kernelRelease()}, {"Experimental", "false"}};
    return {{"Platform", {{"Name", "Container Lifecycle Lab (" + engine.backendName() + ")"}}},
            {"Components",
             json::array({{{"Name", "Engine"}, {"Version", "20.10.24"}, {"Details", details}}})},
            {"Version", "20.10.24"},
            {"ApiVersion", kApiVersion},
            {"MinAPIVersion", kMinApiVersion},
            {"Os", "linux"},
            {"Arch", "amd64"},
            {"KernelVersion", kernelRelease()}};
}

json infoJson(const Engine& engine) {
    int running = 0;
    int paused = 0;
    int stopped = 0;
    const std::vector<const Container*> all = engine.containers();
    for (const Container* container : all) {
        if (container->machine.isPaused())
            ++paused;
        else if (container->machine.isRunning())
            ++running;
        else
            ++stopped;
    }
    return {{"ID", "LAB0:LIFE:CYCL:E000:0000:0000:0000:0000:0000:0000:0000:0000"},
            {"Containers", all.size()},
            {"ContainersRunning", running},
            {"ContainersPaused", paused},
            {"ContainersStopped", stopped},
            {"Images", engine.images().images().size()},
            {"Driver", engine.backendName()},
            {"ServerVersion", "20.10.24"},
            {"OSType", "linux"},
            {"OperatingSystem", "Container Lifecycle Lab (" + engine.backendName() + " engine)"},
            {"Architecture", "x86_64"},
            {"NCPU", std::thread::hardware_concurrency()},
            {"MemTotal", 0},
            {"Name", "lifecycle-lab"},
            {"DockerRootDir", ""},
            {"LoggingDriver", "local"},
            {"CgroupDriver", "cgroupfs"},
            {"CgroupVersion", "2"},
            {"KernelVersion", kernelRelease()},
            {"IndexServerAddress", "https://index.docker.io/v1/"},
            {"SecurityOptions", json::array()},
            {"Swarm", {{"LocalNodeState", "inactive"}}},
            {"Runtimes", {{"lab", {{"path", "lifecycle-lab"}}}}},
            {"DefaultRuntime", "lab"},
            {"Warnings", nullptr}};
}

Expected<CreateRequest, RequestError> createRequestFrom(const std::string& body,
                                                        const std::string& name) {
    const json config = json::parse(body, nullptr, false);
    if (config.is_discarded() || !config.is_object())
        return tl::unexpected(RequestError{400, "invalid JSON in the request body"});
    const json host = config.value("HostConfig", json::object());
    if (!host.is_object())
        return tl::unexpected(RequestError{400, "HostConfig must be an object"});
    CreateRequest request;
    request.name = name;
    ContainerConfig& out = request.config;
    try {
        out.image = config.value("Image", "");
        auto cmd = strings(config.value("Cmd", json()), "Config.Cmd");
        auto env = strings(config.value("Env", json()), "Config.Env");
        auto capAdd = strings(host.value("CapAdd", json()), "HostConfig.CapAdd");
        auto capDrop = strings(host.value("CapDrop", json()), "HostConfig.CapDrop");
        auto securityOpt = strings(host.value("SecurityOpt", json()), "HostConfig.SecurityOpt");
        for (const auto* parsed : {&cmd, &env, &capAdd, &capDrop, &securityOpt})
            if (!*parsed)
                return tl::unexpected(parsed->error());
        out.cmd = *cmd;
        out.env = *env;
        out.capAdd = *capAdd;
        out.capDrop = *capDrop;
        out.securityOpt = *securityOpt;
        if (const json entrypoint = config.value("Entrypoint", json()); !entrypoint.is_null()) {
            auto words = strings(entrypoint, "Config.Entrypoint");
            if (!words)
                return tl::unexpected(words.error());
            // --entrypoint "" arrives as [""]: no entrypoint at all, not the image's.
            if (words->size() == 1 && words->front().empty())
                words->clear();
            request.entrypoint = *words;
        }
        if (const json labels = config.value("Labels", json()); labels.is_object())
            for (const auto& [key, value] : labels.items())
                out.labels[key] = value.get<std::string>();
        out.stopSignal = config.value("StopSignal", "");
        if (const json timeout = config.value("StopTimeout", json()); !timeout.is_null())
            out.stopTimeout = timeout.get<int>();
        out.tty = config.value("Tty", false);
        out.openStdin = config.value("OpenStdin", false);
        const json policy = host.value("RestartPolicy", json::object());
        request.restart.name = policy.value("Name", "");
        request.restart.maxRetries = policy.value("MaximumRetryCount", 0);
        out.autoRemove = host.value("AutoRemove", false);
        out.privileged = host.value("Privileged", false);
        out.limits = limitsFrom(host);
        const json init = host.value("Init", json());
        out.init = init.is_boolean() && init.get<bool>();
    } catch (const json::exception& error) {
        return tl::unexpected(
            RequestError{400, std::string("invalid create body: ") + error.what()});
    }
    return request;
}

Expected<UpdateRequest, RequestError> updateRequestFrom(const std::string& body) {
    const json update = json::parse(body, nullptr, false);
    if (update.is_discarded() || !update.is_object())
        return tl::unexpected(RequestError{400, "invalid JSON in the request body"});
    UpdateRequest request;
    try {
        request.limits = limitsFrom(update);
        if (const json policy = update.value("RestartPolicy", json()); policy.is_object())
            request.restart =
                RestartPolicyText{policy.value("Name", ""), policy.value("MaximumRetryCount", 0)};
    } catch (const json::exception& error) {
        return tl::unexpected(
            RequestError{400, std::string("invalid update body: ") + error.what()});
    }
    return request;
}

Expected<cli::FilterArgs, RequestError> filtersFrom(const std::string& text) {
    cli::FilterArgs filters;
    if (text.empty())
        return filters;
    const json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return tl::unexpected(RequestError{400, "invalid filter: the filters must be JSON"});
    for (const auto& [key, values] : parsed.items()) {
        std::vector<std::string>& list = filters[key];
        if (values.is_object()) {
            for (const auto& [value, on] : values.items())
                if (on.is_boolean() && on.get<bool>())
                    list.push_back(value);
        } else if (values.is_array()) {
            for (const json& value : values)
                if (value.is_string())
                    list.push_back(value.get<std::string>());
        } else {
            return tl::unexpected(RequestError{400, "invalid filter '" + key + "'"});
        }
    }
    return filters;
}

int statusFor(const Error& error) {
    switch (error.code) {
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::Conflict:
        return 409;
    case ErrorCode::Invalid:
        return 400;
    default:
        return 500;
    }
}

int statusFor(const Call& call) {
    if (!call.refusal())
        return call.result().has_value() ? 200 : statusFor(call.result().error());
    return statusFor(*call.refusal());
}

int statusFor(Refusal refusal) {
    switch (refusal) {
    case Refusal::StartFailed: // the runtime cannot exec the command: the CLI exits 127
        return 400;
    case Refusal::NotPaused:
    case Refusal::PauseFailed:
    case Refusal::UnpauseFailed:
    case Refusal::RestartFailed:
    case Refusal::RemovalFailed:
    case Refusal::NoTransition:
        return 500;
    default:
        return 409;
    }
}

} // namespace lab::daemon
