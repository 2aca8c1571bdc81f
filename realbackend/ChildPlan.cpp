#include "ChildPlan.h"

#include "InitProcess.h"
#include "Syscalls.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <linux/sched.h>
#include <net/if.h>
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
    case JoinNamespaces:
        return "joining the container's namespaces";
    case SwitchUser:
        return "switching to the user";
    case Exec:
        return "exec";
    }
    return "an unknown step";
}

[[noreturn]] void childFail(const ChildPlan& plan, Stage stage, int err, int exitCode) {
    const int message[2] = {stage, err};
    [[maybe_unused]] auto n = ::write(plan.errorWrite, message, sizeof message);
    ::_exit(exitCode);
}

[[noreturn]] void execCommand(const ChildPlan& plan) {
    int lastError = ENOENT;
    for (const std::string& candidate : plan.candidates) {
        ::execve(candidate.c_str(), plan.argv.data(), plan.envp.data());
        // As execvp: a permission problem is remembered, a missing file just means "go on".
        if (errno != ENOENT && errno != ENOTDIR)
            lastError = errno;
    }
    childFail(plan, Exec, lastError, lastError == EACCES ? 126 : 127);
}

void resetSignalsAndStdio(const ChildPlan& plan) {
    // The process starts with default dispositions and nothing blocked, whatever the daemon had.
    for (int sig = 1; sig < NSIG; ++sig)
        if (sig != SIGKILL && sig != SIGSTOP)
            ::signal(sig, SIG_DFL);
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    if (::dup2(plan.devNull, 0) != 0 || ::dup2(plan.stdoutWrite, 1) != 1 ||
        ::dup2(plan.stderrWrite, 2) != 2 ||
        ::syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) != 0)
        childFail(plan, Stdio, errno, 1);
}

void applyConfinement(const ChildPlan& plan) {
    auto check = [&](bool ok, Stage stage) {
        if (!ok)
            childFail(plan, stage, errno, 1);
    };
    check(resetLimits(plan.confinement) == 0, Limits);
    // As runc: without no-new-privileges the filter needs CAP_SYS_ADMIN to load, so it comes
    // before the capabilities go; with it, after (the filter then allows capset and prctl).
    check(setNoNewPrivileges(plan.confinement) == 0, NoNewPrivileges);
    if (!plan.confinement.noNewPrivileges)
        check(loadSeccomp(plan.confinement) == 0, Seccomp);
    check(dropCapabilities(plan.confinement) == 0, Capabilities);
    if (plan.confinement.noNewPrivileges)
        check(loadSeccomp(plan.confinement) == 0, Seccomp);
}

namespace {

// runInit's way back to the command.
[[noreturn]] void execCommandOf(const void* context) {
    execCommand(*static_cast<const ChildPlan*>(context));
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

} // namespace

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
    resetSignalsAndStdio(plan);
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
    if (!plan.tmp.empty())
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
    applyConfinement(plan);
    if (plan.init)
        runInit(&execCommandOf, &plan, plan.initReportWrite);
    execCommand(plan);
}

ChildPlan planChild(const ProcessSpec& spec) {
    ChildPlan plan;
    plan.hostname = spec.hostname;
    plan.rootfs = spec.rootfs;
    plan.tmp = spec.tmpfsTmp ? spec.rootfs + "/tmp" : std::string();
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
    planCommand(plan, spec.argv, spec.env);
    return plan;
}

void planCommand(ChildPlan& plan, const std::vector<std::string>& argv,
                 const std::vector<std::string>& env) {
    // The environment as Docker builds it: the image's, then HOSTNAME; PATH and HOME when the
    // image sets none. execve looks the command up in that PATH.
    plan.envStrings = env;
    plan.envStrings.push_back("HOSTNAME=" + plan.hostname);
    std::string path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    bool hasPath = false, hasHome = false;
    for (const std::string& variable : env) {
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
    const std::string& name = argv.at(0);
    if (name.find('/') != std::string::npos)
        plan.candidates.push_back(name);
    else
        for (std::size_t begin = 0; begin <= path.size();) {
            const std::size_t end = std::min(path.find(':', begin), path.size());
            plan.candidates.push_back(path.substr(begin, end - begin) + "/" + name);
            begin = end + 1;
        }
    plan.argvStrings = argv;
    for (std::string& arg : plan.argvStrings)
        plan.argv.push_back(arg.data());
    plan.argv.push_back(nullptr);
    for (std::string& variable : plan.envStrings)
        plan.envp.push_back(variable.data());
    plan.envp.push_back(nullptr);
}

} // namespace lab::real
