#pragma once
// Where the daemon listens: $XDG_RUNTIME_DIR/lifecycle-lab/docker.sock by default, in a
// directory only the user can enter, the socket itself mode 0600. A socket left by a daemon that
// died is replaced; one that still answers belongs to a running daemon and is refused.

#include "base/Expected.h"

#include <string>

namespace lab::daemon {

/// $XDG_RUNTIME_DIR/lifecycle-lab/docker.sock, or /tmp/lifecycle-lab-UID/docker.sock when
/// XDG_RUNTIME_DIR is unset.
std::string defaultSocketPath();

/// Makes path ready to bind: its directory exists (created 0700 when the lab makes it), and no
/// live daemon owns it; a stale socket file is removed. Anything else at path is refused.
Status prepareSocketPath(const std::string& path);

} // namespace lab::daemon
