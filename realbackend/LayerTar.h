#pragma once
// One image layer, a tar archive (plain or gzip-compressed; libarchive parses both), applied
// onto a root filesystem as the OCI image spec's changesets say: a ".wh.<name>" entry deletes
// <name> in its own directory (".wh.", ".wh.." and ".wh..." are refused), a ".wh..wh..opq" entry
// empties its directory of what the lower layers put there.
// Nothing in a layer can reach outside the root filesystem: an entry with a ".." component or
// an absolute path is refused, and every directory is opened with openat2(RESOLVE_IN_ROOT), so a
// symlink, from this layer or a lower one, resolves inside the root filesystem as it would in
// the container.

#include "base/Expected.h"

#include <string>

namespace lab::real {

/// Applies the layer at tarPath onto the directory rootfs; the error names the entry.
Status applyLayer(const std::string& tarPath, const std::string& rootfs);

} // namespace lab::real
