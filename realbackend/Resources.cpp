#include "Resources.h"

#include "BindMount.h"
#include "DevicePolicy.h"
#include "Syscalls.h"

#include <algorithm>
#include <cerrno>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace lab::real {
namespace {

std::optional<std::int64_t> readNumber(const std::string& path) {
    auto text = readFile(path);
    if (!text)
        return std::nullopt;
    try {
        return std::stoll(*text);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// A value of a flat-keyed cgroup file ("usage_usec 1234\n...").
std::optional<std::int64_t> readKey(const std::string& path, const std::string& key) {
    auto text = readFile(path);
    if (!text)
        return std::nullopt;
    std::istringstream lines(*text);
    std::string name;
    for (std::int64_t value = 0; lines >> name >> value;)
        if (name == key)
            return value;
    return std::nullopt;
}

// The mount point of the v1 hierarchy that has controller, empty when none.
std::string v1Mount(const std::string& controller) {
    for (const MountEntry& mount : readMountinfo())
        if (mount.type == "cgroup" &&
            ("," + mount.superOptions + ",").find("," + controller + ",") != std::string::npos)
            return mount.mountPoint;
    return {};
}

// Makes the v2 controller available to the containers' cgroups, if the hierarchy has it.
bool enableV2(const std::string& subtree, const std::string& controller) {
    const std::string mount = subtree.substr(0, subtree.rfind('/'));
    auto offered = readFile(mount + "/cgroup.controllers");
    if (!offered || (" " + *offered).find(" " + controller) == std::string::npos)
        return false;
    return writeFile(mount + "/cgroup.subtree_control", "+" + controller).has_value() &&
           writeFile(subtree + "/cgroup.subtree_control", "+" + controller).has_value();
}

Expected<FigureSource> v1Source(const std::string& controller, const std::string& name) {
    const std::string mount = v1Mount(controller);
    if (mount.empty())
        return FigureSource{};
    const std::string subtree = mount + "/" + name;
    if (::mkdir(subtree.c_str(), 0755) < 0 && errno != EEXIST)
        return errnoError("mkdir " + subtree, errno);
    // One that exists may be another user's: root's, while a root lab runs beside a rootless
    // one. Its containers' directories could not be made in it.
    if (::access(subtree.c_str(), W_OK) < 0)
        return errnoError("access " + subtree, errno);
    return FigureSource{subtree, false,
                        ScopedPath(subtree, [](const std::string& dir) { ::rmdir(dir.c_str()); })};
}

std::string describeSource(const char* figure, const FigureSource& source, const char* file) {
    if (source.subtree.empty())
        return std::string(figure) + ": unavailable (no cgroup controller for it)";
    return std::string(figure) + ": " + file + " (cgroup " + (source.v2 ? "v2" : "v1") + ", " +
           source.subtree.substr(0, source.subtree.rfind('/')) + ")";
}

Status allowDockerDevices(const std::string& dir, std::vector<std::string>& trace) {
    if (Status denied = writeFile(dir + "/devices.deny", "a"); !denied)
        return denied;
    for (const DeviceRule& rule : dockerDefaultDevices())
        if (Status allowed = writeFile(dir + "/devices.allow", devicesAllowLine(rule)); !allowed)
            return allowed;
    trace.push_back("devices: write " + dir + "/devices.deny <- a (no device at all), then " +
                    std::to_string(dockerDefaultDevices().size()) +
                    " lines to devices.allow: Docker's default nodes (null, zero, full, random, "
                    "urandom, tty, console, pts, ptmx, tun); mknod allowed, opening others "
                    "refused");
    return Ok{};
}

std::string describeDevicePolicy(const FigureSource& controller, bool byProgram) {
    if (!controller.subtree.empty())
        return "Docker's allow list in the v1 devices controller, " + controller.subtree;
    if (byProgram)
        return "Docker's allow list as a BPF program on each container's cgroup v2";
    return "nothing refuses a device node (no v1 devices controller, and loading a BPF device "
           "program needs root)";
}

} // namespace

Expected<ResourceTree> ResourceTree::open(const CgroupTree& tree, const std::string& name,
                                          DeviceEnforcement devices, bool mayLoadPrograms) {
    ResourceTree resources;
    const bool v2 = tree.mode() == CgroupMode::V2;
    if (v2)
        resources.m_v2Subtree = tree.path();
    struct Wanted {
        FigureSource& source;
        const char* v1Controller;
        bool v2Available;
    };
    const Wanted wanted[] = {{resources.m_cpu, "cpuacct", v2}, // cpu.stat is in every v2 cgroup
                             {resources.m_memory, "memory", v2 && enableV2(tree.path(), "memory")},
                             {resources.m_pids, "pids", v2 && enableV2(tree.path(), "pids")},
                             {resources.m_cpuQuota, "cpu", v2 && enableV2(tree.path(), "cpu")}};
    for (const Wanted& figure : wanted) {
        if (figure.v2Available) {
            figure.source.subtree = tree.path();
            figure.source.v2 = true;
            continue;
        }
        auto source = v1Source(figure.v1Controller, name);
        if (!source)
            return source.error();
        figure.source = std::move(*source);
    }
    if (devices == DeviceEnforcement::Auto) {
        auto controller = v1Source("devices", name);
        if (!controller)
            return controller.error();
        resources.m_devices = std::move(*controller);
    }
    resources.m_devicesByProgram = resources.m_devices.subtree.empty() && v2 && mayLoadPrograms;
    const bool memoryV2 = resources.m_memory.v2;
    resources.m_description =
        describeSource("CPU", resources.m_cpu, v2 ? "cpu.stat usage_usec" : "cpuacct.usage") +
        "; " +
        describeSource("memory", resources.m_memory,
                       memoryV2 ? "memory.current - inactive_file"
                                : "memory.usage_in_bytes - total_inactive_file") +
        "; " + describeSource("processes", resources.m_pids, "pids.current") +
        "; devices: " + describeDevicePolicy(resources.m_devices, resources.m_devicesByProgram);
    return resources;
}

std::vector<std::string> ResourceTree::v1Subtrees() const {
    std::vector<std::string> subtrees;
    for (const FigureSource* source : {&m_cpu, &m_memory, &m_pids, &m_cpuQuota, &m_devices})
        if (!source->v2 && !source->subtree.empty() &&
            std::find(subtrees.begin(), subtrees.end(), source->subtree) == subtrees.end())
            subtrees.push_back(source->subtree);
    return subtrees;
}

Expected<ResourceCgroups> ResourceCgroups::create(const ResourceTree& tree, const std::string& id,
                                                  bool restrictDevices,
                                                  std::vector<std::string>& trace) {
    ResourceCgroups cgroups;
    for (const std::string& subtree : tree.v1Subtrees()) {
        const std::string dir = subtree + "/" + id;
        if (Status made = makeCgroupDirectory(subtree, dir); !made)
            return made.error();
        cgroups.m_v1Dirs.emplace_back(dir, [](const std::string& path) { ::rmdir(path.c_str()); });
        trace.push_back("mkdir " + dir);
        if (restrictDevices && subtree == tree.m_devices.subtree)
            if (Status limited = allowDockerDevices(dir, trace); !limited)
                return limited.error();
    }
    auto directory = [&](const FigureSource& source) {
        return source.subtree.empty() ? std::string() : source.subtree + "/" + id;
    };
    cgroups.m_cpuDir = directory(tree.m_cpu);
    cgroups.m_memoryDir = directory(tree.m_memory);
    cgroups.m_pidsDir = directory(tree.m_pids);
    cgroups.m_cpuQuotaDir = directory(tree.m_cpuQuota);
    cgroups.m_cpuV2 = tree.m_cpu.v2;
    cgroups.m_cpuQuotaV2 = tree.m_cpuQuota.v2;
    cgroups.m_memoryV2 = tree.m_memory.v2;
    return cgroups;
}

std::vector<std::string> ResourceCgroups::procsFiles() const {
    std::vector<std::string> files;
    for (const ScopedPath& dir : m_v1Dirs)
        files.push_back(dir.get() + "/cgroup.procs");
    return files;
}

ResourceSample ResourceCgroups::sample(TimePoint at) const {
    ResourceSample sample;
    sample.at = at;
    if (!m_cpuDir.empty()) {
        if (m_cpuV2)
            sample.cpuMicroseconds = readKey(m_cpuDir + "/cpu.stat", "usage_usec");
        else if (auto nanoseconds = readNumber(m_cpuDir + "/cpuacct.usage"))
            sample.cpuMicroseconds = *nanoseconds / 1000;
    }
    if (!m_memoryDir.empty()) {
        auto charged = chargedMemory();
        auto inactive = readKey(m_memoryDir + "/memory.stat",
                                m_memoryV2 ? "inactive_file" : "total_inactive_file");
        if (charged)
            sample.memoryBytes = std::max<std::int64_t>(0, *charged - inactive.value_or(0));
    }
    if (!m_pidsDir.empty())
        if (auto tasks = readNumber(m_pidsDir + "/pids.current"))
            sample.processes = int(*tasks);
    return sample;
}

std::optional<std::int64_t> ResourceCgroups::oomKills() const {
    if (m_memoryDir.empty())
        return std::nullopt;
    return readKey(m_memoryDir + (m_memoryV2 ? "/memory.events" : "/memory.oom_control"),
                   "oom_kill");
}

Expected<std::int64_t> ResourceCgroups::chargedMemory() const {
    const std::string file =
        m_memoryDir + (m_memoryV2 ? "/memory.current" : "/memory.usage_in_bytes");
    if (m_memoryDir.empty())
        return Error{"no memory cgroup on this machine"};
    auto charged = readNumber(file);
    if (!charged)
        return Error{"cannot read " + file};
    return *charged;
}

std::string ResourceCgroups::memoryProcsFile() const {
    return m_memoryDir + "/cgroup.procs";
}

Status ResourceCgroups::remove(std::vector<std::string>& trace) {
    for (ScopedPath& dir : m_v1Dirs) {
        if (dir.get().empty())
            continue;
        if (::rmdir(dir.get().c_str()) < 0)
            return errnoError("rmdir " + dir.get(), errno);
        trace.push_back("rmdir " + dir.get());
        dir.release();
    }
    return Ok{};
}

} // namespace lab::real
