#include "InitProcess.h"

#include "docker/Signals.h"

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace lab::real {
namespace {

void report(int fd, InitReport::Kind kind, int pid, int value) {
    // 12 bytes: less than PIPE_BUF, so each record arrives whole.
    const InitReport record{kind, pid, value};
    [[maybe_unused]] auto n = ::write(fd, &record, sizeof record);
}

int exitCodeOf(int status) {
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace

std::string describe(const InitReport& report) {
    switch (report.kind) {
    case InitReport::Forked:
        return "init: fork() = " + std::to_string(report.pid) + ", the command's execve there";
    case InitReport::Forwarded:
        return "init: sigwaitinfo() = SIG" + docker::signalName(report.value) + "; kill(" +
               std::to_string(report.pid) + ", SIG" + docker::signalName(report.value) + ")";
    case InitReport::Reaped:
        return "init: waitpid() = " + std::to_string(report.pid) + ", exit code " +
               std::to_string(report.value);
    }
    return "init: ?";
}

void runInit(void (*execCommand)(const void*), const void* context, int reportFd) {
    sigset_t all, none;
    ::sigfillset(&all);
    ::sigemptyset(&none);
    // Blocked signals are queued even for PID 1 (the kernel drops only unblocked ones without
    // a handler), and sigwaitinfo takes them one by one.
    ::sigprocmask(SIG_SETMASK, &all, nullptr);
    const pid_t command = ::_Fork();
    if (command < 0)
        ::_exit(128);
    if (command == 0) {
        ::close(reportFd);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        execCommand(context);
        ::_exit(127); // not reached: execCommand reports its failure and exits
    }
    ::close_range(3, unsigned(reportFd) - 1, 0);
    ::close_range(unsigned(reportFd) + 1, ~0U, 0);
    report(reportFd, InitReport::Forked, command, 0);
    for (;;) {
        siginfo_t info{};
        if (::sigwaitinfo(&all, &info) < 0)
            continue;
        if (info.si_signo != SIGCHLD) {
            if (::kill(command, info.si_signo) == 0)
                report(reportFd, InitReport::Forwarded, command, info.si_signo);
            continue;
        }
        // One SIGCHLD may stand for several children: reap all that ended.
        int status = 0;
        for (pid_t ended; (ended = ::waitpid(-1, &status, WNOHANG)) > 0;) {
            report(reportFd, InitReport::Reaped, ended, exitCodeOf(status));
            if (ended == command)
                ::_exit(exitCodeOf(status));
        }
    }
}

} // namespace lab::real
