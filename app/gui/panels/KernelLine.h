#pragma once
// A kernel operation as the explanation lists it: the real backend writes full paths with
// 64-character container IDs ("/sys/fs/cgroup/freezer/lifecycle-lab/<id>/freezer.state"), too
// long for a dock; the list shows IDs as docker ps does and paths by their last two parts.

#include <QString>

namespace lab {

/// The line with every 64-hex ID cut to 12 and every path of more than two parts shortened to
/// "…/" and its last two ("…/3f2a1b4c5d6e/freezer.state").
QString shortKernelLine(const QString& line);

} // namespace lab
