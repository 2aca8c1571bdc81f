// The screenshots of docs/screenshots: each is a short console script played on the window with
// engine time paused between lines, so the pictures are the same on every run. After its lines a
// scene shows every step the engine took, or holds the last command part-way (a stop running
// down its timeout).
#include "engine/Engine.h"
#include "gui/architecture/ArchitectureView.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/lessons/LessonScreenshots.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/panels/ContainerTable.h"
#include "gui/panels/ExplanationPanel.h"
#include "gui/panels/TimelineChart.h"
#include "gui/runflow/RunFlowChart.h"
#include "gui/window/DisplayModes.h"
#include "gui/window/GuiApp.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"
#include "gui/window/StepTimeline.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QPixmap>
#include <optional>
#include <vector>

namespace lab {
namespace {

// What a scene's picture shows.
enum class Shot { Window, FlowChart, Timeline, Presenter, Architecture };

struct Scene {
    QString file;
    std::vector<QString> lines; // console lines, played on the state the previous scene left
    QString selected;           // the container the diagram follows
    Shot shot = Shot::Window;
    std::optional<Duration> hold; // show only this much engine time of the last line
    Duration played{};            // how long the playback then runs (at 1x), so flows play out
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
        // Half a minute more of the five containers above: flappy's back-off grows.
        {QStringLiteral("timeline.png"),
         {QStringLiteral("@sleep 6"), QStringLiteral("docker unpause web"),
          QStringLiteral("@sleep 5"), QStringLiteral("docker start api"),
          QStringLiteral("@sleep 4"), QStringLiteral("docker rm job"), QStringLiteral("@sleep 3"),
          QStringLiteral("docker stop -t 3 web"), QStringLiteral("@sleep 4"),
          QStringLiteral("docker pause api"), QStringLiteral("@sleep 3")},
         QStringLiteral("api"),
         Shot::Timeline},
        {QStringLiteral("presenter-mode.png"),
         {QStringLiteral("docker unpause api"), QStringLiteral("docker pause api")},
         QStringLiteral("api"),
         Shot::Presenter},
        // The paused api cannot be removed: the refusal, and why.
        {QStringLiteral("refused-command.png"),
         {QStringLiteral("docker rm api")},
         QStringLiteral("api")},
        {QStringLiteral("stop-countdown.png"),
         {QStringLiteral("docker run -d --name slow busybox sleep 600"),
          QStringLiteral("docker stop slow")},
         QStringLiteral("slow"),
         Shot::Window,
         std::chrono::milliseconds(6500)},
        // nginx's two big layers still downloading, its four small ones waiting to extract.
        {QStringLiteral("pull-in-progress.png"),
         {QStringLiteral("docker run -d --name proxy nginx")},
         QStringLiteral("proxy"),
         Shot::FlowChart,
         Duration::zero(),
         std::chrono::milliseconds(900)},
        // A missing image: the create answered 404, the pull, the create again, attach, wait,
        // start.
        {QStringLiteral("architecture.png"),
         {QStringLiteral("docker run --name fetched alpine")},
         QStringLiteral("fetched"),
         Shot::Architecture,
         std::nullopt,
         std::chrono::seconds(30)},
    };
    return all;
}

QPixmap shoot(MainWindow& window, Shot shot) {
    switch (shot) {
    case Shot::Window:
    case Shot::FlowChart:
    case Shot::Architecture:
        return window.grab();
    case Shot::Timeline: {
        // The dock is narrow in the window: the same timeline, on a chart of its own, wide.
        TimelineChart wide(window.timeline());
        wide.resize(1400, 420);
        wide.show();
        QApplication::processEvents();
        return wide.grab();
    }
    case Shot::Presenter: {
        QAction* presenter = window.displayModes().presenterAction();
        presenter->setChecked(true);
        // What a projector's full screen shows, whatever size the offscreen screen is.
        window.showNormal();
        window.resize(1920, 1080);
        QApplication::processEvents();
        QPixmap picture = window.grab();
        presenter->setChecked(false);
        window.showNormal();
        window.resize(1600, 1100);
        QApplication::processEvents();
        return picture;
    }
    }
    return {};
}

// The window as a projector shows it, in both themes: the state the scenes left, at the sizes of
// a lecture hall's projectors, as the window opens (fitted to the screen) and in presenter mode.
Status shootSizes(MainWindow& window, const QString& dir) {
    const std::vector<QSize> sizes = {{1024, 768}, {1280, 800}, {1920, 1080}};
    QAction* dark = window.displayModes().darkThemeAction();
    QAction* presenter = window.displayModes().presenterAction();
    for (const bool presenting : {false, true})
        for (const bool inDark : {false, true})
            for (const QSize& size : sizes) {
                dark->setChecked(inDark);
                presenter->setChecked(presenting);
                window.showNormal(); // the offscreen screen may be smaller than a projector's
                window.resize(size);
                QApplication::processEvents();
                const QString file =
                    QStringLiteral("%1-%2x%3-%4.png")
                        .arg(presenting ? QStringLiteral("presenter") : QStringLiteral("window"))
                        .arg(size.width())
                        .arg(size.height())
                        .arg(inDark ? QStringLiteral("dark") : QStringLiteral("light"));
                const QString path = QDir(dir).filePath(file);
                if (!window.grab().save(path))
                    return Error{"cannot write " + path.toStdString()};
            }
    presenter->setChecked(false);
    dark->setChecked(false);
    window.showNormal();
    window.resize(1600, 1100);
    return Ok{};
}

} // namespace

Status saveScreenshots(MainWindow& window, const QString& dir) {
    if (!QDir().mkpath(dir))
        return Error{"cannot create " + dir.toStdString()};
    window.playback().setPaused(true);
    window.resize(1600, 1100);
    window.show();
    // The scenes are explained beside them (on the real backend with the kernel's operations);
    // the lessons have pictures of their own.
    if (auto* dock = qobject_cast<QDockWidget*>(window.explanation().parentWidget()))
        dock->raise();
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
        window.playback().advance(scene.played);
        window.showFlowChart(scene.shot == Shot::FlowChart);
        if (scene.shot == Shot::Architecture)
            window.showArchitecture();
        window.architecture().settle();
        Expected<Container*> selected = window.engine().find(scene.selected.toStdString());
        if (!selected)
            return selected.error().context("screenshot " + scene.file.toStdString());
        window.containerTable().selectContainer(QString::fromStdString((*selected)->id));
        window.diagram().settle();
        QApplication::processEvents();
        const QString path = QDir(dir).filePath(scene.file);
        if (!shoot(window, scene.shot).save(path))
            return Error{"cannot write " + path.toStdString()};
    }
    window.showFlowChart(false);
    if (Status shot = shootSizes(window, dir); !shot)
        return shot;
    // The drawings alone, as vector pictures for slides, in the state the last scene left.
    if (Status written =
            window.diagram().exportTo(QDir(dir).filePath(QStringLiteral("lifecycle-diagram.svg")));
        !written)
        return written;
    if (Status written =
            window.flowChart().exportTo(QDir(dir).filePath(QStringLiteral("run-flow.svg")));
        !written)
        return written;
    return saveLessonScreenshots(window, dir);
}

} // namespace lab
