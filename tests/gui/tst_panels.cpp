// The panels around the diagram: the state timeline (a band per container, a segment per state,
// on engine time), the explanation of each step, presenter mode and the themes, the fault menu
// that shows dead and restarting on demand.
#include "GuiFixture.h"
#include "gui/Words.h"
#include "gui/diagram/DiagramPalette.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/panels/ContainerTable.h"
#include "gui/panels/EventLogPanel.h"
#include "gui/panels/ExplanationPanel.h"
#include "gui/panels/FaultMenu.h"
#include "gui/panels/StateTimeline.h"
#include "gui/panels/TimelineChart.h"
#include "gui/window/DisplayModes.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"

#include <QAction>
#include <QAreaSeries>
#include <QLineSeries>
#include <QToolTip>
#include <QtTest>

using namespace lab;

namespace {

std::vector<LifecycleState> statesOf(const TimelineBand& band) {
    std::vector<LifecycleState> states;
    for (const TimelineSegment& segment : band.segments)
        states.push_back(segment.state);
    return states;
}

std::optional<ContainerState> stateOf(test::GuiFixture& fixture, const char* name) {
    Expected<Container*> found = fixture.session.engine().find(name);
    return found ? std::optional((*found)->state()) : std::nullopt;
}

// The place a segment's series is named after.
std::optional<LifecycleState> nodeNamed(const QString& name) {
    for (int i = int(LifecycleState::Start); i <= int(LifecycleState::Removed); ++i)
        if (nodeLabel(LifecycleState(i)) == name)
            return LifecycleState(i);
    return std::nullopt;
}

// Runs a console line and catches up with its steps at once (the playback may be paused).
void runAndShow(MainWindow& window, const QString& line) {
    window.console().runLine(line);
    window.playback().jumpToEngine();
}

// A timeline and its chart over a fresh engine, a container run and paused on it.
struct TimelineFixture : test::GuiFixture {
    StateTimeline states{timeline};
    TimelineChart chart{states};

    TimelineFixture() {
        runShown(QStringLiteral("run -d --name web busybox sleep 300"));
        runShown(QStringLiteral("pause web"));
    }
};

} // namespace

class TestPanels : public QObject {
    Q_OBJECT
private slots:
    void timelineHasABandPerContainerFollowingItsStates();
    void timelineChartDrawsEverySegmentInItsStateColour();
    void timelineScrollsWithEngineTime();
    void everyRowOfTheTableIsExplained();
    void explanationFollowsPauseAndStop();
    void f11TogglesPresenterMode();
    void darkThemeDarkensTheWindowAndTheDiagram();
    void failedRemovalLeavesTheContainerDead();
    void outOfMemoryNeedsARunningContainer();
    void daemonRestartBringsBackWhatItsPolicySays();
};

void TestPanels::timelineHasABandPerContainerFollowingItsStates() {
    test::GuiFixture fixture;
    StateTimeline timeline(fixture.timeline);
    fixture.runShown(QStringLiteral("run -d --name web busybox sleep 300"));
    fixture.session.sleep(2s);
    fixture.runShown(QStringLiteral("pause web"));
    fixture.session.sleep(3s);
    fixture.runShown(QStringLiteral("unpause web"));
    fixture.runShown(QStringLiteral("create --name later busybox"));
    fixture.runShown(QStringLiteral("stop -t 1 web"));
    fixture.runShown(QStringLiteral("rm web"));

    QCOMPARE(timeline.bands().size(), std::size_t(2));
    const TimelineBand& web = timeline.bands()[0];
    QCOMPARE(web.name, QStringLiteral("web"));
    QCOMPARE(statesOf(web), (std::vector{LifecycleState::Created, LifecycleState::Running,
                                         LifecycleState::Paused, LifecycleState::Running,
                                         LifecycleState::Exited, LifecycleState::Removing}));
    // Each segment starts where the one before ended; the removed container's band is closed.
    for (std::size_t i = 1; i < web.segments.size(); ++i)
        QCOMPARE(web.segments[i].from, *web.segments[i - 1].to);
    QVERIFY(web.segments.back().to.has_value());
    // run is create then start at once; then the engine time we let pass between commands
    // (the freezer takes a few milliseconds of it).
    QCOMPARE(web.segments[0].from, *web.segments[0].to);
    const TimelineSegment& paused = web.segments[2];
    QVERIFY(std::abs(*paused.to - paused.from - 3.0) < 0.05);
    const TimelineSegment& stopping = web.segments[3]; // stop -t 1 on sleep: SIGKILL after 1 s
    QVERIFY(*stopping.to - stopping.from >= 1.0);

    const TimelineBand& later = timeline.bands()[1];
    QCOMPARE(statesOf(later), std::vector{LifecycleState::Created});
    QVERIFY(!later.segments.back().to.has_value());
}

