#include "Syscalls.h"

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

namespace lab::real {

std::string errnoText(int err) {
    std::string text = std::strerror(err);
    if (!text.empty())
        text[0] = char(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

Error errnoError(const std::string& what, int err) {
    return Error{what + ": " + errnoText(err), err == EBUSY ? ErrorCode::Busy : ErrorCode::Kernel,
                 err};
}

Expected<UniqueFd> pidfdOpen(pid_t pid) {
    const long fd = ::syscall(SYS_pidfd_open, pid, 0);
    if (fd < 0)
        return errnoError("pidfd_open " + std::to_string(pid), errno);
    return UniqueFd(int(fd));
}

Status pidfdSignal(int pidfd, int signal) {
    if (::syscall(SYS_pidfd_send_signal, pidfd, signal, nullptr, 0) < 0)
        return errnoError("pidfd_send_signal " + std::to_string(signal), errno);
    return Ok{};
}

int pivotRoot(const char* newRoot, const char* putOld) {
    return int(::syscall(SYS_pivot_root, newRoot, putOld));
}

Expected<ExitStatus> waitPidfd(int pidfd, bool nonBlocking) {
    siginfo_t info{};
    int result = 0;
    do
        result =
            ::waitid(idtype_t(P_PIDFD), id_t(pidfd), &info, WEXITED | (nonBlocking ? WNOHANG : 0));
    while (result < 0 && errno == EINTR);
    if (result < 0)
        return errnoError("waitid", errno);
    if (info.si_pid == 0)
        return ExitStatus{-1, false};
    if (info.si_code == CLD_EXITED)
        return ExitStatus{info.si_status, false};
    return ExitStatus{128 + info.si_status, true};
}

Status writeFile(const std::string& path, const std::string& text) {
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CLOEXEC));
    if (!fd)
        return errnoError("open " + path, errno);
    if (::write(fd.get(), text.data(), text.size()) != ssize_t(text.size()))
        return errnoError("write " + path, errno);
    return Ok{};
}

Expected<std::string> readFile(const std::string& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return errnoError("open " + path, errno);
    std::string text;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errnoError("read " + path, errno);
        if (n == 0)
            return text;
        text.append(buffer, std::size_t(n));
    }
}

} // namespace lab::real
