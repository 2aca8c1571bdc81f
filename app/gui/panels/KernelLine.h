#pragma once
// A kernel operation as the explanation lists it: the real backend writes full paths with
// 64-character container IDs ("/run/lifecycle-lab/containers/<id>/rootfs",
// "/sys/fs/cgroup/memory/lifecycle-lab/<id>/cgroup.procs"), too long for a dock. The list shows
// IDs as docker ps does, the lab's state directory as "…" and the cgroup mount as "cgroup:"
// (as /proc/PID/cgroup names a group); the full line is the tooltip.

#include <QString>

namespace lab {

/// The line with every 64-hex ID cut to 12, the directory holding the lab's containers/ and
/// images/ written "…", and /sys/fs/cgroup written "cgroup:" ("mkdir
/// cgroup:/memory/lifecycle-lab/3f2a1b4c5d6e", "pivot_root(…/containers/3f2a1b4c5d6e/rootfs)").
QString shortKernelLine(const QString& line);

} // namespace lab
