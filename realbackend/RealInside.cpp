// docker top and docker stats on the real backend: the processes of the container's cgroup as
// the host's /proc shows them, and its cgroup figures (docs/DOCKER-BEHAVIOUR.md §10.2, §10.3).
#include "ContainerSandbox.h"
#include "engine/Container.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace lab::real {
namespace {

std::optional<std::string> readWhole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The value after `key` on its line of a /proc file ("btime 1733500000", "MemTotal: 24 kB").
std::optional<long long> procField(const std::string& path, const std::string& key) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (line.starts_with(key))
            return std::stoll(line.substr(key.size()));
    return std::nullopt;
}

struct ProcStat {
    int ppid = 0;
    long long startTicks = 0; ///< clock ticks after boot
};

// /proc/PID/stat: the fields after the command's closing parenthesis, which may hold spaces.
std::optional<ProcStat> procStat(int pid) {
    const auto text = readWhole("/proc/" + std::to_string(pid) + "/stat");
    if (!text)
        return std::nullopt;
    std::istringstream fields(text->substr(text->rfind(')') + 1));
    std::vector<std::string> values;
    for (std::string value; fields >> value;)
        values.push_back(value);
    constexpr std::size_t kPpid = 1, kStartTime = 19; // stat(5) fields 4 and 22
    if (values.size() <= kStartTime)
        return std::nullopt;
    return ProcStat{std::stoi(values[kPpid]), std::stoll(values[kStartTime])};
}

std::string commandLine(int pid) {
    std::string text = readWhole("/proc/" + std::to_string(pid) + "/cmdline").value_or("");
    while (!text.empty() && text.back() == '\0')
        text.pop_back();
    std::replace(text.begin(), text.end(), '\0', ' ');
    return text;
}

} // namespace

Expected<std::vector<ProcessEntry>> RealBackend::processes(const Container& container) const {
    const std::string dir = cgroupPath(container.id);
    if (dir.empty())
        return Error{"container " + container.id + " has no cgroup to list its processes from"};
    const auto procs = readWhole(dir + "/cgroup.procs");
    if (!procs)
        return Error{"cannot read " + dir + "/cgroup.procs: " + std::strerror(errno)};
    const auto boot = procField("/proc/stat", "btime");
    const long ticks = sysconf(_SC_CLK_TCK);
    const int first = hostPid(container.id);
    std::vector<ProcessEntry> entries;
    std::istringstream pids(*procs);
    for (int pid = 0; pids >> pid;) {
        const auto stat = procStat(pid);
        if (!stat)
            continue; // it ended between the two reads
        ProcessEntry entry{pid, stat->ppid, {}, commandLine(pid)};
        if (boot && ticks > 0)
            entry.started = TimePoint(std::chrono::seconds(*boot)) +
                            std::chrono::milliseconds(stat->startTicks * 1000 / ticks);
        entries.push_back(std::move(entry));
    }
    // PID 1 of the container first, the others in the order they were started
    std::stable_sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) {
        return (a.pid == first) > (b.pid == first) ||
               ((a.pid == first) == (b.pid == first) && a.started < b.started);
    });
    return entries;
}

Expected<ResourceSample> RealBackend::usage(const Container& container) const {
    auto sample = resources(container.id);
    if (!sample)
        return sample;
    // docker stats divides by the memory limit, or by the host's memory where none is set.
    if (const auto kilobytes = procField("/proc/meminfo", "MemTotal:"))
        sample->memoryLimitBytes = *kilobytes * 1024;
    if (const std::int64_t limit = container.config.limits.memory; limit > 0)
        sample->memoryLimitBytes = std::min(limit, sample->memoryLimitBytes.value_or(limit));
    return sample;
}

Status RealBackend::applyLimits(const Container& container, const ResourceLimits& limits) {
    if (!m_resources)
        return Error{"--memory, --memory-swap, --cpus and --pids-limit need cgroups, which this "
                     "real backend has none of: " +
                     m_noResources};
    ContainerSandbox* found = sandbox(container.id);
    if (!found) // docker create: prepare() applies the container's limits to its new cgroups
        return Ok{};
    return found->resources.applyLimits(limits, m_traces[container.id]);
}

} // namespace lab::real
