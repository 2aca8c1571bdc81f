#pragma once
// The core's own words that the window shows (machines/LifecycleText.cpp and RunFlowText.cpp
// write them in English, Qt-free): the lifecycle's outcomes, the run flow's steps and outcomes,
// and the backends' names, in the current language. Docker's words (commands, events, messages) are
// not among them: they stay as Docker prints them.

#include <QString>
#include <QStringList>
#include <string_view>

namespace lab {

/// english in the current language; english itself when the catalogue has no translation.
QString coreWord(std::string_view english);
/// Each of words (English, as the core's tables keep them) in the current language.
QStringList coreWords(const QStringList& words);

} // namespace lab
