// The diagram's places as the learner reads them. Docker's seven state words are its own
// (.State.Status), so the bilingual mode keeps them and glosses them in Chinese.
#include "gui/Words.h"
#include "gui/i18n/Language.h"

#include <QCoreApplication>

namespace lab {
namespace {

// The text of a place in English; Docker's word for the seven states.
const char* sourceLabel(LifecycleState node) {
    switch (node) {
    case LifecycleState::Start:
        return QT_TRANSLATE_NOOP("States", "(no container)");
    case LifecycleState::Created:
        return QT_TRANSLATE_NOOP("States", "created");
    case LifecycleState::Running:
        return QT_TRANSLATE_NOOP("States", "running");
    case LifecycleState::Paused:
        return QT_TRANSLATE_NOOP("States", "paused");
    case LifecycleState::Restarting:
        return QT_TRANSLATE_NOOP("States", "restarting");
    case LifecycleState::Removing:
        return QT_TRANSLATE_NOOP("States", "removing");
    case LifecycleState::Exited:
        return QT_TRANSLATE_NOOP("States", "exited");
    case LifecycleState::Dead:
        return QT_TRANSLATE_NOOP("States", "dead");
    case LifecycleState::Removed:
        return QT_TRANSLATE_NOOP("States", "removed");
    }
    return "";
}

} // namespace

QString nodeLabel(LifecycleState node) {
    const char* source = sourceLabel(node);
    const QString translated = QCoreApplication::translate("States", source);
    if (currentLanguage() != UiLanguage::Bilingual || !dockerState(node))
        return translated;
    return QString::fromUtf8(source) + QStringLiteral("（") + translated + QStringLiteral("）");
}

} // namespace lab
