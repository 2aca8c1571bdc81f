#include "gui/lessons/LessonScreenshots.h"

#include "engine/Engine.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/lessons/LessonsPanel.h"
#include "gui/panels/ContainerTable.h"
#include "gui/window/DisplayModes.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>

namespace lab {
namespace {

const QString kLesson = QStringLiteral("06-stop-and-pid1");
constexpr QSize kProjector(1280, 800);

} // namespace

Status saveLessonScreenshots(MainWindow& window, const QString& dir) {
    LessonsPanel& panel = window.lessons();
    if (!panel.openLesson(kLesson))
        return Error{"screenshot: no lesson " + kLesson.toStdString()};
    panel.setLanguage(Language::English);
    panel.startOpenLesson(true);
    LessonCourse& course = panel.course();
    if (!course.started() || !course.answers().question)
        return Error{"screenshot: " + kLesson.toStdString() + " does not start with a question"};
    course.answer(course.answers().question->answer);
    for (int command = 0; command < course.step().commands.size(); ++command)
        course.runCommand(command);
    window.playback().timeline().showAll();
    window.playback().advance(std::chrono::milliseconds(1)); // the panes, and the answer, follow
    const QString container = course.step().checks.front().container;
    Expected<Container*> shown = window.engine().find(container.toStdString());
    if (!shown)
        return shown.error().context("screenshot " + kLesson.toStdString());
    window.containerTable().selectContainer(QString::fromStdString((*shown)->id));
    window.showFlowChart(false);
    window.diagram().settle();
    // As a lecture hall's projector shows it (1280x800): light, dark, and in presenter mode
    // with the panels called up (F9), light and dark, in both languages.
    DisplayModes& modes = window.displayModes();
    struct Look {
        QString name; // "" for the README's pictures
        bool dark;
        bool presenting;
    };
    for (const Look& look :
         {Look{QString(), false, false}, Look{QStringLiteral("-dark"), true, false},
          Look{QStringLiteral("-presenter"), false, true},
          Look{QStringLiteral("-presenter-dark"), true, true}}) {
        modes.darkThemeAction()->setChecked(look.dark);
        modes.presenterAction()->setChecked(look.presenting);
        modes.panelsAction()->setChecked(look.presenting);
        window.showNormal(); // the offscreen screen may be smaller than a projector's
        window.resize(kProjector);
        panel.raiseDock();
        for (const Language language : {Language::English, Language::Chinese}) {
            panel.setLanguage(language);
            QApplication::processEvents();
            const QString path = QDir(dir).filePath(
                QStringLiteral("lesson%1-%2.png").arg(look.name, languageCode(language)));
            if (!window.grab().save(path))
                return Error{"cannot write " + path.toStdString()};
        }
    }
    modes.presenterAction()->setChecked(false);
    modes.darkThemeAction()->setChecked(false);
    panel.setLanguage(languageFor(QLocale()));
    return Ok{};
}

} // namespace lab
