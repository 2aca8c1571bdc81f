#include "gui/i18n/CoreWords.h"

#include <QCoreApplication>
#include <string>

namespace lab {
namespace {

// The words, for lupdate to extract; tst_language checks that every outcome, run step and run
// outcome and part of the core is among them, so a word added to the core is not left untranslated.
[[maybe_unused]] constexpr const char* kWords[] = {
    // Outcomes of the lifecycle (outcomeName).
    QT_TRANSLATE_NOOP("CoreWords", "process started"),
    QT_TRANSLATE_NOOP("CoreWords", "start failed"),
    QT_TRANSLATE_NOOP("CoreWords", "signalled"),
    QT_TRANSLATE_NOOP("CoreWords", "stop timed out"),
    QT_TRANSLATE_NOOP("CoreWords", "frozen"),
    QT_TRANSLATE_NOOP("CoreWords", "freeze failed"),
    QT_TRANSLATE_NOOP("CoreWords", "thawed"),
    QT_TRANSLATE_NOOP("CoreWords", "process exited"),
    QT_TRANSLATE_NOOP("CoreWords", "back-off elapsed"),
    QT_TRANSLATE_NOOP("CoreWords", "removal done"),
    QT_TRANSLATE_NOOP("CoreWords", "removal failed"),
    QT_TRANSLATE_NOOP("CoreWords", "out of memory"),
    QT_TRANSLATE_NOOP("CoreWords", "daemon stopping"),
    QT_TRANSLATE_NOOP("CoreWords", "daemon restored"),
    // Steps of the run flow (stepName).
    QT_TRANSLATE_NOOP("CoreWords", "start"),
    QT_TRANSLATE_NOOP("CoreWords", "check options"),
    QT_TRANSLATE_NOOP("CoreWords", "parse reference"),
    QT_TRANSLATE_NOOP("CoreWords", "look up image locally"),
    QT_TRANSLATE_NOOP("CoreWords", "query registry"),
    QT_TRANSLATE_NOOP("CoreWords", "pull layers"),
    QT_TRANSLATE_NOOP("CoreWords", "create container"),
    QT_TRANSLATE_NOOP("CoreWords", "attach"),
    QT_TRANSLATE_NOOP("CoreWords", "start container"),
    QT_TRANSLATE_NOOP("CoreWords", "wait for exit"),
    QT_TRANSLATE_NOOP("CoreWords", "auto-remove"),
    QT_TRANSLATE_NOOP("CoreWords", "done"),
    QT_TRANSLATE_NOOP("CoreWords", "failed: options"),
    QT_TRANSLATE_NOOP("CoreWords", "failed: reference"),
    QT_TRANSLATE_NOOP("CoreWords", "failed: no such image"),
    QT_TRANSLATE_NOOP("CoreWords", "failed: pull"),
    QT_TRANSLATE_NOOP("CoreWords", "failed: create"),
    QT_TRANSLATE_NOOP("CoreWords", "failed: start"),
    // Outcomes of the run flow (outcomeName).
    QT_TRANSLATE_NOOP("CoreWords", "options valid"),
    QT_TRANSLATE_NOOP("CoreWords", "options invalid"),
    QT_TRANSLATE_NOOP("CoreWords", "options conflict"),
    QT_TRANSLATE_NOOP("CoreWords", "reference valid"),
    QT_TRANSLATE_NOOP("CoreWords", "reference invalid"),
    QT_TRANSLATE_NOOP("CoreWords", "image found"),
    QT_TRANSLATE_NOOP("CoreWords", "image missing"),
    QT_TRANSLATE_NOOP("CoreWords", "manifest found"),
    QT_TRANSLATE_NOOP("CoreWords", "registry refused"),
    QT_TRANSLATE_NOOP("CoreWords", "registry unreachable"),
    QT_TRANSLATE_NOOP("CoreWords", "layer pulled"),
    QT_TRANSLATE_NOOP("CoreWords", "pull complete"),
    QT_TRANSLATE_NOOP("CoreWords", "pull interrupted"),
    QT_TRANSLATE_NOOP("CoreWords", "created"),
    QT_TRANSLATE_NOOP("CoreWords", "create failed"),
    QT_TRANSLATE_NOOP("CoreWords", "attached"),
    QT_TRANSLATE_NOOP("CoreWords", "started"),
    QT_TRANSLATE_NOOP("CoreWords", "exited"),
    QT_TRANSLATE_NOOP("CoreWords", "removed"),
    // Docker's parts that do the run flow's steps (partName).
    QT_TRANSLATE_NOOP("CoreWords", "docker CLI"),
    QT_TRANSLATE_NOOP("CoreWords", "daemon"),
    QT_TRANSLATE_NOOP("CoreWords", "registry"),
    QT_TRANSLATE_NOOP("CoreWords", "runtime"),
    // The backends (session/EngineSession.cpp, modeName).
    QT_TRANSLATE_NOOP("CoreWords", "simulation"),
    QT_TRANSLATE_NOOP("CoreWords", "real (root)"),
};

} // namespace

QStringList coreWords(const QStringList& words) {
    QStringList translated;
    for (const QString& word : words)
        translated << coreWord(word.toStdString());
    return translated;
}

QString coreWord(std::string_view english) {
    return QCoreApplication::translate("CoreWords", std::string(english).c_str());
}

} // namespace lab
