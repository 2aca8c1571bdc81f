#pragma once
// The Backend on the kernel: each container is a directory under one state directory (its
// root filesystem, a read-only bind of the image), a cgroup under the backend's own subtree, and
// while it runs, a process that is PID 1 in its own namespaces. Outcomes come from the kernel
// through the RealClock's epoll: a pidfd turning readable is the exit, inotify on cgroup.events
// says when the freezer is done. Every kernel operation is written into the container's trace.

#include "BindMount.h"
#include "Cgroup.h"
#include "ContainerProcess.h"
#include "DevicePolicy.h"
#include "LocalImages.h"
#include "RealClock.h"
#include "RegistryPulls.h"
#include "Resources.h"
#include "UserNamespace.h"
#include "engine/Backend.h"
#include "engine/World.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lab::real {

/// Where and how the real backend works.
struct RealBackendOptions {
    /// images/ and containers/<id>/ live here: /run/lifecycle-lab for root,
    /// $XDG_RUNTIME_DIR/lifecycle-lab for a user (rootless).
    std::string stateDir = defaultStateDir();
    std::string cgroupName = "lifecycle-lab"; ///< the subtree under the cgroup mount
    CgroupMode cgroupMode = CgroupMode::Auto;
    /// Where Docker's device policy is enforced (DevicePolicy.h).
    DeviceEnforcement devices = DeviceEnforcement::Auto;
    bool newNetwork = true; ///< CLONE_NEWNET: only loopback inside
    /// overlayfs per container; false (as when overlayfs is unavailable): the image is
    /// bind-mounted read-only and only /tmp can be written.
    bool writableRootfs = true;
};

/// Containers as real Linux processes in namespaces and cgroups.
class RealBackend final : public lab::Backend {
public:
    /// Makes the state directory, the busybox image and the cgroup subtree; an error says what
    /// is missing (a state directory, namespaces the kernel refuses, a cgroup hierarchy for
    /// root, /bin/busybox). Rootless without a delegated cgroup it opens without one: see
    /// cgroupDescription().
    static Expected<std::unique_ptr<RealBackend>> open(RealClock& clock,
                                                       RealBackendOptions options = {});
    /// Kills, reaps, unmounts and deletes every container left: nothing outlives the backend.
    ~RealBackend() override;
    RealBackend(const RealBackend&) = delete;
    RealBackend& operator=(const RealBackend&) = delete;

    std::string name() const override { return "real"; }
    /// What an engine on this backend starts with: the local images (busybox:latest); registries
    /// are reached by pull().
    World world() const;
    /// Imports the image of the OCI image layout at layoutDir into the local store as
    /// reference (OciStore::importLayout); what an engine's image store needs to know of it.
    Expected<LocalImageSpec> importImage(const std::string& layoutDir,
                                         const std::string& reference);
    void setSink(OutcomeSink& sink) override { m_sink = &sink; }
    Status prepare(const Container& container) override;
    void startProcess(const Container& container) override;
    void signal(const Container& container, int signal) override;
    void freeze(const Container& container) override;
    void thaw(const Container& container) override;
    void remove(const Container& container) override;
    Status injectFault(Fault fault, const Container* target) override;
    std::vector<Fault> armedFaults() const override;
    /// The host PID of the container's PID 1 (or of its init), 0 when it has none.
    int processId(const Container& container) const override;
    /// docker exec: a process more in the running container, in its namespaces and cgroups
    /// with its confinement (ExecProcess.h, RealInside.cpp).
    Status exec(const Container& container, const ExecRequest& request,
                std::shared_ptr<ExecSession> session) override;
    /// docker top: the processes in the container's cgroup (RealInside.cpp).
    Expected<std::vector<ProcessEntry>> processes(const Container& container) const override;
    /// --memory, --memory-swap, --cpus, --pids-limit into the container's cgroups: at create
    /// they wait for prepare(), at docker update they change at once (RealInside.cpp).
    Status applyLimits(const Container& container, const ResourceLimits& limits) override;
    /// docker diff: the overlay's upper directory against the image (RealBackendDiff.cpp).
    Expected<LayerChanges> writableLayer(const Container& container) const override;
    /// docker stats: resources() with the host's memory as the limit (RealInside.cpp).
    Expected<ResourceSample> usage(const Container& container) const override;
    /// docker load and docker import: the image goes into the OCI store, under its names.
    Status storeImage(const ArchiveImage& image) override { return m_images.store(image); }
    /// docker pull: from a registry on the loopback address over HTTP, on a worker thread
    /// (RegistryPulls.h); the engine stores the image through storeImage().
    std::shared_ptr<RegistryPull> pull(const RegistryPullRequest& request) override {
        return m_pulls->start(request);
    }
    /// The engine's world: which stored image an ID of the engine's own means.
    void imageNamed(const std::string& id, const std::string& reference) override {
        m_images.named(id, reference);
    }
    /// docker rmi: the image leaves the store, with what no image and no container uses any more
    /// (RealBackendDiff.cpp).
    void imageDeleted(const std::string& id) override;
    /// docker commit: the overlay's upper directory as a layer, with a config and a manifest, in
    /// the store (RealBackendDiff.cpp).
    Expected<std::optional<CommittedImage>>
    commitImage(const Container& container, const ImageSpec& spec, bool addsLayer) override;

