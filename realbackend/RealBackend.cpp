// RealBackend: opening on a state directory, create (the container's directory, root filesystem
// and cgroups), removal and teardown, faults. Its process: RealBackendProcess.cpp; pause:
// RealBackendFreezer.cpp; images: LocalImages.
#include "RealBackend.h"

#include "ContainerSandbox.h"
#include "OomKiller.h"
#include "Recovery.h"
#include "Syscalls.h"
#include "engine/Container.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace lab::real {

bool isContainerId(const std::string& id) {
    if (id.size() != 64)
        return false;
    for (char c : id)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

Expected<std::unique_ptr<RealBackend>> RealBackend::open(RealClock& clock,
                                                         RealBackendOptions options) {
    if (options.stateDir.empty())
        return Error{"no state directory: XDG_RUNTIME_DIR is not set, and a user has no "
                     "/run/lifecycle-lab"};
    const bool rootless = isRootless();
    std::error_code error;
    if (auto claimed = claimStateDir(options.stateDir); !claimed)
        return claimed.error();
    fs::create_directories(options.stateDir + "/containers", error);
    if (error)
        return Error{"mkdir " + options.stateDir + "/containers: " + error.message()};
    auto lock = lockStateDir(options.stateDir);
    if (!lock)
        return lock.error();
    auto tree = CgroupTree::open(options.cgroupMode, options.cgroupName);
    if (!tree && (!rootless || options.cgroupMode != CgroupMode::Auto))
        return tree.error().context("cgroup");
    // A user without a delegated cgroup still gets containers (unless a cgroup interface was
    // asked for by name); only pause needs the freezer, and the live figures their cgroups.
    std::optional<ResourceTree> resources;
    std::string noResources = tree ? std::string() : "no cgroup: " + tree.error().message;
    if (tree) {
        auto opened = ResourceTree::open(*tree, options.cgroupName, options.devices, !rootless);
        if (!opened && !rootless)
            return opened.error().context("resource cgroups");
        if (opened)
            resources = std::move(*opened);
        else
            noResources = opened.error().message;
    }
    // Whatever a backend that died without cleaning up left, before anything new is made.
    std::vector<std::string> recovered = recoverLeftovers(
        LeftoverPlaces{options.stateDir + "/containers", tree ? tree->path() : std::string(),
                       tree ? tree->mode() : CgroupMode::V2,
                       resources ? resources->v1Subtrees() : std::vector<std::string>{}});
    if (auto made = LocalImages(options.stateDir).open(); !made)
        return made.error();
    if (auto allowed = probeNamespaces(options.newNetwork, rootless); !allowed) {
        const std::string sysctls = rootless ? userNamespaceRefusal() : std::string();
        return allowed.error().context(
            "the kernel refuses a container's namespaces" +
            (sysctls.empty() ? std::string() : " (unprivileged user namespaces: " + sysctls + ")"));
    }
    // Rootless, the mounts are made inside the container's user and mount namespaces.
    if (!rootless) {
        // Mounting is the other privilege a container needs: a read-only bind of the image.
        const std::string probe = options.stateDir + "/containers/.mount-probe";
        std::vector<std::string> ignored;
        fs::create_directories(probe, error);
        auto mounted = BindMount::readOnly(options.stateDir + "/images", probe, ignored);
        if (mounted)
            mounted->unmount(ignored);
        fs::remove(probe, error);
        if (!mounted)
            return mounted.error().context("the kernel refuses the mounts a container needs");
    }
    // Rootless, the child binds the image itself: an overlay would have to be mounted inside the
    // user namespace, which this backend does not do yet.
    Status overlay = !options.writableRootfs ? Error{"not wanted (writableRootfs is off)"}
                     : rootless              ? Error{"not used rootless yet"}
                                : probeOverlay(options.stateDir + "/containers/.overlay-probe");
    std::unique_ptr<RealBackend> backend(
        new RealBackend(clock, std::move(options),
                        tree ? std::optional<CgroupTree>(std::move(*tree)) : std::nullopt,
                        tree ? std::string() : tree.error().message));
    backend->m_inotify.reset(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
    if (!backend->m_inotify)
        return errnoError("inotify_init1", errno);
    backend->m_resources = std::move(resources);
    backend->m_noResources = std::move(noResources);
    backend->m_lock = std::move(*lock);
    backend->m_recovered = std::move(recovered);
    backend->m_overlay = overlay.has_value();
    backend->m_rootfsDescription =
        overlay ? "overlayfs: the image below, read-only; each container's writes in its own "
                  "upper directory, removed with it"
                : "the image bind-mounted read-only (only /tmp is writable): overlayfs: " +
                      overlay.error().message;
    auto pulls = RegistryPulls::open(clock);
    if (!pulls)
        return pulls.error();
    backend->m_pulls = std::move(*pulls);
    RealBackend* self = backend.get();
    if (auto watched = clock.watch(self->m_inotify.get(), [self] { self->onInotify(); }); !watched)
        return watched.error();
    return backend;
}

RealBackend::RealBackend(RealClock& clock, RealBackendOptions options,
                         std::optional<CgroupTree> tree, std::string noCgroup)
    : m_clock(clock), m_options(std::move(options)), m_images(m_options.stateDir),
      m_tree(std::move(tree)), m_noCgroup(std::move(noCgroup)) {}

std::string RealBackend::resourcesDescription() const {
    return m_resources ? m_resources->description() : "none: " + m_noResources;
}

std::vector<std::string> RealBackend::resourceCgroupRoots() const {
    return m_resources ? m_resources->v1Subtrees() : std::vector<std::string>{};
}

RealBackend::~RealBackend() {
    for (TimerId posted : m_posted)
        m_clock.cancel(posted);
    for (auto& [id, box] : m_sandboxes)
        teardown(*box);
    m_sandboxes.clear();
    if (m_inotify)
        m_clock.unwatch(m_inotify.get());
}

std::string RealBackend::cgroupDescription() const {
    if (m_tree)
        return m_tree->description();
    // SIGSTOP is no stand-in for the freezer: the process would see it (its parent gets
    // SIGCHLD, ps shows "T"), and a SIGCONT from anyone would undo it.
    return "no cgroup (" + m_noCgroup +
           "): containers run in this process's cgroup, pause is refused (it needs the cgroup "
           "freezer; SIGSTOP is not one), and rm -f kills PID 1, which ends its PID namespace";
}

World RealBackend::world() const {
    return m_images.world();
}

Expected<LocalImageSpec> RealBackend::importImage(const std::string& layoutDir,
                                                  const std::string& reference) {
    return m_images.import(layoutDir, reference);
}

RealBackend::ContainerSandbox* RealBackend::sandbox(const std::string& id) const {
    auto found = m_sandboxes.find(id);
    return found == m_sandboxes.end() ? nullptr : found->second.get();
}

const std::vector<std::string>& RealBackend::trace(const std::string& id) const {
    static const std::vector<std::string> none;
    auto found = m_traces.find(id);
    return found == m_traces.end() ? none : found->second;
}

std::string RealBackend::cgroupPath(const std::string& id) const {
    ContainerSandbox* found = sandbox(id);
    return found ? found->cgroup.path() : std::string();
}

std::string RealBackend::rootfsPath(const std::string& id) const {
    ContainerSandbox* found = sandbox(id);
    return found ? found->dir + "/rootfs" : std::string();
}

Expected<ResourceSample> RealBackend::resources(const std::string& id) const {
    ContainerSandbox* found = sandbox(id);
    if (!found)
        return Error{"No such container: " + id};
    if (!m_resources)
        return Error{"no resource figures: " + m_noResources};
    return found->resources.sample(m_clock.now());
}

int RealBackend::hostPid(const std::string& id) const {
    ContainerSandbox* found = sandbox(id);
    return found && found->process && found->process->alive() ? found->process->pid() : -1;
}

void RealBackend::post(const std::string& id, OutcomeEvent event) {
    // The id lives in the task; the timer's own id is known only after schedule returns.
    auto timer = std::make_shared<TimerId>(0);
    *timer = m_clock.schedule(m_clock.now(), [this, id, event, timer] {
        m_posted.erase(*timer);
        OutcomeEvent stamped = event;
        stamped.at = m_clock.now();
        m_sink->report(id, stamped);
    });
    m_posted.insert(*timer);
}

Status RealBackend::prepare(const Container& container) {
    if (!isContainerId(container.id))
        return Error{"invalid container ID " + container.id};
    auto image = m_images.forContainer(container.config.imageId);
    if (!image)
        return image.error();
    std::vector<std::string>& trace = m_traces[container.id];
    auto made = std::make_unique<ContainerSandbox>();
    made->id = container.id;
    made->dir = m_options.stateDir + "/containers/" + container.id;
    const std::string rootfs = made->dir + "/rootfs";
    std::error_code error;
    if (fs::create_directories(rootfs, error); error)
        return Error{"mkdir " + rootfs + ": " + error.message()};
    trace.push_back("mkdir " + rootfs);
    // Recovery removes only directories with this mark.
    if (auto marked = writeMarker(made->dir, kContainerMarker); !marked) {
        fs::remove_all(made->dir, error);
        return marked.error();
    }
    if (!m_overlay)
        trace.push_back("rootfs: " + m_rootfsDescription);
    if (m_rootless) {
        made->imageRootfs = image->rootfs; // bound at rootfs inside the container's own namespaces
    } else {
        auto mounted =
            m_overlay ? BindMount::overlay(
                            OverlayDirs{{image->rootfs}, made->dir + "/upper", made->dir + "/work"},
                            rootfs, trace)
                      : BindMount::readOnly(image->rootfs, rootfs, trace);
        if (!mounted) {
            fs::remove_all(made->dir, error);
            return mounted.error();
        }
        made->rootfs = std::move(*mounted);
        if (m_overlay)
            made->lowerDir = image->rootfs;
    }
    if (m_tree) {
        auto cgroup = Cgroup::create(*m_tree, container.id, trace);
        if (!cgroup) {
            teardown(*made);
            return cgroup.error();
        }
        made->cgroup = std::move(*cgroup);
    }
    if (m_resources) {
        auto resources = ResourceCgroups::create(*m_resources, container.id,
                                                 !container.config.privileged, trace);
        if (!resources) {
            teardown(*made);
            return resources.error();
        }
        made->resources = std::move(*resources);
        if (container.config.limits != ResourceLimits{})
            if (Status limited = made->resources.applyLimits(container.config.limits, trace);
                !limited) {
                teardown(*made);
                return limited.error();
            }
        if (m_resources->devicesByProgram() && !container.config.privileged)
            if (Status confined =
                    attachDeviceProgram(made->cgroup.path(), dockerDefaultDevices(), trace);
                !confined) {
                teardown(*made);
                return confined.error();
            }
    }
    if (m_tree && made->cgroup.mode() == CgroupMode::V2) {
        made->eventsWatch =
            ::inotify_add_watch(m_inotify.get(), made->cgroup.eventsFile().c_str(), IN_MODIFY);
        if (made->eventsWatch < 0) {
            const int err = errno;
            teardown(*made);
            return errnoError("inotify_add_watch " + made->cgroup.eventsFile(), err);
        }
        m_idByWatch[made->eventsWatch] = container.id;
        trace.push_back("inotify_add_watch(" + made->cgroup.eventsFile() + ", IN_MODIFY)");
    }
    made->imageConfig = image->config;
    m_sandboxes.insert_or_assign(container.id, std::move(made));
    return Ok{};
}

Status RealBackend::teardown(ContainerSandbox& found) {
    std::vector<std::string>& trace = m_traces[found.id];
    stopWaitingForFreeze(found);
    stopWaitingToSettle(found);
    if (found.process && found.process->alive()) {
        closeProcessWatches(found);
        found.cgroup.killAll(trace);
        if (pidfdSignal(found.process->pidfd(), SIGKILL))
            trace.push_back("pidfd_send_signal(" + std::to_string(found.process->pid()) +
                            ", SIGKILL)");
        // v1: a frozen task dies only once thawed; v2's SIGKILL gets through the freezer.
        if (found.cgroup.mode() == CgroupMode::V1Freezer)
            found.cgroup.thaw(trace);
        trace.push_back("waitid(P_PIDFD) = " + std::to_string(found.process->reap()));
    }
    endExecs(found); // killed with the PID namespace, reaped here: they are the lab's children
    found.process.reset();
    if (found.eventsWatch >= 0) {
        ::inotify_rm_watch(m_inotify.get(), found.eventsWatch);
        m_idByWatch.erase(found.eventsWatch);
        found.eventsWatch = -1;
    }
    if (auto removed = found.cgroup.remove(trace); !removed)
        return removed;
    if (auto removed = found.resources.remove(trace); !removed)
        return removed;
    if (auto unmounted = found.rootfs.unmount(trace); !unmounted)
        return unmounted;
    // Never delete through a mount: that would be the image's files.
    const std::string rootfs = found.dir + "/rootfs";
    if (isMountPoint(rootfs))
        return errnoError("unlinkat " + rootfs, EBUSY);
    std::error_code error;
    fs::remove_all(found.dir, error);
    if (error)
        return errnoError("unlinkat " + found.dir, error.value());
    trace.push_back("rm -r " + found.dir);
    return Ok{};
}

void RealBackend::remove(const Container& container) {
    ContainerSandbox* found = sandbox(container.id);
    if (!found) {
        post(container.id, OutcomeEvent{Outcome::RemovalDone});
        return;
    }
    // The injected fault is a real one: a file held open on the root filesystem keeps its mount
    // busy, so umount2 answers EBUSY, as a leaked mount would on a real host. Rootless, the
    // image is mounted only in the container's namespace: the container directory is made
    // read-only instead, so unlinkat answers EACCES, as a file the user cannot delete would.
    UniqueFd holder;
    const bool fault = std::exchange(m_failNextRemoval, false);
    if (fault && m_rootless) {
        ::chmod(found->dir.c_str(), 0500);
        m_traces[container.id].push_back("fault: chmod " + found->dir + " 0500");
    } else if (fault) {
        holder.reset(
            ::open((found->rootfs.target() + "/bin/busybox").c_str(), O_RDONLY | O_CLOEXEC));
        m_traces[container.id].push_back("fault: holding " + found->rootfs.target() +
                                         "/bin/busybox open");
    }
    Status removed = teardown(*found);
    if (fault && m_rootless)
        ::chmod(found->dir.c_str(), 0755);
    if (!removed) {
        m_traces[container.id].push_back("removal failed: " + removed.error().message);
        post(container.id, OutcomeEvent{Outcome::RemovalFailed,
                                        {},
                                        0,
                                        0,
                                        "driver \"bind\" failed to remove root filesystem: " +
                                            removed.error().message});
        return;
    }
    m_sandboxes.erase(container.id);
    m_images.released(container.config.imageId, rootfsInUse());
    post(container.id, OutcomeEvent{Outcome::RemovalDone});
}

std::vector<Fault> RealBackend::armedFaults() const {
    if (m_failNextRemoval)
        return {Fault::NextRemovalFails};
    return {};
}

int RealBackend::processId(const Container& container) const {
    const ContainerSandbox* found = sandbox(container.id);
    return found && found->process && found->process->alive() ? found->process->pid() : 0;
}

Status RealBackend::injectFault(Fault fault, const Container* target) {
    switch (fault) {
    case Fault::NextRemovalFails:
        m_failNextRemoval = true;
        return Ok{};
    case Fault::OutOfMemory: {
        ContainerSandbox* found = target ? sandbox(target->id) : nullptr;
        if (!found || !found->process || !found->process->alive())
            return Error{"the OOM killer needs a running container"};
        if (auto frozen = found->cgroup.isFrozen(); found->freezing || (frozen && *frozen))
            return Error{"the container is paused: a frozen process allocates nothing"};
        const std::int64_t before = found->resources.oomKills().value_or(0);
        auto pids = found->cgroup.pids();
        if (!pids)
            return pids.error();
        if (auto provoked = provokeOomKill(found->resources, *pids, found->process->pidfd(),
                                           m_traces[target->id]);
            !provoked)
            return provoked;
        if (found->resources.oomKills().value_or(0) == before)
            return Error{"the OOM killer chose no process of the container"};
        return Ok{};
    }
    }
    return Error{"unknown fault"};
}

} // namespace lab::real
