#include "RealBackend.h"

#include "InitProcess.h"
#include "OomKiller.h"
#include "Recovery.h"
#include "Syscalls.h"
#include "docker/ImageReference.h"
#include "docker/Signals.h"
#include "engine/Container.h"
#include "engine/Security.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace lab::real {

// One container on disk and in the kernel. Declared so that, if its teardown was never run,
// the members still go in a safe order: process (killed, reaped), cgroup (rmdir), mount.
struct RealBackend::ContainerSandbox {
    std::string id;
    std::string dir;
    std::string imageRootfs; // rootless: bound at rootfs by the container's own mount namespace
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
};

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
        auto opened = ResourceTree::open(*tree, options.cgroupName);
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
    const OciStore images(options.stateDir + "/images");
    if (auto made = images.init(); !made)
        return made.error();
    if (auto made = images.makeBusybox(); !made)
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
    RealBackend* self = backend.get();
    if (auto watched = clock.watch(self->m_inotify.get(), [self] { self->onInotify(); }); !watched)
        return watched.error();
    return backend;
}

RealBackend::RealBackend(RealClock& clock, RealBackendOptions options,
                         std::optional<CgroupTree> tree, std::string noCgroup)
    : m_clock(clock), m_options(std::move(options)), m_images(m_options.stateDir + "/images"),
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

namespace {

LocalImageSpec localImageSpec(const StoredImage& image) {
    auto reference = docker::parseImageReference(image.reference, docker::ReferenceGrammar::Engine);
    LocalImageSpec spec;
    spec.tags = {reference ? reference->familiar() : image.reference};
    spec.image.cmd = image.config.cmd;
    spec.image.entrypoint = image.config.entrypoint;
    spec.image.stopSignal = image.config.stopSignal;
    for (std::int64_t size : image.layerSizes)
        spec.image.layers.push_back(LayerSpec{size});
    return spec;
}

} // namespace

World RealBackend::world() const {
    World world;
    for (const StoredImage& image : m_images.images())
        world.images.push_back(localImageSpec(image));
    RegistrySpec hub;
    hub.host = "docker.io";
    hub.unreachable = "the real backend cannot pull images yet: only local images run here "
                      "(import an OCI image layout)";
    world.registries = {hub};
    return world;
}

Expected<LocalImageSpec> RealBackend::importImage(const std::string& layoutDir,
                                                  const std::string& reference) {
    if (auto imported = m_images.importLayout(layoutDir, reference); !imported)
        return imported.error().context("importing " + layoutDir);
    auto image = m_images.find(reference);
    if (!image)
        return image.error();
    return localImageSpec(*image);
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
    auto image = m_images.rootfs(container.config.image);
    if (!image)
        return image.error();
    auto config = m_images.find(container.config.image);
    if (!config)
        return config.error();
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
        made->imageRootfs = *image; // bound at rootfs inside the container's own namespaces
    } else {
        auto mounted = m_overlay
                           ? BindMount::overlay(
                                 OverlayDirs{{*image}, made->dir + "/upper", made->dir + "/work"},
                                 rootfs, trace)
                           : BindMount::readOnly(*image, rootfs, trace);
        if (!mounted) {
            fs::remove_all(made->dir, error);
            return mounted.error();
        }
        made->rootfs = std::move(*mounted);
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
    made->imageConfig = config->config;
    m_sandboxes.insert_or_assign(container.id, std::move(made));
    return Ok{};
}

namespace {

// The container's HostConfig as the child applies it.
Expected<Confinement> confinementOf(const ContainerConfig& config, bool sysMounted) {
    auto capabilities = containerCapabilities(config);
    if (!capabilities)
        return capabilities.error();
    return planConfinement(
        {*capabilities, config.privileged, wantsNoNewPrivileges(config), sysMounted});
}

} // namespace

