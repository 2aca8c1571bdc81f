#pragma once
// The few system calls glibc 2.36 does not wrap (clone3, pidfd_*, pivot_root), and errno turned
// into lab::Error with the words strerror gives, as runc's messages quote them.

#include "UniqueFd.h"
#include "base/Expected.h"

#include <string>
#include <sys/types.h>

namespace lab::real {

/// "what: <strerror(err)>", lower-cased like Go's syscall errors ("no such file or directory");
/// code Kernel (Busy for EBUSY), sysErrno err.
Error errnoError(const std::string& what, int err);
/// Go's wording of an errno: strerror lower-cased.
std::string errnoText(int err);

/// pidfd_open(2).
Expected<UniqueFd> pidfdOpen(pid_t pid);
/// pidfd_send_signal(2): a signal that cannot reach a recycled PID.
Status pidfdSignal(int pidfd, int signal);
/// pivot_root(2).
int pivotRoot(const char* newRoot, const char* putOld);

/// How a reaped process ended, as Docker reports it: the exit code, or 128 + the signal.
struct ExitStatus {
    int code = 0;
    bool signalled = false;
};
/// waitid(P_PIDFD, WEXITED); nonBlocking answers nothing (code -1) when it has not exited.
Expected<ExitStatus> waitPidfd(int pidfd, bool nonBlocking);

/// Writes text to a file that exists (cgroup and /proc files), whole, in one write.
Status writeFile(const std::string& path, const std::string& text);
/// Reads a small file whole.
Expected<std::string> readFile(const std::string& path);

} // namespace lab::real
