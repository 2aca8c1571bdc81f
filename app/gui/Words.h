#pragma once
// The core's words (std::string_view, UTF-8) as Qt strings.

#include "machines/Lifecycle.h"

#include <QString>
#include <string_view>

namespace lab {

/// UTF-8 text of the core as a QString.
inline QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

/// A place's name: "created", ..., "removed".
inline QString nodeLabel(LifecycleState node) {
    return toQString(nodeName(node));
}

} // namespace lab
