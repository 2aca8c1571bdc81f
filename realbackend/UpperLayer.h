#pragma once
// docker commit's layer: a container's overlay upper directory written as a layer tarball in the
// image spec's terms. Files, directories and symbolic links keep their mode, owner and time; a
// whiteout (overlayfs's character device 0:0) becomes an empty ".wh.<name>" entry, an opaque
// directory (xattr trusted.overlay.opaque "y") gets a ".wh..wh..opq" entry first. Entries are
// sorted by name, so the same writes give the same layer. A renamed directory or a metadata-only
// copy that overlayfs keeps as a pointer below (redirect_dir, metacopy: off by default) is refused.

#include "base/Expected.h"

#include <string>

namespace lab::real {

/// The layer tarball (pax) of the upper directory upperDir; an error names an entry that cannot
/// be kept (a device node, a FIFO or a socket the container made, an unreadable file).
Expected<std::string> layerOfUpperDir(const std::string& upperDir);

} // namespace lab::real
