#include "daemon/DaemonSocket.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace lab::daemon {
namespace {

Error systemError(const std::string& what) {
    return Error{what + ": " + std::strerror(errno), ErrorCode::Kernel, errno};
}

// True when something accepts connections on path.
bool answers(const std::string& path) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
    const bool connected =
        ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

} // namespace

std::string defaultSocketPath() {
    const char* runtime = std::getenv("XDG_RUNTIME_DIR");
    if (runtime && *runtime)
        return std::string(runtime) + "/lifecycle-lab/docker.sock";
    return "/tmp/lifecycle-lab-" + std::to_string(::getuid()) + "/docker.sock";
}

Status prepareSocketPath(const std::string& path) {
    if (path.empty() || path.size() >= sizeof(sockaddr_un{}.sun_path))
        return Error{"socket path must be 1 to " +
                         std::to_string(sizeof(sockaddr_un{}.sun_path) - 1) +
                         " bytes long: " + path,
                     ErrorCode::Invalid};
    const auto slash = path.rfind('/');
    const std::string directory = slash == std::string::npos ? "." : path.substr(0, slash);
    struct stat info {};
    if (!directory.empty() && ::stat(directory.c_str(), &info) != 0) {
        if (errno != ENOENT || ::mkdir(directory.c_str(), 0700) != 0)
            return systemError("creating the socket's directory " + directory);
    } else if (!directory.empty() && !S_ISDIR(info.st_mode)) {
        return Error{directory + " is not a directory", ErrorCode::Invalid};
    }
    if (::lstat(path.c_str(), &info) != 0)
        return errno == ENOENT ? Status(Ok{}) : Status(systemError("looking at " + path));
    if (!S_ISSOCK(info.st_mode))
        return Error{path + " exists and is not a socket; the lab does not remove it",
                     ErrorCode::Conflict};
    if (answers(path))
        return Error{"another daemon is listening on " + path +
                         " (stop it, or pass --socket with another path)",
                     ErrorCode::Conflict};
    if (::unlink(path.c_str()) != 0)
        return systemError("removing the stale socket " + path);
    return Ok{};
}

} // namespace lab::daemon
