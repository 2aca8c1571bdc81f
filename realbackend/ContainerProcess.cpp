#include "ContainerProcess.h"

#include "InitProcess.h"
#include "Syscalls.h"
#include "UserNamespace.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <linux/sched.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace lab::real {
namespace {

// The prefix containerd 1.6 / runc 1.1 put before a start error (docs/DOCKER-BEHAVIOUR.md §2.2).
constexpr const char* kRuncPrefix = "failed to create shim task: OCI runtime create failed: runc "
                                    "create failed: unable to start container process: ";

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
    Exec
};
// What each stage did, in the trace and the error. A switch: a new Stage without words is a
// compiler warning (-Wswitch), not a read past the end of an array.
const char* stageWords(Stage stage) {
    switch (stage) {
    case Sync:
        return "waiting for the parent";
    case JoinCgroups:
        return "joining the resource cgroups";
    case Stdio:
        return "setting up stdio";
    case Hostname:
        return "sethostname";
    case Loopback:
        return "bringing up lo";
    case MountPrivate:
        return "making / private";
    case BindImage:
        return "binding the image read-only";
    case MountTmp:
        return "mounting /tmp";
    case MountDev:
        return "mounting /dev";
    case MakeDevice:
        return "creating device nodes";
    case MountProc:
        return "mounting /proc";
    case MountSys:
        return "mounting /sys";
    case PivotRoot:
        return "pivot_root";
    case MaskPaths:
        return "masking paths";
    case Limits:
        return "setting rlimits and oom_score_adj";
    case NoNewPrivileges:
        return "prctl(PR_SET_NO_NEW_PRIVS)";
    case Capabilities:
        return "dropping capabilities";
    case Seccomp:
        return "loading the seccomp filter";
    case WorkingDir:
        return "chdir to cwd set in config.json";
    case Exec:
        return "exec";
    }
    return "an unknown step";
}

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

[[noreturn]] void childFail(const ChildPlan& plan, Stage stage, int err, int exitCode) {
    const int message[2] = {stage, err};
    [[maybe_unused]] auto n = ::write(plan.errorWrite, message, sizeof message);
    ::_exit(exitCode);
}

[[noreturn]] void execCommand(const void* context);

