// A container's limits in the kernel's files, as runc writes them for Docker:
//   --memory       v2 memory.max              v1 memory.limit_in_bytes
//   --memory-swap  v2 memory.swap.max (swap   v1 memory.memsw.limit_in_bytes (memory + swap),
//                  alone: the total - memory)    where the kernel accounts swap
//   --cpus         v2 cpu.max "QUOTA 100000"  v1 cpu.cfs_period_us 100000, cpu.cfs_quota_us
//   --pids-limit   pids.max in both
// Nothing set is written as the kernel's "no limit" (max, -1), so docker update can lift one.
#include "Resources.h"
#include "Syscalls.h"

#include <cerrno>
#include <unistd.h>

namespace lab::real {
namespace {

// The CFS period Docker uses: the quota is this share of it per CPU.
constexpr std::int64_t kCpuPeriodMicroseconds = 100000;

bool exists(const std::string& path) {
    return ::access(path.c_str(), F_OK) == 0;
}

Status write(const std::string& file, const std::string& value, std::vector<std::string>& trace) {
    if (Status written = writeFile(file, value); !written)
        return written;
    trace.push_back("write " + file + " <- " + value);
    return Ok{};
}

std::string bytesOrNone(std::int64_t bytes, bool v2) {
    return bytes > 0 ? std::to_string(bytes) : v2 ? "max" : "-1";
}

} // namespace

Status ResourceCgroups::limitMemory(std::optional<std::int64_t> bytes,
                                    std::vector<std::string>& trace) const {
    if (m_memoryDir.empty())
        return Error{"no memory cgroup on this machine: a memory limit cannot be set"};
    const std::string file = m_memoryDir + (m_memoryV2 ? "/memory.max" : "/memory.limit_in_bytes");
    return write(file, bytesOrNone(bytes.value_or(m_limits.memory), m_memoryV2), trace);
}

Status ResourceCgroups::applyLimits(const ResourceLimits& limits, std::vector<std::string>& trace) {
    const bool memory = limits.memory > 0 || m_limits.memory > 0;
    if (memory && m_memoryDir.empty())
        return Error{"no memory cgroup on this machine: --memory cannot be enforced"};
    if (limits.nanoCpus > 0 && m_cpuQuotaDir.empty())
        return Error{"no cpu cgroup on this machine: --cpus cannot be enforced"};
    if (limits.pidsLimit && m_pidsDir.empty())
        return Error{"no pids cgroup on this machine: --pids-limit cannot be enforced"};
    const ResourceLimits previous = std::exchange(m_limits, limits);
    if (memory) {
        // v1 keeps memory <= memory + swap at every write: the order depends on the direction.
        const std::string swapFile =
            m_memoryDir + (m_memoryV2 ? "/memory.swap.max" : "/memory.memsw.limit_in_bytes");
        const std::int64_t swap = limits.memorySwap > 0 && m_memoryV2
                                      ? limits.memorySwap - limits.memory
                                      : limits.memorySwap;
        // (no limit is the largest of all: lifting one raises it).
        const bool raised =
            limits.memory <= 0 || (previous.memory > 0 && limits.memory > previous.memory);
        const bool swapFirst = !m_memoryV2 && raised;
        if (swapFirst && exists(swapFile))
            if (Status written = write(swapFile, bytesOrNone(swap, false), trace); !written)
                return written;
        if (Status limited = limitMemory(std::nullopt, trace); !limited)
            return limited;
        if (!swapFirst && exists(swapFile))
            if (Status written = write(swapFile, bytesOrNone(swap, m_memoryV2), trace); !written)
                return written;
    }
    if (!m_cpuQuotaDir.empty() && (limits.nanoCpus > 0 || previous.nanoCpus > 0)) {
        const std::int64_t quota = limits.nanoCpus * kCpuPeriodMicroseconds / 1000000000;
        if (m_cpuQuotaV2) {
            const std::string value = (quota > 0 ? std::to_string(quota) : std::string("max")) +
                                      " " + std::to_string(kCpuPeriodMicroseconds);
            if (Status written = write(m_cpuQuotaDir + "/cpu.max", value, trace); !written)
                return written;
        } else {
            if (Status written = write(m_cpuQuotaDir + "/cpu.cfs_period_us",
                                       std::to_string(kCpuPeriodMicroseconds), trace);
                !written)
                return written;
            if (Status written = write(m_cpuQuotaDir + "/cpu.cfs_quota_us",
                                       quota > 0 ? std::to_string(quota) : "-1", trace);
                !written)
                return written;
        }
    }
    if (!m_pidsDir.empty() && (limits.pidsLimit || previous.pidsLimit)) {
        const std::int64_t most = limits.pidsLimit.value_or(0);
        if (Status written =
                write(m_pidsDir + "/pids.max", most > 0 ? std::to_string(most) : "max", trace);
            !written)
            return written;
    }
    return Ok{};
}

} // namespace lab::real
