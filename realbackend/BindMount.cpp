#include "BindMount.h"

#include "Syscalls.h"

#include <sys/mount.h>

#include <cerrno>
#include <sstream>

namespace lab::real {

Expected<BindMount> BindMount::readOnly(const std::string& source, const std::string& target,
                                        std::vector<std::string>& trace) {
    if (::mount(source.c_str(), target.c_str(), nullptr, MS_BIND, nullptr) < 0)
        return errnoError("mount --bind " + source + " " + target, errno);
    BindMount bound;
    bound.m_target = target;
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

BindMount::~BindMount() {
    if (!m_target.empty())
        ::umount2(m_target.c_str(), MNT_DETACH);
}

BindMount::BindMount(BindMount&& other) noexcept : m_target(std::move(other.m_target)) {
    other.m_target.clear();
}

BindMount& BindMount::operator=(BindMount&& other) noexcept {
    if (this != &other) {
        if (!m_target.empty())
            ::umount2(m_target.c_str(), MNT_DETACH);
        m_target = std::move(other.m_target);
        other.m_target.clear();
    }
    return *this;
}

Status BindMount::unmount(std::vector<std::string>& trace) {
    if (m_target.empty())
        return Ok{};
    if (::umount2(m_target.c_str(), 0) < 0)
        return errnoError("unmount " + m_target, errno);
    trace.push_back("umount2(" + m_target + ")");
    m_target.clear();
    return Ok{};
}

bool isMountPoint(const std::string& path) {
    auto mountinfo = readFile("/proc/self/mountinfo");
    if (!mountinfo)
        return false;
    std::istringstream lines(*mountinfo);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream fields(line);
        std::string skip, mountPoint;
        fields >> skip >> skip >> skip >> skip >> mountPoint;
        if (mountPoint == path)
            return true;
    }
    return false;
}

} // namespace lab::real
