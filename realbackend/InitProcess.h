#pragma once
// The backend's own init for `docker run --init` (Docker ships tini for it): PID 1 of the
// container blocks every signal, forks the command (PID 2), and then waits in sigwaitinfo:
// each signal it receives is forwarded to the command with kill(), each SIGCHLD reaps every
// child that ended (orphans included), and when the command itself ends init exits with its
// status, 128 + the signal when a signal killed it, as tini does. So `sleep`, no longer PID 1,
// dies of SIGTERM: 143 instead of the stop timeout's 137.
// Each of init's operations is written, as a fixed-size record, to a pipe the backend reads
// into the container's trace.

#include <string>

namespace lab::real {

/// One operation of init, as it reports it.
struct InitReport {
    enum Kind : int { Forked, Forwarded, Reaped };
    Kind kind = Forked;
    int pid = 0;   ///< in the container's PID namespace
    int value = 0; ///< Forwarded: the signal; Reaped: the exit code (128 + signal if killed)
};

/// "init: fork() = 2", "init: kill(2, SIGTERM)", "init: waitpid() = 2, exit code 143".
std::string describe(const InitReport& report);

/// Runs as the container's PID 1, after pivot_root: forks a child that restores the signal
/// mask and calls execCommand(context) (which must not return), closes every descriptor but
/// stdio and reportFd (init never execs, so close-on-exec would keep the backend's own open,
/// its state lock among them), then forwards signals and reaps until the command has ended,
/// and exits with its code. Only async-signal-safe calls: the backend may have threads.
[[noreturn]] void runInit(void (*execCommand)(const void*), const void* context, int reportFd);

} // namespace lab::real
