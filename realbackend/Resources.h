#pragma once
// Live resource figures of a container, read from its cgroups: CPU time, memory, processes.
// Each figure comes from the first place this machine offers it:
//   CPU        cgroup v2 cpu.stat usage_usec (always there in v2), else v1 cpuacct.usage
//   memory     v2 memory.current, else v1 memory.usage_in_bytes; minus the inactive page cache
//              (memory.stat), as `docker stats` shows it
//   processes  v2 pids.current, else v1 pids.current
// On a hybrid host (v1 controllers beside an empty v2 hierarchy) the v1 ones answer: each has
// its own directory per container, <mount>/<subtree>/<id>, which the child joins itself before it
// runs the command. The memory directory also takes the OOM fault's limit and counts OOM kills.

#include "Cgroup.h"
#include "DevicePolicy.h"
#include "ScopedPath.h"
#include "base/Time.h"
#include "engine/Container.h"
#include "engine/ResourceSample.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lab::real {

/// One figure's source: a cgroup hierarchy's subtree of the backend, or none.
struct FigureSource {
    std::string subtree; ///< <mount>/<subtree name>; empty: the figure is unavailable
    bool v2 = false;
    ScopedPath owned; ///< a v1 subtree made by the backend, rmdir'ed (if empty) at the end
};

/// Where the backend reads each figure, found once at open.
class ResourceTree {
public:
    /// Finds the hierarchies for tree's mode; makes the v1 subtrees it needs. Docker's device
    /// policy goes where devices says; a BPF program only where mayLoadPrograms (root).
    static Expected<ResourceTree> open(const CgroupTree& tree, const std::string& name,
                                       DeviceEnforcement devices, bool mayLoadPrograms);
    /// "CPU: cgroup v2 cpu.stat; memory: cgroup v1 memory at /sys/fs/cgroup/memory; ...".
    const std::string& description() const { return m_description; }
    /// True when each container's v2 cgroup gets Docker's device policy as a BPF program.
    bool devicesByProgram() const { return m_devicesByProgram; }
    /// The v1 subtrees the backend made (leftover checks, crash recovery).
    std::vector<std::string> v1Subtrees() const;

private:
    friend class ResourceCgroups;
    FigureSource m_cpu, m_memory, m_pids;
    FigureSource m_cpuQuota; ///< the cpu controller (v1: apart from cpuacct here): --cpus
    FigureSource m_devices;  ///< the v1 devices controller: Docker's device policy, not a figure
    bool m_devicesByProgram = false;
    std::string m_v2Subtree;
    std::string m_description;
};

/// One container's resource cgroups (the v1 directories; a v2 figure is read in its Cgroup).
class ResourceCgroups {
public:
    /// mkdir a directory per v1 hierarchy used; the trace gets each. restrictDevices: the
    /// devices controller allows only Docker's default device nodes (not for --privileged).
    static Expected<ResourceCgroups> create(const ResourceTree& tree, const std::string& id,
                                            bool restrictDevices, std::vector<std::string>& trace);
    /// The cgroup.procs files the child writes 0 to, to join them (v1 only).
    std::vector<std::string> procsFiles() const;
    /// The figures now.
    ResourceSample sample(TimePoint at) const;
    /// The OOM killer's kills in this cgroup so far (v1 memory.oom_control, v2 memory.events);
    /// nothing where no memory cgroup counts them.
    std::optional<std::int64_t> oomKills() const;
    /// Memory charged now, page cache included: what a limit is measured against.
    Expected<std::int64_t> chargedMemory() const;
    /// Sets the memory limit in bytes; nothing: back to the container's own (--memory, or none).
    Status limitMemory(std::optional<std::int64_t> bytes, std::vector<std::string>& trace) const;
    /// --memory, --memory-swap, --cpus and --pids-limit into the kernel's files, each written
    /// line in the trace (ResourceLimitFiles.cpp). An error names the file the kernel refused.
    Status applyLimits(const ResourceLimits& limits, std::vector<std::string>& trace);
    /// The memory directory's cgroup.procs, to put a process in its memory accounting.
    std::string memoryProcsFile() const;
    /// rmdir each v1 directory; EBUSY while a task is left.
    Status remove(std::vector<std::string>& trace);

private:
    std::string m_cpuDir, m_memoryDir, m_pidsDir; // where each figure is read; empty: none
    std::string m_cpuQuotaDir;                    // where --cpus is written; empty: none
    bool m_cpuV2 = false, m_memoryV2 = false, m_cpuQuotaV2 = false;
    ResourceLimits m_limits;          // the container's own, as last applied
    std::vector<ScopedPath> m_v1Dirs; // made here, one per v1 hierarchy
};

} // namespace lab::real
