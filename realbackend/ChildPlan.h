#pragma once
// What a container's process does between clone3 and execve, planned before clone3 (allocation
// allowed) and carried out by the child with async-signal-safe calls only: wait for the parent,
// join the resource cgroups, default signals and stdio, hostname, lo up, a private mount tree,
// the image bound (rootless), tmpfs /tmp and /dev with its nodes, /proc, /sys, pivot_root, the
// confinement (Confinement.h), execve along PATH. A failure goes back over a close-on-exec pipe
// as {stage, errno}; ContainerProcess turns it into Docker's words.

#include "Confinement.h"
#include "ContainerProcess.h"

#include <string>
#include <vector>

namespace lab::real {

// Where the child failed; it sends {stage, errno} over the close-on-exec pipe.
enum Stage : int {
    Sync,
    JoinCgroups,
    Stdio,
    Hostname,
    Loopback,
    MountPrivate,
    BindImage,
    MountTmp,
    MountDev,
    MakeDevice,
    MountProc,
    MountSys,
    PivotRoot,
    MaskPaths,
    WorkingDir,
    Limits,
    NoNewPrivileges,
    Capabilities,
    Seccomp,
    JoinNamespaces, // docker exec: setns into the container's
    SwitchUser,     // docker exec -u
    Exec
};
// What each stage did, in the trace and the error. A switch: a new Stage without words is a
// compiler warning (-Wswitch), not a read past the end of an array.
const char* stageWords(Stage stage);

struct Device {
    std::string path; // in the container's /dev
    std::string host; // the same device on the host, bound where mknod is refused
    unsigned major, minor;
};

// Everything the child needs, built before clone3: after it the child may only make
// async-signal-safe calls (the parent may have threads), so no allocation happens there.
struct ChildPlan {
    std::string hostname, rootfs, tmp, dev, proc, sys, workingDir;
    std::string image; // bound read-only at rootfs by the child (rootless)
    Confinement confinement;
    unsigned long lockedFlags = 0; // the image mount's flags a user namespace may not drop
    bool bindDevices = false;      // mknod is refused in a user namespace
    std::vector<Device> devices;
    std::vector<std::string> symlinkTargets, symlinkPaths;
    std::vector<std::string> joinFiles;  // cgroup.procs files the child writes "0" to
    std::vector<std::string> candidates; // where execve looks, in PATH order
    std::vector<std::string> argvStrings, envStrings;
    std::vector<char*> argv, envp;
    bool newNetwork = true;
    bool init = false;
    int syncRead = -1; // wait here until the parent has written the id maps / joined the cgroup
    int stdoutWrite = -1, stderrWrite = -1, errorWrite = -1, devNull = -1;
    int initReportWrite = -1; // init's operations, for the trace
};

/// The plan for spec; the parent fills in the descriptors (pipes, /dev/null) before clone3.
ChildPlan planChild(const ProcessSpec& spec);
/// The command part of a plan: argv, the environment as Docker builds it (env, then HOSTNAME;
/// PATH and HOME when env has none) and where execve looks, along that PATH.
void planCommand(ChildPlan& plan, const std::vector<std::string>& argv,
                 const std::vector<std::string>& env);

/// The child's whole life until execve; never returns (execve, or _exit after reporting).
[[noreturn]] void runChild(const ChildPlan& plan);

// The pieces runChild is made of, for a process that enters an existing container instead
// (ExecProcess.h). Each reports a failure over plan.errorWrite and exits.
/// Sends {stage, err} to the parent and exits with exitCode.
[[noreturn]] void childFail(const ChildPlan& plan, Stage stage, int err, int exitCode);
/// Default signal dispositions, nothing blocked, stdio from the plan, other fds close-on-exec.
void resetSignalsAndStdio(const ChildPlan& plan);
/// rlimits and oom_score_adj, no_new_privs, seccomp and the capabilities, in runc's order.
void applyConfinement(const ChildPlan& plan);
/// execve the first candidate that is there, as execvp would; never returns.
[[noreturn]] void execCommand(const ChildPlan& plan);

} // namespace lab::real