void RealBackend::startProcess(const Container& container) {
    ContainerSandbox* found = sandbox(container.id);
    const std::vector<std::string> argv = container.argv();
    if (!found || argv.empty()) {
        post(container.id,
             OutcomeEvent{Outcome::StartFailed,
                          {},
                          128,
                          0,
                          found ? "No command specified" : "container was never prepared"});
        return;
    }
    std::vector<std::string>& trace = m_traces[container.id];
    auto confinement = confinementOf(container.config, m_options.newNetwork);
    if (!confinement) {
        post(container.id,
             OutcomeEvent{Outcome::StartFailed, {}, 128, 0, confinement.error().message});
        return;
    }
    auto attempt =
        startContainerProcess(ProcessSpec{container.shortId(), found->dir + "/rootfs", argv,
                                          mergeEnv(container.config.env, found->imageConfig.env),
                                          found->imageConfig.workingDir, m_options.newNetwork,
                                          container.config.init, found->resources.procsFiles(),
                                          m_rootless, found->imageRootfs, std::move(*confinement)},
                              m_tree ? &found->cgroup : nullptr, trace);
    if (!attempt) {
        post(container.id,
             OutcomeEvent{
                 Outcome::StartFailed, {}, attempt.error().exitCode, 0, attempt.error().message});
        return;
    }
    found->process = std::move(*attempt);
    found->oomKillsAtStart = found->resources.oomKills().value_or(0);
    found->partial[0].clear();
    found->partial[1].clear();
    // ProcessStarted is posted before any watch can fire: the clock runs due timers first.
    post(container.id, OutcomeEvent{Outcome::ProcessStarted});
    const std::string id = container.id;
    m_clock.watch(found->process->stdoutPipe().get(), [this, id] { onOutput(id, false); });
    m_clock.watch(found->process->stderrPipe().get(), [this, id] { onOutput(id, true); });
    m_clock.watch(found->process->pidfd(), [this, id] { onExit(id); });
    if (found->process->initReports())
        m_clock.watch(found->process->initReports().get(), [this, id] { onInitReport(id); });
}

void RealBackend::onInitReport(const std::string& id) {
    ContainerSandbox* found = sandbox(id);
    if (!found || !found->process || !found->process->initReports())
        return;
    InitReport report;
    while (::read(found->process->initReports().get(), &report, sizeof report) == sizeof report)
        m_traces[id].push_back(describe(report));
}

void RealBackend::onOutput(const std::string& id, bool isStderr) {
    ContainerSandbox* found = sandbox(id);
    if (!found || !found->process)
        return;
    UniqueFd& pipe = isStderr ? found->process->stderrPipe() : found->process->stdoutPipe();
    std::string& partial = found->partial[isStderr ? 1 : 0];
    char buffer[65536];
    for (;;) {
        const ssize_t n = pipe ? ::read(pipe.get(), buffer, sizeof buffer) : 0;
        if (n < 0 && errno == EINTR)
            continue;
        if (n > 0) {
            partial.append(buffer, std::size_t(n));
            for (std::size_t end; (end = partial.find('\n')) != std::string::npos;) {
                m_sink->output(id, m_clock.now(), isStderr, partial.substr(0, end));
                partial.erase(0, end + 1);
            }
            continue;
        }
        if (n < 0 && errno == EAGAIN)
            return;
        // End of file: every writer is gone. What is left without a newline is a line too.
        if (!partial.empty())
            m_sink->output(id, m_clock.now(), isStderr, partial);
        partial.clear();
        if (pipe) {
            m_clock.unwatch(pipe.get());
            pipe.reset();
        }
        return;
    }
}

void RealBackend::onExit(const std::string& id) {
    ContainerSandbox* found = sandbox(id);
    if (!found || !found->process)
        return;
    const std::optional<int> code = found->process->reapIfExited();
    if (!code)
        return;
    onInitReport(id); // what init did before it ended
    m_traces[id].push_back("pidfd readable; waitid(P_PIDFD) = " + std::to_string(*code));
    // Whatever it wrote before it died comes first, as in `docker logs`.
    onOutput(id, false);
    onOutput(id, true);
    closeProcessWatches(*found);
    // A pause that was still waiting for "frozen 1" gets its answer, or its call would wait
    // forever.
    const bool wasFreezing = found->freezing;
    stopWaitingForFreeze(*found);
    found->process.reset();
    if (found->resources.oomKills().value_or(0) > found->oomKillsAtStart) {
        m_traces[id].push_back("oom_kill count went up: the OOM killer ended it");
        m_sink->report(id, OutcomeEvent{Outcome::OutOfMemory, m_clock.now()});
    }
    if (wasFreezing)
        m_sink->report(id,
                       OutcomeEvent{Outcome::FreezeFailed, m_clock.now(), 0, 0,
                                    "the container's process exited while it was being frozen"});
    if (!sandbox(id))
        return;
    m_sink->report(id, OutcomeEvent{Outcome::ProcessExited, m_clock.now(), *code});
}

void RealBackend::closeProcessWatches(ContainerSandbox& found) {
    if (!found.process)
        return;
    for (UniqueFd* fd : {&found.process->stdoutPipe(), &found.process->stderrPipe(),
                         &found.process->initReports()})
        if (*fd) {
            m_clock.unwatch(fd->get());
            fd->reset();
        }
    m_clock.unwatch(found.process->pidfd());
}

