#pragma once
// docker exec on real processes, the way runc exec does it: a helper forked from the lab joins
// the container's namespaces with one setns on the container's pidfd (mount, UTS, IPC,
// network, PID; the user namespace too, rootless), and clones the command's process as the
// lab's own child (CLONE_PARENT) into the container's cgroup (CLONE_INTO_CGROUP on v2), so that
// it is PID n of the container's PID namespace and nobody else may reap it. That process takes
// Docker's confinement (the same capabilities, seccomp, rlimits as the container's), switches
// to -u's user, changes to -w's directory and execs. The helper reports the new PID and exits.

#include "Cgroup.h"
#include "ChildPlan.h"
#include "ContainerProcess.h"

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace lab::real {

/// What docker exec runs, and where.
struct ExecSpec {
    int containerPidfd = -1;              ///< the container's PID 1: whose namespaces to join
    bool userNamespace = false;           ///< rootless: join its user namespace too
    std::string hostname;                 ///< HOSTNAME in the environment
    std::vector<std::string> argv;        ///< the command
    std::vector<std::string> env;         ///< the container's Env, then -e
    std::string workingDir;               ///< -w; empty: /
    std::optional<uid_t> uid;             ///< -u, resolved; nothing: root
    std::optional<gid_t> gid;             ///< -u's group, or the user's own
    std::vector<std::string> joinCgroups; ///< v1 cgroup.procs files the process joins
    Confinement confinement;              ///< the container's own
};

/// Docker's words for a failed exec start: "OCI runtime exec failed: exec failed: unable to
/// start container process: exec: ...: unknown" (the daemon then answers 126).
std::string execStartFailure(const std::string& name, int err);

/// Starts the process; its output comes on the pipes of the returned process. An error: what
/// failed, in Docker's words where Docker has some (the exit code is always 126 then).
Expected<ContainerProcess, StartFailure>
startExecProcess(const ExecSpec& spec, const Cgroup* cgroup, std::vector<std::string>& trace);

} // namespace lab::real
