#pragma once
// Rootless mode: a normal user's containers run in a user namespace of their own that maps the
// user to root inside (uid_map "0 <uid> 1", setgroups "deny", gid_map "0 <gid> 1", written by the
// parent while the child waits), so the child may mount, set the hostname and bring up lo in the
// namespaces it owns. Where the kernel refuses unprivileged user namespaces, the sysctl that says
// so is named.

#include "base/Expected.h"

#include <string>
#include <sys/types.h>
#include <vector>

namespace lab::real {

/// True when this process is not root: containers then need a user namespace.
bool isRootless();

/// /run/lifecycle-lab for root, $XDG_RUNTIME_DIR/lifecycle-lab for a user; empty when a user has
/// no XDG_RUNTIME_DIR.
std::string defaultStateDir();

/// Maps this process's effective uid and gid to root in the user namespace of pid: the files
/// written go into the trace.
Status mapToRoot(pid_t pid, std::vector<std::string>& trace);

/// The sysctls that forbid this user a user namespace, in words ("kernel.unprivileged_userns_clone
/// is 0"), or empty when none does.
std::string userNamespaceRefusal();

} // namespace lab::real
