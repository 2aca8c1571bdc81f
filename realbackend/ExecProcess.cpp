#include "ExecProcess.h"

#include "Syscalls.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <grp.h>
#include <linux/sched.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lab::real {
namespace {

// runc's prefix before an exec error (docs/DOCKER-BEHAVIOUR.md §10.1).
constexpr const char* kRuncExecPrefix =
    "OCI runtime exec failed: exec failed: unable to start container process: ";

struct Pipe {
    UniqueFd read, write;
    static Expected<Pipe> open() {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) < 0)
            return errnoError("pipe2", errno);
        return Pipe{UniqueFd(fds[0]), UniqueFd(fds[1])};
    }
};

// The exec'd process, in the container's PID namespace: only async-signal-safe calls.
// joinFds: the v1 cgroup.procs files, opened by the lab (their paths are not in the container's
// mount namespace).
[[noreturn]] void runExecChild(const ChildPlan& plan, const ExecSpec& spec,
                               const std::vector<UniqueFd>& joinFds) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    ::setsid();
    for (const UniqueFd& procs : joinFds)
        if (::write(procs.get(), "0", 1) != 1)
            childFail(plan, JoinCgroups, errno, 1);
    resetSignalsAndStdio(plan);
    if (!plan.workingDir.empty() && ::chdir(plan.workingDir.c_str()) < 0)
        childFail(plan, WorkingDir, errno, 1);
    applyConfinement(plan);
    // Leaving root drops what is left of the capabilities (no SECBIT_KEEP_CAPS).
    if (spec.uid && (::setgroups(0, nullptr) < 0 || ::setgid(spec.gid.value_or(*spec.uid)) < 0 ||
                     ::setuid(*spec.uid) < 0))
        childFail(plan, SwitchUser, errno, 1);
    execCommand(plan);
}

// The helper: joins the namespaces, clones the exec'd process as the lab's child, reports its
// PID and exits.
[[noreturn]] void runHelper(const ChildPlan& plan, const ExecSpec& spec,
                            const std::vector<UniqueFd>& joinFds, int namespaces, int cgroupFd,
                            int pidWrite) {
    if (::setns(spec.containerPidfd, namespaces) < 0)
        childFail(plan, JoinNamespaces, errno, 1);
    clone_args args{};
    args.flags = CLONE_PARENT | (cgroupFd >= 0 ? CLONE_INTO_CGROUP : 0);
    args.cgroup = cgroupFd >= 0 ? std::uint64_t(cgroupFd) : 0;
    const long pid = ::syscall(SYS_clone3, &args, sizeof args);
    if (pid < 0)
        childFail(plan, JoinNamespaces, errno, 1);
    if (pid == 0)
        runExecChild(plan, spec, joinFds);
    const pid_t reported = pid_t(pid);
    [[maybe_unused]] auto n = ::write(pidWrite, &reported, sizeof reported);
    ::_exit(0);
}

std::string namespaceNames(int namespaces) {
    std::string names;
    for (auto [flag, name] : {std::pair{CLONE_NEWUSER, "CLONE_NEWUSER"},
                              {CLONE_NEWNS, "CLONE_NEWNS"},
                              {CLONE_NEWUTS, "CLONE_NEWUTS"},
                              {CLONE_NEWIPC, "CLONE_NEWIPC"},
                              {CLONE_NEWNET, "CLONE_NEWNET"},
                              {CLONE_NEWPID, "CLONE_NEWPID"}})
        if (namespaces & flag)
            names += (names.empty() ? "" : "|") + std::string(name);
    return names;
}

} // namespace

std::string execStartFailure(const std::string& name, int err) {
    if (name.find('/') == std::string::npos)
        return kRuncExecPrefix + ("exec: \"" + name + "\": executable file not found in $PATH") +
               ": unknown";
    if (err == ENOENT || err == ENOTDIR)
        return kRuncExecPrefix + ("exec: \"" + name + "\": stat " + name + ": ") + errnoText(err) +
               ": unknown";
    if (err == EACCES)
        return kRuncExecPrefix + ("exec: \"" + name + "\": permission denied: unknown");
    return kRuncExecPrefix + ("exec: \"" + name + "\": ") + errnoText(err) + ": unknown";
}