    /// The kernel operations done for a container so far, oldest first (kept after removal).
    const std::vector<std::string>& trace(const std::string& id) const;
    /// The container's cgroup directory, empty when it has none.
    std::string cgroupPath(const std::string& id) const;
    /// The container's root filesystem on the host, empty when it has none.
    std::string rootfsPath(const std::string& id) const;
    /// The host PID of the container's process, or -1.
    int hostPid(const std::string& id) const;
    /// The container's CPU time, memory and processes now, from its cgroups (for a live plot).
    Expected<ResourceSample> resources(const std::string& id) const;
    /// Where the resource figures come from, in words, or why there are none.
    std::string resourcesDescription() const;
    /// The v1 cgroup subtrees the backend made for the figures (none on a pure v2 host).
    std::vector<std::string> resourceCgroupRoots() const;
    /// Which cgroup interface is used, in words ("cgroup v2 at /sys/fs/cgroup/unified ..."), or
    /// why there is none and what that changes.
    std::string cgroupDescription() const;
    /// The backend's cgroup subtree; empty when it has none (rootless, nothing delegated).
    std::string cgroupRoot() const { return m_tree ? m_tree->path() : std::string(); }
    /// True when containers run in a user namespace that maps this user to root.
    bool rootless() const { return m_rootless; }
    /// The state directory.
    const std::string& stateDir() const { return m_options.stateDir; }
    /// What open() found left by a backend that died without cleaning up, and what it did about
    /// it: one line per container (Recovery.h).
    const std::vector<std::string>& recovered() const { return m_recovered; }
    /// How containers get their root filesystem, in words ("overlayfs ..." or why not).
    const std::string& rootfsDescription() const { return m_rootfsDescription; }

private:
    struct ContainerSandbox;
    struct ExecRun;
    RealBackend(RealClock& clock, RealBackendOptions options, std::optional<CgroupTree> tree,
                std::string noCgroup);

    ContainerSandbox* sandbox(const std::string& id) const;
    std::set<std::string> rootfsInUse() const; // the images the containers are made from
    void post(const std::string& id, OutcomeEvent event);
    void onOutput(const std::string& id, bool isStderr);
    void onExit(const std::string& id);
    void onInitReport(const std::string& id);
    void onInotify();
    void sendSignal(ContainerSandbox& box, int signal);
    bool hasSettled(ContainerSandbox& box);
    void recheckSettled(ContainerSandbox& box);
    void stopWaitingToSettle(ContainerSandbox& box);
    void checkFrozen(ContainerSandbox& box);
    void recheckV1Freezer(ContainerSandbox& box);
    void stopWaitingForFreeze(ContainerSandbox& box);
    void closeProcessWatches(ContainerSandbox& box);
    ExecRun* execRun(const std::string& id, int serial) const; // null once it ended
    void onExecOutput(const std::string& id, int serial, bool isStderr);
    void onExecExit(const std::string& id, int serial);
    void closeExecWatches(ExecRun& run);
    void endExecs(ContainerSandbox& box); // SIGKILL and reap what docker exec started
    Status teardown(ContainerSandbox& box);

    RealClock& m_clock;
    RealBackendOptions m_options;
    LocalImages m_images;
    std::optional<CgroupTree> m_tree;
    std::string m_noCgroup; // without a tree: what is missing
    bool m_rootless = isRootless();
    std::optional<ResourceTree> m_resources;
    std::string m_noResources; // without figures: why
    UniqueFd m_lock;           // flock on <state>/lock: one backend per state directory
    std::vector<std::string> m_recovered;
    OutcomeSink* m_sink = nullptr;
    std::map<std::string, std::unique_ptr<ContainerSandbox>> m_sandboxes;
    std::map<std::string, std::vector<std::string>> m_traces;
    int m_execSerial = 0; // docker exec's processes, numbered
    std::set<TimerId> m_posted;
    // One inotify instance for every cgroup.events: closing one costs an RCU grace period
    // (about 7 ms here), too slow to make per pause.
    UniqueFd m_inotify;
    std::map<int, std::string> m_idByWatch;
    bool m_overlay = false; // overlayfs works here and is wanted
    std::string m_rootfsDescription;
    bool m_failNextRemoval = false;
    std::unique_ptr<RegistryPulls> m_pulls; // first to go: no worker outlives the rest
};

/// True for a full container ID: 64 lower-case hex digits (nothing else reaches the disk).
bool isContainerId(const std::string& id);

} // namespace lab::real
