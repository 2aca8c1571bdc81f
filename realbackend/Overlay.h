#pragma once
// A container's writable root filesystem: overlayfs with the image's layers as the read-only
// lower directories and the container's own upper and work directories (under
// <state>/containers/<id>/) taking every write, so no container changes the image and the
// writes go with the container. Where overlayfs is unavailable the image is bind-mounted
// read-only instead (BindMount::readOnly), and the backend says so.

#include "base/Expected.h"

#include <string>
#include <vector>

namespace lab::real {

/// The directories of one overlay mount.
struct OverlayDirs {
    std::vector<std::string> lower; ///< read-only, top layer first
    std::string upper;              ///< the container's writes
    std::string work;               ///< overlayfs's scratch space, same filesystem as upper
};

/// Whether the kernel mounts an overlay in scratchDir (made and removed here); the error is the
/// kernel's reason (no overlay module, an upper directory on a filesystem it refuses...).
Status probeOverlay(const std::string& scratchDir);

} // namespace lab::real
