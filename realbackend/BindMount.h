#pragma once
// A container's root filesystem on the host, mounted at <state>/containers/<id>/rootfs: an
// overlay of the image with the container's own writable upper directory (Overlay.cpp), or, where
// overlayfs is unavailable, the image directory bind-mounted read-only. Unmounted when its owner
// goes, so no mount outlives the backend.

#include "Overlay.h"
#include "ScopedPath.h"
#include "base/Expected.h"

#include <string>
#include <vector>

namespace lab::real {

/// A mount of a root filesystem (read-only bind or overlay), private to the host's namespace.
class BindMount {
public:
    /// mount --bind source target, remount ro, make private; the trace gets each call.
    static Expected<BindMount> readOnly(const std::string& source, const std::string& target,
                                        std::vector<std::string>& trace);
    /// mount -t overlay with dirs at target (upper and work made here), make private.
    static Expected<BindMount> overlay(const OverlayDirs& dirs, const std::string& target,
                                       std::vector<std::string>& trace);
    /// Where it is mounted; empty once unmounted.
    const std::string& target() const { return m_target.get(); }
    /// umount2(target, 0): a busy mount is an error, as Docker's driver reports it.
    Status unmount(std::vector<std::string>& trace);

private:
    ScopedPath m_target; // lazily unmounted if never unmounted properly
};

/// One line of /proc/self/mountinfo, the fields the backend reads.
struct MountEntry {
    std::string mountPoint;
    std::string type;         ///< "cgroup2", "cgroup", "proc", ...
    std::string superOptions; ///< "rw,freezer" for the v1 freezer
};
/// This process's mounts, in mount order.
std::vector<MountEntry> readMountinfo();
/// True when path is a mount point, binds of a directory of the same filesystem included.
bool isMountPoint(const std::string& path);

} // namespace lab::real
