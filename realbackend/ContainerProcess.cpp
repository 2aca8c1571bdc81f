#include "ContainerProcess.h"

#include "ChildPlan.h"
#include "Syscalls.h"
#include "UserNamespace.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <linux/sched.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace lab::real {
namespace {

// The prefix containerd 1.6 / runc 1.1 put before a start error (docs/DOCKER-BEHAVIOUR.md §2.2).
constexpr const char* kRuncPrefix = "failed to create shim task: OCI runtime create failed: runc "
                                    "create failed: unable to start container process: ";

// Docker's words for an exec failure, as runc's exec.LookPath and moby's exit codes have them.
std::pair<int, std::string> execFailure(const std::string& name, int err) {
    const bool searched = name.find('/') == std::string::npos;
    if (searched)
        return {127, "exec: \"" + name + "\": executable file not found in $PATH: unknown"};
    if (err == ENOENT || err == ENOTDIR)
        return {127, "exec: \"" + name + "\": stat " + name + ": " + errnoText(err) + ": unknown"};
    if (err == EACCES)
        return {126, "exec: \"" + name + "\": permission denied: unknown"};
    return {128, "exec: \"" + name + "\": " + errnoText(err) + ": unknown"};
}

std::string cloneFlagNames(std::uint64_t flags) {
    std::string names;
    for (auto [flag, name] : {std::pair{std::uint64_t(CLONE_NEWPID), "CLONE_NEWPID"},
                              {CLONE_NEWNS, "CLONE_NEWNS"},
                              {CLONE_NEWUTS, "CLONE_NEWUTS"},
                              {CLONE_NEWIPC, "CLONE_NEWIPC"},
                              {CLONE_NEWNET, "CLONE_NEWNET"},
                              {CLONE_PIDFD, "CLONE_PIDFD"},
                              {CLONE_INTO_CGROUP, "CLONE_INTO_CGROUP"},
                              {CLONE_NEWUSER, "CLONE_NEWUSER"}})
        if (flags & flag)
            names += (names.empty() ? "" : "|") + std::string(name);
    return names;
}

struct Pipe {
    UniqueFd read, write;
    static Expected<Pipe> open(int flags) {
        int fds[2];
        if (::pipe2(fds, flags) < 0)
            return errnoError("pipe2", errno);
        return Pipe{UniqueFd(fds[0]), UniqueFd(fds[1])};
    }
};

} // namespace

struct Spawner {
    static Expected<ContainerProcess, StartFailure>
    start(const ProcessSpec& spec, const Cgroup* cgroup, std::vector<std::string>& trace);
};

