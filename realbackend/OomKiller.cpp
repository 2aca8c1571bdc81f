#include "OomKiller.h"

#include "Syscalls.h"

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lab::real {
namespace {

// The limit: what the container uses now + 64 MiB. The kernel's badness of a task in a memory
// cgroup is its resident pages plus oom_score_adj/1000 of the cgroup's limit, so the container's
// 1000 must outweigh the helper's own resident pages (a fork of the lab, some MiB): with a small
// headroom the kernel sometimes chose the helper and the container lived on.
constexpr std::int64_t kHeadroom = 64 << 20;
constexpr std::size_t kChunk = 1 << 20;
const char kZeros[kChunk] = {};

bool hasExited(int pidfd) {
    pollfd ready{pidfd, POLLIN, 0};
    return ::poll(&ready, 1, 0) == 1;
}

// The helper, after fork: only async-signal-safe calls (the backend may have threads).
[[noreturn]] void fillUntilKilled(const char* procsFile, int pidfd, std::int64_t most) {
    const int procs = ::open(procsFile, O_WRONLY | O_CLOEXEC);
    if (procs < 0 || ::write(procs, "0", 1) != 1)
        ::_exit(3);
    const int memory = ::memfd_create("lifecycle-lab-oom", MFD_CLOEXEC);
    if (memory < 0)
        ::_exit(4);
    for (std::int64_t written = 0; written < most;) {
        const ssize_t n = ::write(memory, kZeros, kChunk);
        if (n <= 0 || hasExited(pidfd))
            ::_exit(0); // the kernel has killed (or ENOMEM: nothing left it could kill)
        written += n;
    }
    ::_exit(0);
}

} // namespace

Status provokeOomKill(const ResourceCgroups& cgroups, const std::vector<int>& pids, int pidfd,
                      std::vector<std::string>& trace) {
    for (int pid : pids) {
        const std::string file = "/proc/" + std::to_string(pid) + "/oom_score_adj";
        if (auto written = writeFile(file, "1000"); !written)
            return written;
        trace.push_back("write " + file + " <- 1000");
    }
    auto charged = cgroups.chargedMemory();
    if (!charged)
        return charged.error();
    const std::int64_t limit = *charged + kHeadroom;
    if (auto limited = cgroups.limitMemory(limit, trace); !limited)
        return limited;
    const std::string procsFile = cgroups.memoryProcsFile();
    const pid_t helper = ::_Fork();
    if (helper < 0) {
        const int err = errno;
        cgroups.limitMemory(std::nullopt, trace);
        return errnoError("fork", err);
    }
    if (helper == 0)
        fillUntilKilled(procsFile.c_str(), pidfd, 2 * limit);
    trace.push_back("fork() = " + std::to_string(helper) + ": write " + procsFile +
                    " <- 0, memfd_create + write 1 MiB at a time until the container's pidfd "
                    "is readable");
    int status = 0;
    while (::waitpid(helper, &status, 0) < 0 && errno == EINTR) {
    }
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    trace.push_back("waitpid(" + std::to_string(helper) + ") = exit " + std::to_string(code));
    auto lifted = cgroups.limitMemory(std::nullopt, trace);
    // 137: with nothing of the container left to kill, the kernel chose the helper itself.
    if (code != 0 && code != 137)
        return Error{"the OOM helper failed (" + std::to_string(code) + ") in " + procsFile};
    return lifted;
}

} // namespace lab::real
