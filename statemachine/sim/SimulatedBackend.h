#pragma once
// The Backend of the simulation: each container's process is a Workload model running on the
// engine's virtual clock. Outcomes are posted on the clock at the current time, in order, so the
// engine is never re-entered and the same inputs always give the same run.

#include "base/Clock.h"
#include "engine/Backend.h"
#include "sim/ShellSyntax.h"
#include "sim/Workload.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace lab {

/// Containers as simulated processes.
class SimulatedBackend final : public Backend {
public:
    /// How long the simulated filesystem removal takes (long enough to see `removing`).
    static constexpr Duration kRemovalTime = std::chrono::milliseconds(20);
    /// How long after a process ends the daemon hears of it (containerd's exit event): a `ps`
    /// right after `docker start` of `true` still shows it running, as on a real engine.
    static constexpr Duration kExitNoticeDelay = std::chrono::milliseconds(10);

    /// What each live process of a container holds in docker stats (busybox's sleep and sh hold
    /// a few hundred KiB on a real engine); the memory is kept while paused, freed at exit.
    static constexpr std::int64_t kNominalProcessMemory = 512 * 1024;
    /// The memory of the simulated host: the limit docker stats shows for a container without one.
    static constexpr std::int64_t kNominalHostMemory = std::int64_t(2) * 1024 * 1024 * 1024;

    /// The CPUs of the simulated host (the golden transcripts were recorded on two).
    static constexpr int kNominalCpus = 2;

    explicit SimulatedBackend(Clock& clock) : m_clock(clock) {}

    std::string name() const override { return "simulated"; }
    void setSink(OutcomeSink& sink) override { m_sink = &sink; }
    Status prepare(const Container& container) override;
    void startProcess(const Container& container) override;
    void signal(const Container& container, int signal) override;
    void freeze(const Container& container) override;
    void thaw(const Container& container) override;
    void remove(const Container& container) override;
    Status injectFault(Fault fault, const Container* target) override;
    std::vector<Fault> armedFaults() const override;
    /// A made-up but stable PID (4000 + the creation sequence): the simulation has no host.
    int processId(const Container& container) const override;
    /// Runs the command as a second workload of the container: frozen with it, killed (137)
    /// when its PID 1 ends; its output goes to the session, not to the container's log.
    Status exec(const Container& container, const ExecRequest& request,
                std::shared_ptr<ExecSession> session) override;
    Status canWriteStdin() const override { return Ok{}; }
    /// Reaches PID 1 (or tini's child) of a container started with -i: a shell without a
    /// script runs each line; other programs leave stdin unread.
    void writeStdin(const Container& container, const std::string& bytes, bool ended) override;
    /// PID 1 (with --init: docker-init and its child), then every exec'd process still alive.
    Expected<std::vector<ProcessEntry>> processes(const Container& container) const override;
    /// processes x kNominalProcessMemory plus what they hold, the process count; no CPU figure.
    Expected<ResourceSample> usage(const Container& container) const override;
    int cpus() const override { return kNominalCpus; }
    /// The memory limit reaches the container's processes (the OOM killer of the model);
    /// --cpus and --pids-limit are recorded only.
    Status applyLimits(const Container& container, const ResourceLimits& limits) override;
    /// What the container's processes wrote to and deleted from its filesystem.
    Expected<LayerChanges> writableLayer(const Container& container) const override;
    /// The engine's image store is the simulation's only one.

private:
    // A container's PID 1 is keyed by the container's ID, an exec'd process by execKey().
    struct RunningWorkload {
        Workload workload;
        std::optional<TimerId> wake;
        std::shared_ptr<ExecSession> session; ///< null for PID 1: its output is the log
        std::string containerId;
        std::vector<std::string> argv;
        TimePoint started{};
        int hostPid = 0; ///< exec'd processes only
    };
    static std::string execKey(const std::string& containerId, int serial);
    /// What a process may hold under the container's --memory (0: no limit).
    static std::int64_t memoryBudget(const ResourceLimits& limits);
    /// The keys of the container's PID 1 and exec'd processes, and of the exec'd ones only.
    std::vector<std::string> keysOf(const std::string& containerId) const;
    std::vector<std::string> execKeysOf(const std::string& containerId) const;
    void endExecsOf(const std::string& containerId);
    /// Runs what freeze() / thaw() do to PID 1 on every exec'd process of the container too.
    void forEachExec(const std::string& containerId,
                     std::vector<Happening> (Workload::*change)(TimePoint));

    void post(const std::string& id, OutcomeEvent event);
    void play(const std::string& id, const std::vector<Happening>& happenings);
    void scheduleWake(const std::string& id);

    Clock& m_clock;
    OutcomeSink* m_sink = nullptr;
    std::unordered_map<std::string, RunningWorkload> m_processes;
    // Per container, from create to removal: its programs, parsed at their first start, and its
    // root filesystem.
    struct Prepared {
        std::shared_ptr<shell::ParsedScripts> scripts;
        std::shared_ptr<Filesystem> files;
    };
    std::unordered_map<std::string, Prepared> m_prepared;
    // Per container, from its first exec to its removal: the keys of its exec'd processes (those
    // still in m_processes are alive).
    std::unordered_map<std::string, std::vector<std::string>> m_execKeys;
    bool m_failNextRemoval = false;
    int m_execSerial = 0;
};

} // namespace lab