void RealBackend::signal(const Container& container, int signal) {
    ContainerSandbox* found = sandbox(container.id);
    if (!found || !found->process || !found->process->alive())
        return;
    std::vector<std::string>& trace = m_traces[container.id];
    const std::string name = "SIG" + docker::signalName(signal);
    if (auto sent = pidfdSignal(found->process->pidfd(), signal); !sent) {
        // ESRCH: it died a moment ago; its exit is on the way through the pidfd.
        trace.push_back("pidfd_send_signal(" + std::to_string(found->process->pid()) + ", " + name +
                        "): " + sent.error().message);
        return;
    }
    trace.push_back("pidfd_send_signal(" + std::to_string(found->process->pid()) + ", " + name +
                    ")");
    post(container.id, OutcomeEvent{Outcome::Signalled, {}, 0, signal});
}

void RealBackend::freeze(const Container& container) {
    ContainerSandbox* found = sandbox(container.id);
    if (!found || !found->process) {
        post(container.id,
             OutcomeEvent{Outcome::FreezeFailed, {}, 0, 0, "container is not running"});
        return;
    }
    if (!m_tree) {
        post(container.id, OutcomeEvent{Outcome::FreezeFailed,
                                        {},
                                        0,
                                        0,
                                        "no cgroup freezer for this container: " + m_noCgroup});
        return;
    }
    std::vector<std::string>& trace = m_traces[container.id];
    // The cgroup.events watch has been in place since create: a "frozen 1" that comes between
    // the write and the first look is not lost.
    found->freezing = true;
    auto frozen = found->cgroup.requestFreeze(trace);
    if (!frozen) {
        stopWaitingForFreeze(*found);
        post(container.id, OutcomeEvent{Outcome::FreezeFailed, {}, 0, 0, frozen.error().message});
        return;
    }
    if (*frozen) {
        trace.push_back(found->cgroup.mode() == CgroupMode::V2 ? "cgroup.events: frozen 1"
                                                               : "freezer.state: FROZEN");
        stopWaitingForFreeze(*found);
        post(container.id, OutcomeEvent{Outcome::Frozen});
        return;
    }
    if (found->cgroup.mode() == CgroupMode::V1Freezer)
        recheckV1Freezer(*found);
}

void RealBackend::recheckV1Freezer(ContainerSandbox& found) {
    // The v1 freezer tells nobody when FREEZING becomes FROZEN: look again a millisecond later
    // (runc does the same), on the clock rather than in a sleep.
    const std::string id = found.id;
    found.v1Recheck = m_clock.schedule(m_clock.now() + std::chrono::milliseconds(1), [this, id] {
        if (ContainerSandbox* still = sandbox(id)) {
            still->v1Recheck.reset();
            checkFrozen(*still);
        }
    });
}

void RealBackend::onInotify() {
    // Read every queued event; each names the watch of one container's cgroup.events.
    alignas(inotify_event) char buffer[4096];
    for (ssize_t n; (n = ::read(m_inotify.get(), buffer, sizeof buffer)) > 0;)
        for (ssize_t at = 0; at < n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            at += ssize_t(sizeof(inotify_event) + event->len);
            auto watched = m_idByWatch.find(event->wd);
            if (watched == m_idByWatch.end())
                continue;
            if (ContainerSandbox* found = sandbox(watched->second); found && found->freezing)
                checkFrozen(*found);
        }
}

void RealBackend::checkFrozen(ContainerSandbox& found) {
    auto frozen = found.cgroup.isFrozen();
    if (frozen && !*frozen) {
        if (found.cgroup.mode() == CgroupMode::V1Freezer)
            recheckV1Freezer(found);
        return;
    }
    stopWaitingForFreeze(found);
    if (!frozen) {
        m_sink->report(found.id, OutcomeEvent{Outcome::FreezeFailed, m_clock.now(), 0, 0,
                                              frozen.error().message});
        return;
    }
    m_traces[found.id].push_back(found.cgroup.mode() == CgroupMode::V2
                                     ? "cgroup.events: frozen 1 (inotify)"
                                     : "freezer.state: FROZEN");
    m_sink->report(found.id, OutcomeEvent{Outcome::Frozen, m_clock.now()});
}

void RealBackend::stopWaitingForFreeze(ContainerSandbox& found) {
    found.freezing = false;
    if (found.v1Recheck)
        m_clock.cancel(*found.v1Recheck);
    found.v1Recheck.reset();
}

void RealBackend::thaw(const Container& container) {
    ContainerSandbox* found = sandbox(container.id);
    if (!found || !m_tree)
        return;
    stopWaitingForFreeze(*found);
    // Writing 0 fails only when the cgroup is gone, and then so is the process: its exit moves
    // the container, so there is no "thaw failed" outcome to report.
    if (auto thawed = found->cgroup.thaw(m_traces[container.id]); !thawed) {
        m_traces[container.id].push_back(thawed.error().message);
        return;
    }
    post(container.id, OutcomeEvent{Outcome::Thawed});
}

Status RealBackend::teardown(ContainerSandbox& found) {
    std::vector<std::string>& trace = m_traces[found.id];
    stopWaitingForFreeze(found);
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
