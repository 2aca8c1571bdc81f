#pragma once
// What keeps a container's root from being the host's root, as Docker 20.10 does it by default:
// its capability set (bounding, effective, permitted, inheritable; ambient cleared), Docker's
// default seccomp profile, masked paths (/dev/null bound over files, an empty read-only tmpfs
// over directories), read-only /proc paths, resource limits and oom_score_adj of its own rather
// than the lab's. Planned in the parent (allocation allowed); applied in the child right before
// execve with async-signal-safe calls only. --privileged: every capability the lab has, no
// seccomp, nothing masked (Docker's "unconfined").

#include "SeccompProfile.h"
#include "base/Expected.h"

#include <cstdint>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace lab::real {

/// What the parent asks for (from the container's HostConfig).
struct SecurityRequest {
    std::uint64_t capabilities = 0; ///< the set Docker computes (engine/Security.h)
    bool privileged = false;
    bool noNewPrivileges = false;
    bool sysMounted = true; ///< /sys is mounted (its own network namespace): /sys/firmware masked
};

/// The plan the child carries out.
struct Confinement {
    std::uint64_t capabilities = 0; ///< limited to what the lab itself has
    int lastCapability = 0;         ///< /proc/sys/kernel/cap_last_cap
    bool noNewPrivileges = false;
    bool privileged = false;
    SeccompProgram seccomp;                                     ///< no instructions: unconfined
    std::vector<std::string> maskedFiles, maskedDirs, readOnly; ///< paths inside the container
    rlimit openFiles{}, coreSize{};
    bool resetOomScore = true; ///< false: the lab's score is kept (lowering it needs a capability)
    int labOomScore = 0;
};

/// The plan, or why it cannot be made (the seccomp filter failed to compile).
Expected<Confinement> planConfinement(const SecurityRequest& request);

/// The trace lines, in words for learners ("capabilities: dropped to Docker's default 14").
std::vector<std::string> describeConfinement(const Confinement& plan);

// In the child, after pivot_root; each returns 0, or -1 with errno set.
int maskPaths(const Confinement& plan);   ///< the masked and the read-only paths
int resetLimits(const Confinement& plan); ///< rlimits and oom_score_adj
int dropCapabilities(const Confinement& plan);
int setNoNewPrivileges(const Confinement& plan); ///< when asked for; else nothing
int loadSeccomp(const Confinement& plan);        ///< when there is a program; else nothing

} // namespace lab::real
