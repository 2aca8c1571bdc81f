#include "BindMount.h"

#include "Syscalls.h"

#include <cerrno>
#include <sstream>
#include <sys/mount.h>

namespace lab::real {

Expected<BindMount> BindMount::readOnly(const std::string& source, const std::string& target,
                                        std::vector<std::string>& trace) {
    if (::mount(source.c_str(), target.c_str(), nullptr, MS_BIND, nullptr) < 0)
        return errnoError("mount --bind " + source + " " + target, errno);
    BindMount bound;
    bound.m_target =
        ScopedPath(target, [](const std::string& path) { ::umount2(path.c_str(), MNT_DETACH); });
    trace.push_back("mount(" + source + ", " + target + ", MS_BIND)");
    if (::mount(nullptr, target.c_str(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) < 0)
        return errnoError("remount read-only " + target, errno);
    trace.push_back("mount(" + target + ", MS_REMOUNT|MS_BIND|MS_RDONLY)");
    // Private: the host's shared propagation must not copy it into other namespaces.
    if (::mount(nullptr, target.c_str(), nullptr, MS_PRIVATE, nullptr) < 0)
        return errnoError("make private " + target, errno);
    trace.push_back("mount(" + target + ", MS_PRIVATE)");
    return bound;
}

Status BindMount::unmount(std::vector<std::string>& trace) {
    if (target().empty())
        return Ok{};
    if (::umount2(target().c_str(), 0) < 0)
        return errnoError("unmount " + target(), errno);
    trace.push_back("umount2(" + target() + ")");
    m_target.release();
    return Ok{};
}

std::vector<MountEntry> readMountinfo() {
    std::vector<MountEntry> mounts;
    auto mountinfo = readFile("/proc/self/mountinfo");
    if (!mountinfo)
        return mounts;
    std::istringstream lines(*mountinfo);
    for (std::string line; std::getline(lines, line);) {
        // "id parent dev root mountpoint options [optional...] - fstype source superoptions"
        std::istringstream fields(line);
        std::string skip, word, source;
        MountEntry entry;
        fields >> skip >> skip >> skip >> skip >> entry.mountPoint;
        while (fields >> word && word != "-") {
        }
        fields >> entry.type >> source >> entry.superOptions;
        mounts.push_back(std::move(entry));
    }
    return mounts;
}

bool isMountPoint(const std::string& path) {
    for (const MountEntry& mount : readMountinfo())
        if (mount.mountPoint == path)
            return true;
    return false;
}

} // namespace lab::real
