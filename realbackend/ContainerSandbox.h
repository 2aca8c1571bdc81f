#pragma once
// Private to RealBackend's own files (RealBackend.cpp, RealBackendProcess.cpp,
// RealBackendFreezer.cpp): what the backend keeps of one container.

#include "RealBackend.h"
#include "engine/Exec.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lab::real {

// A docker exec'd process and where its output and exit go.
struct RealBackend::ExecRun {
    ContainerProcess process;
    std::shared_ptr<ExecSession> session;
    std::string partial[2]; // stdout, stderr: text after the last newline
};

// One container on disk and in the kernel. Declared so that, if its teardown was never run,
// the members still go in a safe order: process (killed, reaped), cgroup (rmdir), mount.
struct RealBackend::ContainerSandbox {
    std::string id;
    std::string dir;
    std::string imageRootfs; // rootless: bound at rootfs by the container's own mount namespace
    std::string lowerDir;    // root with overlayfs: the image under the upper directory
    BindMount rootfs;        // root: the image bound on the host
    Cgroup cgroup;
    ResourceCgroups resources;
    std::int64_t oomKillsAtStart = 0; // an exit with more was the OOM killer's doing
    ImageConfig imageConfig;          // Env and WorkingDir for the process
    std::optional<ContainerProcess> process;
    int eventsWatch = -1;   // inotify watch descriptor on cgroup.events (v2)
    bool freezing = false;  // a freeze was asked for and is not yet complete
    std::string partial[2]; // stdout, stderr: text after the last newline
    std::optional<TimerId> v1Recheck;
    bool settled = false;         // seen settled since its start (Settling.h)
    long ticksAtExec = 0;         // its CPU when its execve had succeeded (Settling.h)
    std::vector<int> heldSignals; // sent once it has settled, in order
    std::optional<TimerId> settleRecheck;
    std::map<int, ExecRun> execs; // by serial number, while they run
};

} // namespace lab::real