void TestPanels::timelineChartDrawsEverySegmentInItsStateColour() {
    TimelineFixture fixture;
    TimelineChart& chart = fixture.chart;
    fixture.runShown(QStringLiteral("create --name fresh busybox"));
    chart.refresh();
    std::vector<LifecycleState> drawn;
    for (QAbstractSeries* series : chart.segmentSeries()) {
        auto* area = qobject_cast<QAreaSeries*>(series);
        QVERIFY(area);
        const std::optional<LifecycleState> node = nodeNamed(area->name());
        QVERIFY2(node, qPrintable(area->name()));
        QCOMPARE(area->color(), nodeColour(*node));
        drawn.push_back(*node);
    }
    QCOMPARE(drawn, (std::vector{LifecycleState::Created, LifecycleState::Running,
                                 LifecycleState::Paused, LifecycleState::Created}));
    // Hovering a segment names it, for those who cannot tell the colours apart.
    auto* paused = qobject_cast<QAreaSeries*>(chart.segmentSeries()[2]);
    emit paused->hovered(QPointF(), true);
    QVERIFY2(QToolTip::text().startsWith(QStringLiteral("web: paused from ")),
             qPrintable(QToolTip::text()));
}

void TestPanels::timelineScrollsWithEngineTime() {
    TimelineFixture fixture;
    TimelineChart& chart = fixture.chart;
    fixture.runShown(QStringLiteral("unpause web"));
    chart.refresh();
    QCOMPARE(chart.segmentSeries().size(), 4); // created (for no time), running, paused, running
    // Two minutes later only the running segment is still in view, and it reaches now.
    fixture.session.sleep(120s);
    fixture.timeline.showAll();
    chart.refresh();
    QCOMPARE(chart.segmentSeries().size(), 1);
    auto* area = qobject_cast<QAreaSeries*>(chart.segmentSeries().front());
    QCOMPARE(area->upperSeries()->at(1).x(), fixture.states.now());
}

void TestPanels::everyRowOfTheTableIsExplained() {
    const auto& texts = explanationTexts();
    for (const TableRow& row : LifecycleMachine::table()) {
        const bool explained = std::any_of(texts.begin(), texts.end(), [&](const auto& entry) {
            return entry.when == explanationKey(row.trigger) &&
                   (!entry.target || *entry.target == row.target);
        });
        QVERIFY2(explained, qPrintable(nodeLabel(row.source) + QStringLiteral(" + ") +
                                       QString::fromUtf8(triggerName(row.trigger).data())));
    }
}

void TestPanels::explanationFollowsPauseAndStop() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.playback().setPaused(true);
    ExplanationPanel& explanation = window.explanation();
    // Paused, each command's steps are explained once the window shows them.
    auto run = [&](const QString& line) { runAndShow(window, line); };
    run(QStringLiteral("docker run -d --name web busybox sleep 300"));
    QCOMPARE(explanation.steps().back().headline, QStringLiteral("web is running"));
    run(QStringLiteral("docker pause web"));
    QCOMPARE(explanation.steps().back().headline, QStringLiteral("web is paused"));
    QVERIFY(explanation.toPlainText().contains(QStringLiteral("cgroup freezer")));
    run(QStringLiteral("docker stop -t 1 web"));
    QCOMPARE(explanation.steps().back().headline, QStringLiteral("web exited with code 137"));
    QVERIFY(explanation.toPlainText().contains(QStringLiteral("137 = 128 + 9 (SIGKILL")));
    // The steps before: the stop, then SIGTERM that PID 1 ignored, SIGKILL.
    const QString page = explanation.toPlainText();
    QVERIFY(page.contains(QStringLiteral("Stopping web: SIGTERM, a grace period, then SIGKILL")));
    QCOMPARE(page.count(QStringLiteral("Docker signalled web's PID 1")), 2);
    // A refusal says Docker's words and that nothing moved.
    run(QStringLiteral("docker pause web"));
    QCOMPARE(explanation.steps().back().headline,
             QStringLiteral("Docker refused `pause`: web stays exited"));
    QVERIFY(explanation.toPlainText().contains(
        QStringLiteral("Container %1 is not running").arg(fixture.idOf(QStringLiteral("web")))));
}