struct ExecSpawner {
    static Expected<ContainerProcess, StartFailure>
    start(const ExecSpec& spec, const Cgroup* cgroup, std::vector<std::string>& trace) {
        const auto fail = [](const std::string& words) {
            return tl::unexpected(StartFailure{126, kRuncExecPrefix + words + ": unknown"});
        };
        auto out = Pipe::open(), err = Pipe::open(), errors = Pipe::open(), pids = Pipe::open();
        for (auto* pipe : {&out, &err, &errors, &pids})
            if (!*pipe)
                return fail(pipe->error().message);
        UniqueFd devNull(::open("/dev/null", O_RDONLY | O_CLOEXEC));
        UniqueFd cgroupFd;
        if (cgroup && cgroup->mode() == CgroupMode::V2) {
            auto opened = cgroup->openDirectory();
            if (!opened)
                return fail(opened.error().message);
            cgroupFd = std::move(*opened);
        }
        ChildPlan plan;
        plan.hostname = spec.hostname;
        plan.workingDir = spec.workingDir;
        plan.confinement = spec.confinement;
        plan.joinFiles = spec.joinCgroups;
        if (cgroup && cgroup->mode() == CgroupMode::V1Freezer)
            plan.joinFiles.push_back(cgroup->path() + "/cgroup.procs");
        planCommand(plan, spec.argv, spec.env);
        std::vector<UniqueFd> joinFds;
        for (const std::string& file : plan.joinFiles) {
            joinFds.emplace_back(::open(file.c_str(), O_WRONLY | O_CLOEXEC));
            if (!joinFds.back())
                return fail(errnoError("open " + file, errno).message);
        }
        plan.stdoutWrite = out->write.get();
        plan.stderrWrite = err->write.get();
        plan.errorWrite = errors->write.get();
        plan.devNull = devNull.get();
        const int namespaces = CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNET |
                               CLONE_NEWPID | (spec.userNamespace ? CLONE_NEWUSER : 0);

        const pid_t helper = ::_Fork(); // no atfork handlers: the lab has threads
        if (helper < 0)
            return fail(errnoError("fork", errno).message);
        if (helper == 0)
            runHelper(plan, spec, joinFds, namespaces, cgroupFd ? cgroupFd.get() : -1,
                      pids->write.get());
        for (UniqueFd* end : {&out->write, &err->write, &errors->write, &pids->write})
            end->reset();
        int status = 0;
        while (::waitpid(helper, &status, 0) < 0 && errno == EINTR) {
        }
        trace.push_back("fork() = " + std::to_string(helper) + ": setns(pidfd of PID 1, " +
                        namespaceNames(namespaces) + ")");
        pid_t pid = -1;
        const bool cloned = ::read(pids->read.get(), &pid, sizeof pid) == sizeof pid;
        ContainerProcess process;
        if (cloned) {
            trace.push_back(std::string("clone3(CLONE_PARENT") +
                            (cgroupFd ? "|CLONE_INTO_CGROUP, cgroup=" + cgroup->path() : "") +
                            ") = " + std::to_string(pid) +
                            ": a child of the lab in the container's PID namespace");
            auto pidfd = pidfdOpen(pid); // the lab's own child: its PID cannot be reused
            if (!pidfd) {
                ::kill(pid, SIGKILL);
                ::waitpid(pid, nullptr, 0);
                return fail(pidfd.error().message);
            }
            process.m_pid = pid;
            process.m_pidfd = std::move(*pidfd);
        }
        int message[2] = {-1, 0};
        ssize_t got = 0;
        do
            got = ::read(errors->read.get(), message, sizeof message);
        while (got < 0 && errno == EINTR);
        if (got == sizeof message) {
            if (cloned)
                process.reap();
            const Stage stage = message[0] >= Sync && message[0] <= Exec ? Stage(message[0]) : Exec;
            trace.push_back(std::string("child: ") + stageWords(stage) +
                            " failed: " + errnoText(message[1]));
            if (stage == Exec)
                return tl::unexpected(
                    StartFailure{126, execStartFailure(spec.argv.at(0), message[1])});
            return fail(std::string(stageWords(stage)) + ": " + errnoText(message[1]));
        }
        if (!cloned)
            return fail("the exec helper ended without starting the process");
        for (const std::string& line : describeConfinement(spec.confinement))
            trace.push_back("child: " + line);
        if (spec.uid)
            trace.push_back("child: setgroups([]), setgid(" +
                            std::to_string(spec.gid.value_or(*spec.uid)) + "), setuid(" +
                            std::to_string(*spec.uid) + "): no capability is left");
        trace.push_back("child: execve(" + spec.argv.at(0) + ")");
        for (UniqueFd* pipe : {&out->read, &err->read})
            ::fcntl(pipe->get(), F_SETFL, O_NONBLOCK);
        process.m_stdout = std::move(out->read);
        process.m_stderr = std::move(err->read);
        return process;
    }
};

Expected<ContainerProcess, StartFailure>
startExecProcess(const ExecSpec& spec, const Cgroup* cgroup, std::vector<std::string>& trace) {
    return ExecSpawner::start(spec, cgroup, trace);
}

} // namespace lab::real
