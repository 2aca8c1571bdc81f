#pragma once
// Starting a container's process the way runc does, with the system calls in plain sight:
// clone3 into new PID, mount, UTS, IPC and network namespaces (straight into the container's
// cgroup v2 with CLONE_INTO_CGROUP, or held on a sync pipe until the parent has written it into
// the v1 freezer's cgroup.procs), then in the child: hostname, a private mount tree, tmpfs /tmp
// and /dev, a fresh /proc, pivot_root into the root filesystem, execve. Rootless, a new user
// namespace too: the child waits until the parent has written its id maps, then binds the image
// and the host's device nodes itself. A failure before or at execve comes back over a
// close-on-exec pipe, and turns into Docker's words and exit codes.

#include "Cgroup.h"
#include "Confinement.h"
#include "UniqueFd.h"
#include "engine/StartFailure.h"

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace lab::real {

/// What a container's process is started with.
struct ProcessSpec {
    std::string hostname;                 ///< the short ID, as Docker sets it
    std::string rootfs;                   ///< a mount point on the host: becomes /
    std::vector<std::string> argv;        ///< entrypoint + cmd
    std::vector<std::string> env;         ///< the image's Env; HOSTNAME, PATH, HOME are added
    std::string workingDir;               ///< the image's WorkingDir; empty: /
    bool newNetwork = true;               ///< a network namespace with only loopback
    bool init = false;                    ///< --init: the backend's init is PID 1 (InitProcess.h)
    std::vector<std::string> joinCgroups; ///< cgroup.procs files the child joins (v1 resources)
    /// Rootless: a user namespace mapping this user to root; devices are bound from the host
    /// (mknod is refused there) and the image is bound at rootfs by the child itself.
    bool userNamespace = false;
    std::string image;       ///< when set, the child bind-mounts it read-only at rootfs
    Confinement confinement; ///< applied last, right before execve (Confinement.h)
    /// A tmpfs on /tmp: the one place to write where the root filesystem is the image itself,
    /// read-only (no overlay). Docker has none: with an overlay, /tmp is in the writable layer.
    bool tmpfsTmp = true;
};

/// A running container process: its PID 1, a pidfd on it, and its output.
class ContainerProcess {
public:
    ContainerProcess() = default;
    /// SIGKILLs and reaps the process if it is still there.
    ~ContainerProcess();
    ContainerProcess(ContainerProcess&&) noexcept = default;
    ContainerProcess& operator=(ContainerProcess&& other) noexcept;
    ContainerProcess(const ContainerProcess&) = delete;
    ContainerProcess& operator=(const ContainerProcess&) = delete;

    /// The host PID.
    pid_t pid() const { return m_pid; }
    /// Readable once the process has exited (poll it on the clock).
    int pidfd() const { return m_pidfd.get(); }
    /// Non-blocking read ends of its stdout and stderr.
    UniqueFd& stdoutPipe() { return m_stdout; }
    UniqueFd& stderrPipe() { return m_stderr; }
    /// Non-blocking read end of init's InitReport records; none without --init.
    UniqueFd& initReports() { return m_initReports; }
    /// True until reaped.
    bool alive() const { return bool(m_pidfd) && !m_reaped; }
    /// Reaps the process if it has exited: its code (128 + signal when killed), or nothing.
    std::optional<int> reapIfExited();
    /// Blocks until the process has exited and reaps it.
    int reap();

private:
    friend struct Spawner;
    friend struct ExecSpawner;
    pid_t m_pid = -1;
    UniqueFd m_pidfd;
    UniqueFd m_stdout;
    UniqueFd m_stderr;
    UniqueFd m_initReports;
    bool m_reaped = false;
};

/// Whether the kernel lets this process make the namespaces a container needs: a child cloned
/// with the same flags that exits at once. The error names the refusal (EPERM in a container
/// without CAP_SYS_ADMIN, ENOSPC at a namespace limit, EINVAL on a kernel before 5.3).
Status probeNamespaces(bool newNetwork, bool userNamespace);

/// clone3 + the child's set-up + execve; the trace gets the kernel operations done. Without a
/// cgroup (rootless, none delegated) the process stays in this process's cgroup.
/// Returns the process, or Docker's error and exit code (127, 126, 128).
Expected<ContainerProcess, StartFailure> startContainerProcess(const ProcessSpec& spec,
                                                               const Cgroup* cgroup,
                                                               std::vector<std::string>& trace);

} // namespace lab::real