Expected<ContainerProcess, StartFailure>
Spawner::start(const ProcessSpec& spec, const Cgroup* cgroup, std::vector<std::string>& trace) {
    auto fail = [](const Error& error) {
        return tl::unexpected(StartFailure{128, kRuncPrefix + error.message + ": unknown"});
    };
    auto out = Pipe::open(O_CLOEXEC);
    auto err = Pipe::open(O_CLOEXEC);
    auto errors = Pipe::open(O_CLOEXEC);
    auto sync = Pipe::open(O_CLOEXEC);
    auto initReports = Pipe::open(O_CLOEXEC);
    for (auto* pipe : {&out, &err, &errors, &sync, &initReports})
        if (!*pipe)
            return fail(pipe->error());
    UniqueFd devNull(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    if (!devNull)
        return fail(errnoError("open /dev/null", errno));
    const bool v2 = cgroup && cgroup->mode() == CgroupMode::V2;
    const bool v1 = cgroup && cgroup->mode() == CgroupMode::V1Freezer;
    // The child waits while the parent does what only the parent can: the id maps, the v1 join.
    const bool waits = v1 || spec.userNamespace;
    UniqueFd cgroupFd;
    if (v2) {
        auto opened = cgroup->openDirectory();
        if (!opened)
            return fail(opened.error());
        cgroupFd = std::move(*opened);
    }

    ChildPlan plan = planChild(spec);
    plan.syncRead = waits ? sync->read.get() : -1;
    plan.stdoutWrite = out->write.get();
    plan.stderrWrite = err->write.get();
    plan.errorWrite = errors->write.get();
    plan.devNull = devNull.get();
    plan.initReportWrite = initReports->write.get();

    int pidfd = -1;
    clone_args args{};
    args.flags = CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_PIDFD |
                 (spec.newNetwork ? CLONE_NEWNET : 0) | (v2 ? CLONE_INTO_CGROUP : 0) |
                 (spec.userNamespace ? CLONE_NEWUSER : 0);
    args.pidfd = reinterpret_cast<std::uint64_t>(&pidfd);
    args.exit_signal = SIGCHLD;
    args.cgroup = v2 ? std::uint64_t(cgroupFd.get()) : 0;
    const long pid = ::syscall(SYS_clone3, &args, sizeof args);
    if (pid < 0)
        return fail(errnoError("clone3", errno));
    if (pid == 0)
        runChild(plan);

    ContainerProcess process;
    process.m_pid = pid_t(pid);
    process.m_pidfd.reset(pidfd);
    trace.push_back("clone3(" + cloneFlagNames(args.flags) +
                    (v2 ? ", cgroup=" + cgroup->path() : "") + ") = " + std::to_string(pid));
    out->write.reset();
    err->write.reset();
    errors->write.reset();
    initReports->write.reset();
    // A failure here returns: the waiting process is killed and reaped on the way out.
    if (spec.userNamespace)
        if (auto mapped = mapToRoot(pid_t(pid), trace); !mapped)
            return fail(mapped.error());
    if (v1)
        if (auto joined = cgroup->join(int(pid), trace); !joined)
            return fail(joined.error());
    if (waits) {
        [[maybe_unused]] auto n = ::write(sync->write.get(), "g", 1);
        trace.push_back("write sync pipe: child may go on");
    }
    int message[2] = {-1, 0};
    ssize_t got = 0;
    do
        got = ::read(errors->read.get(), message, sizeof message);
    while (got < 0 && errno == EINTR);
    if (got == sizeof message) {
        process.reap();
        if (message[0] == Exec) {
            auto [code, words] = execFailure(spec.argv.at(0), message[1]);
            trace.push_back("child: execve " + spec.argv.at(0) +
                            " failed: " + errnoText(message[1]));
            return tl::unexpected(StartFailure{code, kRuncPrefix + words});
        }
        std::string words = message[0] >= Sync && message[0] <= Exec ? stageWords(Stage(message[0]))
                                                                     : "an unknown step";
        if (message[0] == WorkingDir) // runc's words name the directory
            words = "chdir to cwd (\"" + spec.workingDir + "\") set in config.json";
        trace.push_back("child: " + words + " failed: " + errnoText(message[1]));
        return fail(errnoError("error during container init: " + words, message[1]));
    }
    for (const std::string& file : spec.joinCgroups)
        trace.push_back("child: write " + file + " <- 0 (itself)");
    trace.push_back("child: sethostname(" + spec.hostname + ")" +
                    (spec.newNetwork ? ", lo up" : ""));
    trace.push_back("child: mount(/, MS_REC|MS_PRIVATE)" +
                    (spec.image.empty() ? std::string()
                                        : "; mount(" + spec.image + ", " + spec.rootfs +
                                              ", MS_BIND), " + "MS_REMOUNT|MS_BIND|MS_RDONLY") +
                    (spec.tmpfsTmp ? "; tmpfs /tmp" : "") + "; tmpfs /dev + " +
                    (spec.userNamespace ? "bind the host's" : "mknod") +
                    " null zero full random urandom tty; proc /proc" +
                    (spec.newNetwork ? "; sysfs /sys (ro)" : ""));
    trace.push_back("child: pivot_root(" + spec.rootfs + "), umount2(old root, MNT_DETACH)");
    for (const std::string& line : describeConfinement(spec.confinement))
        trace.push_back("child: " + line);
    if (spec.init)
        trace.push_back("child: init as PID 1: sigprocmask(SIG_SETMASK, all), fork(); the "
                        "command's execve(" +
                        spec.argv.at(0) + ") as PID 2");
    else
        trace.push_back("child: execve(" + spec.argv.at(0) + ") as PID 1");
    for (UniqueFd* pipe : {&out->read, &err->read, &initReports->read})
        ::fcntl(pipe->get(), F_SETFL, O_NONBLOCK);
    process.m_stdout = std::move(out->read);
    process.m_stderr = std::move(err->read);
    if (spec.init)
        process.m_initReports = std::move(initReports->read);
    return process;
}

Status probeNamespaces(bool newNetwork, bool userNamespace) {
    int pidfd = -1;
    clone_args args{};
    args.flags = CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_PIDFD |
                 (newNetwork ? CLONE_NEWNET : 0) | (userNamespace ? CLONE_NEWUSER : 0);
    args.pidfd = reinterpret_cast<std::uint64_t>(&pidfd);
    args.exit_signal = SIGCHLD;
    // Rootless, the namespace alone proves little (Ubuntu's AppArmor lets it be made, then
    // denies its capabilities): the child, once mapped, makes its mounts private, and exits
    // with the errno if refused.
    auto sync = Pipe::open(O_CLOEXEC);
    if (!sync)
        return sync.error();
    const long pid = ::syscall(SYS_clone3, &args, sizeof args);
    if (pid < 0)
        return errnoError("clone3(" + cloneFlagNames(args.flags) + ")", errno);
    if (pid == 0) {
        char go = 0;
        if (userNamespace && (::read(sync->read.get(), &go, 1) != 1 ||
                              ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) < 0))
            ::_exit(go ? errno : 0);
        ::_exit(0);
    }
    UniqueFd owned(pidfd);
    sync->read.reset();
    Status mapped = Ok{};
    if (userNamespace) {
        std::vector<std::string> ignored;
        mapped = mapToRoot(pid_t(pid), ignored);
        if (mapped) [[maybe_unused]]
            auto n = ::write(sync->write.get(), "g", 1);
        sync->write.reset(); // unmapped, the child reads end of file and just exits
    }
    auto exited = waitPidfd(owned.get(), false);
    if (!mapped)
        return mapped;
    if (exited && exited->code != 0)
        return errnoError("mount(/, MS_REC|MS_PRIVATE) in a new user namespace", exited->code);
    return Ok{};
}

