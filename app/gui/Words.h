#pragma once
// The core's words (std::string_view, UTF-8) as Qt strings, and the places' names as shown.

#include "machines/Lifecycle.h"

#include <QString>
#include <string_view>

namespace lab {

/// UTF-8 text of the core as a QString.
inline QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

/// A place's name as the learner reads it in the current language (gui/i18n/StateNames.cpp):
/// "paused", "已暂停" or "paused（已暂停）"; the start of a life is "(no container)", not a
/// state a learner could confuse with the command start.
QString nodeLabel(LifecycleState node);

} // namespace lab
