#pragma once
// The OutOfMemory fault, made real: the kernel's OOM killer chooses the container's process.
// The container's processes are made the OOM killer's first choice (oom_score_adj 1000: raising
// it needs no CAP_SYS_RESOURCE, which a container-hosted CI may lack), the container's memory
// limit is lowered to what it uses now plus a little, and a helper process of the backend joins
// the container's memory cgroup and fills a memfd until the kernel has had to kill: it kills
// the container's process and counts the kill (oom_kill). The helper stops when the container's
// pidfd says its process is gone (or at ENOMEM), and the limit is lifted again. The same with
// cgroup v1 memory, whose limit cannot be set below the usage, as with v2.

#include "Resources.h"

#include <string>
#include <vector>

namespace lab::real {

/// Provokes an OOM kill of the container whose processes are pids (pidfd: its PID 1) in its
/// memory cgroup; the trace gets each step.
Status provokeOomKill(const ResourceCgroups& cgroups, const std::vector<int>& pids, int pidfd,
                      std::vector<std::string>& trace);

} // namespace lab::real