Expected<ContainerProcess, StartFailure> startContainerProcess(const ProcessSpec& spec,
                                                               const Cgroup* cgroup,
                                                               std::vector<std::string>& trace) {
    return Spawner::start(spec, cgroup, trace);
}

ContainerProcess::~ContainerProcess() {
    if (alive()) {
        pidfdSignal(m_pidfd.get(), SIGKILL);
        reap();
    }
}

ContainerProcess& ContainerProcess::operator=(ContainerProcess&& other) noexcept {
    if (this != &other) {
        if (alive()) {
            pidfdSignal(m_pidfd.get(), SIGKILL);
            reap();
        }
        m_pid = std::exchange(other.m_pid, -1);
        m_pidfd = std::move(other.m_pidfd);
        m_stdout = std::move(other.m_stdout);
        m_stderr = std::move(other.m_stderr);
        m_initReports = std::move(other.m_initReports);
        m_reaped = std::exchange(other.m_reaped, false);
    }
    return *this;
}

std::optional<int> ContainerProcess::reapIfExited() {
    if (!alive())
        return std::nullopt;
    auto status = waitPidfd(m_pidfd.get(), true);
    if (!status || status->code < 0)
        return std::nullopt;
    m_reaped = true;
    return status->code;
}

int ContainerProcess::reap() {
    auto status = waitPidfd(m_pidfd.get(), false);
    m_reaped = true;
    return status ? status->code : -1;
}

} // namespace lab::real
