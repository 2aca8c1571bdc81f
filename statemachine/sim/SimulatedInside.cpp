// docker exec, top and stats on the simulation: exec'd processes are workloads of their own,
// keyed next to the container's PID 1 (docs/DOCKER-BEHAVIOUR.md §10); each live process holds
// a nominal amount of memory.
#include "engine/Container.h"
#include "engine/ResourceLimits.h"
#include "sim/Filesystem.h"
#include "sim/SimulatedBackend.h"

#include <algorithm>

namespace lab {
namespace {

constexpr int kSigkillExit = 128 + 9;
// Made-up host PIDs: containerd-shim of container N is 3000 + N, its PID 1 is 4000 + N
// (processId()), exec'd processes count from 5000.
constexpr int kShimPidBase = 3000;
constexpr int kExecPidBase = 5000;
// docker-init's child had PID 7 inside the container in every run observed; on the host it is
// simply the next PID after docker-init's.
constexpr int kInitChildOffset = 1;

std::string joined(const std::vector<std::string>& argv) {
    std::string line;
    for (const std::string& arg : argv)
        line += (line.empty() ? "" : " ") + arg;
    return line;
}

bool numeric(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// -u USER[:GROUP]: numbers need no passwd entry; a name must be in the image's /etc/passwd
// (runc's words when it is not: libcontainer/user's lookup).
std::optional<std::string> userFailure(const std::string& user, const Filesystem& files) {
    const std::string name = user.substr(0, user.find(':'));
    if (name.empty() || numeric(name))
        return std::nullopt;
    const auto passwd = files.read("/etc/passwd");
    if (passwd && ("\n" + *passwd).find("\n" + name + ":") != std::string::npos)
        return std::nullopt;
    return "unable to find user " + name + ": no matching entries in passwd file";
}

} // namespace

std::string SimulatedBackend::execKey(const std::string& containerId, int serial) {
    return containerId + "/exec/" + std::to_string(serial);
}

std::vector<std::string> SimulatedBackend::keysOf(const std::string& containerId) const {
    std::vector<std::string> keys = execKeysOf(containerId);
    if (m_processes.contains(containerId))
        keys.insert(keys.begin(), containerId);
    return keys;
}

std::vector<std::string> SimulatedBackend::execKeysOf(const std::string& containerId) const {
    std::vector<std::string> keys;
    if (const auto found = m_execKeys.find(containerId); found != m_execKeys.end())
        std::copy_if(found->second.begin(), found->second.end(), std::back_inserter(keys),
                     [this](const std::string& key) { return m_processes.contains(key); });
    return keys;
}

void SimulatedBackend::endExecsOf(const std::string& containerId) {
    for (const std::string& key : execKeysOf(containerId))
        play(key, m_processes.at(key).workload.terminate(kSigkillExit, m_clock.now()));
}

void SimulatedBackend::forEachExec(const std::string& containerId,
                                   std::vector<Happening> (Workload::*change)(TimePoint)) {
    for (const std::string& key : execKeysOf(containerId)) {
        RunningWorkload& process = m_processes.at(key);
        if (process.wake)
            m_clock.cancel(*process.wake);
        process.wake.reset();
        play(key, (process.workload.*change)(m_clock.now()));
    }
}

Status SimulatedBackend::exec(const Container& container, const ExecRequest& request,
                              std::shared_ptr<ExecSession> session) {
    const TimePoint now = m_clock.now();
    const auto fail = [&](const std::string& message) {
        // The daemon writes runc's error to the exec's output stream, ending it with "\r\n",
        // and answers 126.
        m_clock.schedule(now, [session, message] {
            session->output.push_back({false, message + "\r\n"});
            session->exitCode = 126;
        });
        return Status(Ok{});
    };
    const auto& files = m_prepared.at(container.id).files;
    if (auto failure = userFailure(request.user, *files))
        return fail(*failure);
    std::vector<std::string> env = request.env;
    env.push_back("PWD=" + (request.workdir.empty() ? std::string("/") : request.workdir));
    auto started = Workload::exec(request.argv, now, files, std::move(env));
    if (!started)
        return fail(started.error().message);
    started->setMemoryLimit(memoryBudget(container.config.limits));
    const int serial = ++m_execSerial;
    const std::string key = execKey(container.id, serial);
    m_execKeys[container.id].push_back(key);
    m_processes.insert_or_assign(key, RunningWorkload{std::move(started.value()), std::nullopt,
                                                      session, container.id, request.argv, now,
                                                      kExecPidBase + serial});
    play(key, m_processes.at(key).workload.advanceTo(now));
    return Ok{};
}

Expected<std::vector<ProcessEntry>> SimulatedBackend::processes(const Container& container) const {
    const auto main = m_processes.find(container.id);
    if (main == m_processes.end())
        return Error{"Container " + container.id + " is not running"};
    const int shim = kShimPidBase + int(container.sequence);
    const int pid1 = processId(container);
    const RunningWorkload& first = main->second;
    std::vector<ProcessEntry> entries;
    if (container.config.init) {
        entries.push_back(
            {pid1, shim, first.started, "/sbin/docker-init -- " + joined(first.argv)});
        entries.push_back({pid1 + kInitChildOffset, pid1, first.started, joined(first.argv)});
    } else {
        entries.push_back({pid1, shim, first.started, joined(first.argv)});
    }
    for (const std::string& key : execKeysOf(container.id)) {
        const RunningWorkload& process = m_processes.at(key);
        entries.push_back({process.hostPid, shim, process.started, joined(process.argv)});
    }
    return entries;
}

} // namespace lab

namespace lab {

std::int64_t SimulatedBackend::memoryBudget(const ResourceLimits& limits) {
    return limits.memory > 0 ? std::max<std::int64_t>(1, limits.memory - kNominalProcessMemory) : 0;
}

Status SimulatedBackend::applyLimits(const Container& container, const ResourceLimits& limits) {
    for (const std::string& key : keysOf(container.id))
        m_processes.at(key).workload.setMemoryLimit(memoryBudget(limits));
    return Ok{};
}

Expected<LayerChanges> SimulatedBackend::writableLayer(const Container& container) const {
    const auto prepared = m_prepared.find(container.id);
    if (prepared == m_prepared.end())
        return Error{"RWLayer of container " + container.name + " is unexpectedly nil"};
    return prepared->second.files->changes();
}

Expected<ResourceSample> SimulatedBackend::usage(const Container& container) const {
    ResourceSample sample;
    sample.at = m_clock.now();
    const auto listed = processes(container);
    const int count = listed ? int(listed->size()) : 0;
    std::int64_t held = 0;
    for (const std::string& key : keysOf(container.id))
        held += m_processes.at(key).workload.heldBytes();
    sample.processes = count;
    sample.memoryBytes = count * kNominalProcessMemory + held;
    const std::int64_t limit = container.config.limits.memory;
    sample.memoryLimitBytes = limit > 0 ? std::min(limit, kNominalHostMemory) : kNominalHostMemory;
    return sample; // no CPU figure: the simulation does not model CPU time
}

} // namespace lab