[[noreturn]] void runChild(const ChildPlan& plan) {
    auto check = [&](bool ok, Stage stage) {
        if (!ok)
            childFail(plan, stage, errno, 1);
    };
    // Dies with the thread that started it (a SIGKILLed lab leaves no container running; the
    // next open's recovery removes the rest), and leads a session of its own, as runc's init
    // does: the console's terminal signals (Ctrl-C, a hangup) are not the container's.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    ::setsid();
    if (plan.syncRead >= 0) {
        char go = 0;
        check(::read(plan.syncRead, &go, 1) == 1, Sync);
    }
    // "0" is the writer itself: the child joins its v1 resource cgroups before it runs anything.
    for (const std::string& file : plan.joinFiles) {
        const int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
        check(fd >= 0 && ::write(fd, "0", 1) == 1, JoinCgroups);
        ::close(fd);
    }
    // PID 1 starts with default dispositions and nothing blocked, whatever the daemon had.
    for (int sig = 1; sig < NSIG; ++sig)
        if (sig != SIGKILL && sig != SIGSTOP)
            ::signal(sig, SIG_DFL);
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    check(::dup2(plan.devNull, 0) == 0 && ::dup2(plan.stdoutWrite, 1) == 1 &&
              ::dup2(plan.stderrWrite, 2) == 2 &&
              ::syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) == 0,
          Stdio);
    check(::sethostname(plan.hostname.c_str(), plan.hostname.size()) == 0, Hostname);
    if (plan.newNetwork) {
        const int sock = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        ifreq request{};
        std::strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
        request.ifr_flags = IFF_UP | IFF_LOOPBACK | IFF_RUNNING;
        check(sock >= 0 && ::ioctl(sock, SIOCSIFFLAGS, &request) == 0, Loopback);
        ::close(sock);
    }
    check(::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0, MountPrivate);
    if (!plan.image.empty())
        check(::mount(plan.image.c_str(), plan.rootfs.c_str(), nullptr, MS_BIND, nullptr) == 0 &&
                  ::mount(nullptr, plan.rootfs.c_str(), nullptr,
                          MS_REMOUNT | MS_BIND | MS_RDONLY | plan.lockedFlags, nullptr) == 0,
              BindImage);
    check(::mount("tmpfs", plan.tmp.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777") == 0,
          MountTmp);
    check(::mount("tmpfs", plan.dev.c_str(), "tmpfs", MS_NOSUID | MS_STRICTATIME,
                  "mode=755,size=65536k") == 0,
          MountDev);
    ::umask(0);
    for (const Device& device : plan.devices) {
        if (!plan.bindDevices) {
            check(::mknod(device.path.c_str(), S_IFCHR | 0666,
                          makedev(device.major, device.minor)) == 0,
                  MakeDevice);
            continue;
        }
        const int placeholder = ::open(device.path.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
        check(placeholder >= 0 && ::close(placeholder) == 0 &&
                  ::mount(device.host.c_str(), device.path.c_str(), nullptr, MS_BIND, nullptr) == 0,
              MakeDevice);
    }
    for (std::size_t i = 0; i < plan.symlinkPaths.size(); ++i)
        check(::symlink(plan.symlinkTargets[i].c_str(), plan.symlinkPaths[i].c_str()) == 0,
              MakeDevice);
    ::umask(022);
    check(::mount("proc", plan.proc.c_str(), "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) ==
              0,
          MountProc);
    if (plan.newNetwork) // sysfs shows the network namespace it was mounted in
        check(::mount("sysfs", plan.sys.c_str(), "sysfs",
                      MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) == 0,
              MountSys);
    check(::chdir(plan.rootfs.c_str()) == 0 && pivotRoot(".", ".") == 0 &&
              ::umount2(".", MNT_DETACH) == 0 && ::chdir("/") == 0,
          PivotRoot);
    check(maskPaths(plan.confinement) == 0, MaskPaths);
    if (!plan.workingDir.empty())
        check(::chdir(plan.workingDir.c_str()) == 0, WorkingDir);
    check(resetLimits(plan.confinement) == 0, Limits);
    // As runc: without no-new-privileges the filter needs CAP_SYS_ADMIN to load, so it comes
    // before the capabilities go; with it, after (the filter then allows capset and prctl).
    check(setNoNewPrivileges(plan.confinement) == 0, NoNewPrivileges);
    if (!plan.confinement.noNewPrivileges)
        check(loadSeccomp(plan.confinement) == 0, Seccomp);
    check(dropCapabilities(plan.confinement) == 0, Capabilities);
    if (plan.confinement.noNewPrivileges)
        check(loadSeccomp(plan.confinement) == 0, Seccomp);
    if (plan.init)
        runInit(&execCommand, &plan, plan.initReportWrite);
    execCommand(&plan);
}

// execve the first candidate that is there, as execvp would; never returns.
[[noreturn]] void execCommand(const void* context) {
    const ChildPlan& plan = *static_cast<const ChildPlan*>(context);
    int lastError = ENOENT;
    for (const std::string& candidate : plan.candidates) {
        ::execve(candidate.c_str(), plan.argv.data(), plan.envp.data());
        // As execvp: a permission problem is remembered, a missing file just means "go on".
        if (errno != ENOENT && errno != ENOTDIR)
            lastError = errno;
    }
    childFail(plan, Exec, lastError, lastError == EACCES ? 126 : 127);
}

// A bind mount made in a user namespace keeps the flags its source mount has (nosuid, nodev,
// noexec, atime): the kernel refuses a remount that would drop one (runc does the same).
unsigned long lockedMountFlags(unsigned long statvfsFlags) {
    unsigned long flags = 0;
    for (auto [st, ms] : {std::pair{ST_NOSUID, MS_NOSUID},
                          {ST_NODEV, MS_NODEV},
                          {ST_NOEXEC, MS_NOEXEC},
                          {ST_NOATIME, MS_NOATIME},
                          {ST_NODIRATIME, MS_NODIRATIME},
                          {ST_RELATIME, MS_RELATIME}})
        if (statvfsFlags & st)
            flags |= ms;
    return flags;
}

ChildPlan planChild(const ProcessSpec& spec) {
    ChildPlan plan;
    plan.hostname = spec.hostname;
    plan.rootfs = spec.rootfs;
    plan.tmp = spec.rootfs + "/tmp";
    plan.dev = spec.rootfs + "/dev";
    plan.proc = spec.rootfs + "/proc";
    plan.sys = spec.rootfs + "/sys";
    plan.newNetwork = spec.newNetwork;
    plan.init = spec.init;
    plan.joinFiles = spec.joinCgroups;
    plan.image = spec.image;
    plan.confinement = spec.confinement;
    plan.bindDevices = spec.userNamespace;
    if (struct statvfs image{}; !spec.image.empty() && ::statvfs(spec.image.c_str(), &image) == 0)
        plan.lockedFlags = lockedMountFlags(image.f_flag);
    const std::pair<const char*, std::pair<unsigned, unsigned>> devices[] = {
        {"null", {1, 3}},   {"zero", {1, 5}},    {"full", {1, 7}},
        {"random", {1, 8}}, {"urandom", {1, 9}}, {"tty", {5, 0}}};
    for (const auto& [name, number] : devices)
        plan.devices.push_back(
            {plan.dev + "/" + name, std::string("/dev/") + name, number.first, number.second});
    for (auto [target, name] : {std::pair{"/proc/self/fd", "fd"},
                                {"/proc/self/fd/0", "stdin"},
                                {"/proc/self/fd/1", "stdout"},
                                {"/proc/self/fd/2", "stderr"}}) {
        plan.symlinkTargets.push_back(target);
        plan.symlinkPaths.push_back(plan.dev + "/" + name);
    }
    plan.workingDir = spec.workingDir;
    // The environment as Docker builds it: the image's, then HOSTNAME; PATH and HOME when the
    // image sets none. execve looks the command up in that PATH.
    plan.envStrings = spec.env;
    plan.envStrings.push_back("HOSTNAME=" + spec.hostname);
    std::string path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    bool hasPath = false, hasHome = false;
    for (const std::string& variable : spec.env) {
        if (variable.rfind("PATH=", 0) == 0) {
            path = variable.substr(5);
            hasPath = true;
        }
        hasHome = hasHome || variable.rfind("HOME=", 0) == 0;
    }
    if (!hasPath)
        plan.envStrings.push_back("PATH=" + path);
    if (!hasHome)
        plan.envStrings.push_back("HOME=/root");
    const std::string& name = spec.argv.at(0);
    if (name.find('/') != std::string::npos)
        plan.candidates.push_back(name);
    else
        for (std::size_t begin = 0; begin <= path.size();) {
            const std::size_t end = std::min(path.find(':', begin), path.size());
            plan.candidates.push_back(path.substr(begin, end - begin) + "/" + name);
            begin = end + 1;
        }
    plan.argvStrings = spec.argv;
    for (std::string& arg : plan.argvStrings)
        plan.argv.push_back(arg.data());
    plan.argv.push_back(nullptr);
    for (std::string& variable : plan.envStrings)
        plan.envp.push_back(variable.data());
    plan.envp.push_back(nullptr);
    return plan;
}

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
                    "; tmpfs /tmp, tmpfs /dev + " +
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