void TestPanels::f11TogglesPresenterMode() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto& events = *window.findChild<EventLogPanel*>();
    const qreal windowSize = window.font().pointSizeF();
    const qreal logSize = events.font().pointSizeF();
    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(window.displayModes().presenterAction()->isChecked());
    QVERIFY(window.windowState() & Qt::WindowFullScreen);
    QVERIFY(window.font().pointSizeF() > windowSize * 1.5);
    QVERIFY(window.console().input()->font().pointSizeF() > windowSize * 1.5);
    QVERIFY(events.font().pointSizeF() > logSize * 1.5); // a font of its own grows too
    QVERIFY(diagramStyle().lineScale > 1);
    QVERIFY(!events.isVisible()); // the room goes to the diagram
    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(events.isVisible());
    QVERIFY(!(window.windowState() & Qt::WindowFullScreen));
    QCOMPARE(window.font().pointSizeF(), windowSize);
    QCOMPARE(events.font().pointSizeF(), logSize);
    QCOMPARE(diagramStyle().lineScale, 1.0);
}

void TestPanels::darkThemeDarkensTheWindowAndTheDiagram() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    QVERIFY(window.palette().color(QPalette::Window).lightnessF() > 0.5);
    window.displayModes().darkThemeAction()->trigger();
    QVERIFY(window.palette().color(QPalette::Window).lightnessF() < 0.5);
    QVERIFY(window.console().palette().color(QPalette::Base).lightnessF() < 0.5);
    QCOMPARE(window.diagram().backgroundBrush().color(), paperColour());
    QVERIFY(paperColour().lightnessF() < 0.5 && inkColour().lightnessF() > 0.5);
    window.displayModes().darkThemeAction()->trigger();
    QVERIFY(window.palette().color(QPalette::Window).lightnessF() > 0.5);
    QCOMPARE(window.diagram().backgroundBrush().color(), QColor(Qt::white));
}

void TestPanels::failedRemovalLeavesTheContainerDead() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    QAction* fail = window.faultMenu().failNextRemovalAction();
    window.console().runLine(QStringLiteral("docker create --name doomed busybox"));
    window.console().runLine(QStringLiteral("docker create --name spared busybox"));
    QVERIFY(fail->isEnabled());
    fail->trigger();
    QVERIFY(!fail->isEnabled()); // armed: says so instead of arming twice
    QVERIFY(fail->toolTip().startsWith(QStringLiteral("Armed")));
    window.console().runLine(QStringLiteral("docker rm doomed"));
    QCOMPARE(stateOf(fixture, "doomed"), std::optional(ContainerState::Dead));
    window.playback().advance(5s); // the diagram shows the removal's steps on engine time
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Dead));
    QVERIFY(
        window.console().transcript().contains(QStringLiteral("failed to remove root filesystem")));
    QVERIFY(window.explanation().steps().back().headline.contains(QStringLiteral("dead")));
    // The fault is spent: the next removal works.
    QVERIFY(fail->isEnabled());
    window.console().runLine(QStringLiteral("docker rm spared"));
    QVERIFY(!fixture.session.engine().find("spared"));
}

void TestPanels::outOfMemoryNeedsARunningContainer() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.playback().setPaused(true);
    QAction* oom = window.faultMenu().outOfMemoryAction();
    // Paused, a command's container is selected once the window shows its steps.
    auto run = [&](const QString& line) { runAndShow(window, line); };
    QVERIFY(!oom->isEnabled());
    QCOMPARE(oom->toolTip(), QStringLiteral("Select a running container first"));
    run(QStringLiteral("docker run -d --name web busybox sleep 300"));
    QVERIFY(oom->isEnabled());
    run(QStringLiteral("docker pause web"));
    QVERIFY(!oom->isEnabled());
    QCOMPARE(oom->toolTip(),
             QStringLiteral("Only a running process can run out of memory: web is paused"));
    run(QStringLiteral("docker unpause web"));
    oom->trigger();
    window.playback().advance(1s);
    Expected<Container*> web = fixture.session.engine().find("web");
    QVERIFY(web);
    QCOMPARE((*web)->state(), ContainerState::Exited);
    QCOMPARE((*web)->record.exitCode, 137);
    QVERIFY((*web)->record.oomKilled);
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Exited));
}

void TestPanels::daemonRestartBringsBackWhatItsPolicySays() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.playback().setPaused(true);
    window.console().runLine(
        QStringLiteral("docker run -d --restart always --name keeper busybox sleep 300"));
    window.console().runLine(QStringLiteral("docker run -d --name plain busybox sleep 300"));
    QAction* restart = window.faultMenu().restartDaemonAction();
    restart->trigger();
    QVERIFY(!restart->isEnabled()); // once at a time: it waits for its containers to stop
    // The daemon stops both with their stop timeout (10 s: sleep ignores SIGTERM), then restores.
    window.playback().setSpeed(Playback::kFastest);
    window.playback().advance(1s); // 20 s of engine time
    QCOMPARE(stateOf(fixture, "keeper"), std::optional(ContainerState::Running));
    QCOMPARE(stateOf(fixture, "plain"), std::optional(ContainerState::Exited));
    QVERIFY(restart->isEnabled());
}

QTEST_MAIN(TestPanels)
#include "tst_panels.moc"
