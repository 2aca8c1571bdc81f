#pragma once
// A container's root filesystem on the host: the image directory bind-mounted read-only at
// <state>/containers/<id>/rootfs (the writable /tmp is a tmpfs the container's own mount
// namespace adds). Unmounted when its owner goes, so no mount outlives the backend.

#include "base/Expected.h"

#include <string>
#include <vector>

namespace lab::real {

/// A read-only bind mount, private to the host's namespace.
class BindMount {
public:
    /// mount --bind source target, remount ro, make private; the trace gets each call.
    static Expected<BindMount> readOnly(const std::string& source, const std::string& target,
                                        std::vector<std::string>& trace);
    BindMount() = default;
    ~BindMount();
    BindMount(BindMount&& other) noexcept;
    BindMount& operator=(BindMount&& other) noexcept;
    BindMount(const BindMount&) = delete;
    BindMount& operator=(const BindMount&) = delete;

    /// Where it is mounted; empty once unmounted.
    const std::string& target() const { return m_target; }
    /// umount2(target, 0): a busy mount is an error, as Docker's driver reports it.
    Status unmount(std::vector<std::string>& trace);

private:
    std::string m_target;
};

/// True when path is a mount point (its device differs from its parent's, or it is a bind of
/// the same device: the /proc/self/mountinfo check).
bool isMountPoint(const std::string& path);

} // namespace lab::real
