// The screenshots of docs/screenshots: each is a short console script played on the window with
// engine time paused between lines, so the pictures are the same on every run. After its lines a
// scene shows every step the engine took, or holds the last command part-way (a stop running
// down its timeout).
#include "engine/Engine.h"
#include "gui/ConsolePanel.h"
#include "gui/ContainerTable.h"
#include "gui/GuiApp.h"
#include "gui/LifecycleDiagram.h"
#include "gui/MainWindow.h"
#include "gui/Playback.h"
#include "gui/StepTimeline.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <optional>
#include <vector>

namespace lab {
namespace {

struct Scene {
    QString file;
    std::vector<QString> lines;   // console lines, played on the state the previous scene left
    QString selected;             // the container the diagram follows
    std::optional<Duration> hold; // show only this much engine time of the last line
};

const std::vector<Scene>& scenes() {
    static const std::vector<Scene> all = {
        {QStringLiteral("paused-container.png"),
         {QStringLiteral("docker run -d --name web busybox sleep 300"), QStringLiteral("@sleep 3"),
          QStringLiteral("docker pause web"), QStringLiteral("docker ps -a")},
         QStringLiteral("web")},
        {QStringLiteral("several-containers.png"),
         {QStringLiteral("docker create --name fresh busybox"),
          QStringLiteral("docker run --name job busybox echo hello"),
          QStringLiteral("docker run -d --name api busybox sleep 600"),
          QStringLiteral("docker run -d --restart always --name flappy busybox sh -c \"exit 3\""),
          QStringLiteral("@sleep 0.05"), QStringLiteral("docker stop -t 2 api"),
          QStringLiteral("docker ps -a")},
         QStringLiteral("api")},
        {QStringLiteral("refused-command.png"),
         {QStringLiteral("docker rm web")},
         QStringLiteral("web")},
        {QStringLiteral("stop-countdown.png"),
         {QStringLiteral("docker run -d --name slow busybox sleep 600"),
          QStringLiteral("docker stop slow")},
         QStringLiteral("slow"),
         std::chrono::milliseconds(6500)},
    };
    return all;
}

} // namespace

Status saveScreenshots(MainWindow& window, const QString& dir) {
    if (!QDir().mkpath(dir))
        return Error{"cannot create " + dir.toStdString()};
    window.playback().setPaused(true);
    window.resize(1600, 1100);
    window.show();
    QApplication::processEvents();
    StepTimeline& timeline = window.playback().timeline();
    for (const Scene& scene : scenes()) {
        TimePoint lastLine = window.engine().clock().now();
        for (const QString& line : scene.lines) {
            timeline.showAll();
            lastLine = window.engine().clock().now();
            window.console().runLine(line);
        }
        if (scene.hold)
            timeline.showUntil(lastLine + *scene.hold);
        else
            timeline.showAll();
        Expected<Container*> selected = window.engine().find(scene.selected.toStdString());
        if (!selected)
            return selected.error().context("screenshot " + scene.file.toStdString());
        window.containerTable().selectContainer(QString::fromStdString((*selected)->id));
        window.diagram().settle();
        QApplication::processEvents();
        const QString path = QDir(dir).filePath(scene.file);
        if (!window.grab().save(path))
            return Error{"cannot write " + path.toStdString()};
    }
    // The diagram alone, as a vector picture for slides, in the state the last scene left.
    return window.diagram().exportTo(QDir(dir).filePath(QStringLiteral("lifecycle-diagram.svg")));
}

} // namespace lab
