// The window as a learner uses it: commands typed in the console dock or pressed as buttons move
// the diagram; a button Docker would refuse is disabled and says Docker's refusal (the words of
// tests/golden/reference-02-illegal-ops); the console keeps a history.
#include "GuiFixture.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/panels/CommandBar.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/panels/ContainerTable.h"
#include "gui/panels/ExplanationPanel.h"
#include "gui/panels/FaultMenu.h"
#include "gui/panels/StateTimeline.h"
#include "gui/runflow/RunFlowChart.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"
#include "gui/window/PlaybackBar.h"
#include "gui/window/RecordedSession.h"
#include "gui/window/StepTimeline.h"

#include <QAction>
#include <QComboBox>
#include <QGraphicsView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTextEdit>
#include <QtTest>

using namespace lab;

Q_DECLARE_METATYPE(lab::Command)
Q_DECLARE_METATYPE(lab::LifecycleState)

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void typedCommandMovesTheDiagram();
    void commandSelectsItsContainer();
    void buttonMovesTheDiagram_data();
    void buttonMovesTheDiagram();
    void refusedCommandsAreDisabledWithDockersWords_data();
    void refusedCommandsAreDisabledWithDockersWords();
    void consoleShowsTheConsolesOutput();
    void historyRecallsEarlierLines();
    void playbackLetsEngineTimePass();
    void stopIsShownStepByStep();
    void stepBackReplaysToTheStepBefore();
    void stepBackReplaysFaultsToo();
    void resetStartsAFreshEngine();
    void panelsFollowAReplayedEngine();
    void stepPlaysTheFlowchart();
    void stepsAreDisabledWithAReason();
    void arrowKeysStep();
    void tabCompletesCommandsContainersAndImages();
    void everyControlHasAnAccessibleName();
};

void TestMainWindow::typedCommandMovesTheDiagram() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
    // The first container is selected by itself.
    QCOMPARE(window.containerTable().selectedContainer(), fixture.idOf(QStringLiteral("web")));
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Running));
    window.console().runLine(QStringLiteral("docker pause web"));
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Paused));
    QCOMPARE(window.diagram().takenEdge()->edge().source, LifecycleState::Running);
    const QString web = fixture.idOf(QStringLiteral("web"));
    window.console().runLine(QStringLiteral("docker rm -f web"));
    // The process takes a moment of engine time to die: the removal shows when playback gets there.
    QCOMPARE(window.containerTable().selectedContainer(), web);
    window.playback().advance(std::chrono::seconds(1));
    QCOMPARE(window.containerTable().selectedContainer(), QString());
    QCOMPARE(window.diagram().activeNode(), std::nullopt);
}

void TestMainWindow::commandSelectsItsContainer() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
    window.console().runLine(QStringLiteral("docker run -d --name api busybox sleep 300"));
    QCOMPARE(window.containerTable().selectedContainer(), fixture.idOf(QStringLiteral("api")));
    window.console().runLine(QStringLiteral("docker pause web"));
    QCOMPARE(window.containerTable().selectedContainer(), fixture.idOf(QStringLiteral("web")));
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Paused));
    // A refused command selects its container too: the learner sees where it stands.
    window.console().runLine(QStringLiteral("docker unpause api"));
    QCOMPARE(window.containerTable().selectedContainer(), fixture.idOf(QStringLiteral("api")));
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Running));
    // Commands that reach no machine (ps, a typo) leave the selection alone.
    window.console().runLine(QStringLiteral("docker ps"));
    window.console().runLine(QStringLiteral("docker pause nosuch"));
    QCOMPARE(window.containerTable().selectedContainer(), fixture.idOf(QStringLiteral("api")));
}

void TestMainWindow::buttonMovesTheDiagram_data() {
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<Command>("command");
    QTest::addColumn<LifecycleState>("after");
    const QString run = QStringLiteral("docker run -d --name web busybox sleep 300");
    QTest::newRow("start a created container")
        << QStringList{"docker create --name web busybox sleep 300"} << Command::Start
        << LifecycleState::Running;
    QTest::newRow("pause") << QStringList{run} << Command::Pause << LifecycleState::Paused;
    QTest::newRow("unpause") << QStringList{run, "docker pause web"} << Command::Unpause
                             << LifecycleState::Running;
    QTest::newRow("stop") << QStringList{run} << Command::Stop << LifecycleState::Exited;
    QTest::newRow("kill a paused container")
        << QStringList{run, "docker pause web"} << Command::Kill << LifecycleState::Exited;
    QTest::newRow("restart") << QStringList{run} << Command::Restart << LifecycleState::Running;
}

void TestMainWindow::buttonMovesTheDiagram() {
    QFETCH(QStringList, setup);
    QFETCH(Command, command);
    QFETCH(LifecycleState, after);
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    for (const QString& line : setup)
        window.console().runLine(line);
    QPushButton* button = window.commandBar().button(command);
    QVERIFY(button->isEnabled());
    button->click();
    // Stop waits out its timeout and kill waits for the exit: let the engine time pass.
    window.playback().advance(std::chrono::seconds(15));
    QCOMPARE(window.diagram().activeNode(), std::optional(after));
    QVERIFY(window.console().transcript().contains(QStringLiteral("docker> docker ")));
}

void TestMainWindow::refusedCommandsAreDisabledWithDockersWords_data() {
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<Command>("command");
    QTest::addColumn<QString>("message"); // ID stands for the container's full ID
    const QString create = QStringLiteral("docker create --name c1 busybox sleep 1000");
    QTest::newRow("pause a created container")
        << QStringList{create} << Command::Pause
        << "Error response from daemon: Container ID is not running";
    QTest::newRow("unpause a created container")
        << QStringList{create} << Command::Unpause
        << "Error response from daemon: Container ID is not paused";
    QTest::newRow("kill a created container")
        << QStringList{create} << Command::Kill
        << "Error response from daemon: Cannot kill container: c1: Container ID is not running";
    QTest::newRow("unpause a running container")
        << QStringList{create, "docker start c1"} << Command::Unpause
        << "Error response from daemon: Container ID is not paused";
    const QStringList paused{create, "docker start c1", "docker pause c1"};
    QTest::newRow("pause a paused container")
        << paused << Command::Pause << "Error response from daemon: Container ID is already paused";
    QTest::newRow("start a paused container")
        << paused << Command::Start
        << "Error response from daemon: cannot start a paused container, try unpause instead";
    QTest::newRow("rm a paused container") << paused << Command::Remove
                                           << "Error response from daemon: You cannot remove a "
                                              "paused container ID. Unpause and then stop the "
                                              "container before attempting removal or force remove";
}

void TestMainWindow::refusedCommandsAreDisabledWithDockersWords() {
    QFETCH(QStringList, setup);
    QFETCH(Command, command);
    QFETCH(QString, message);
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    for (const QString& line : setup)
        window.console().runLine(line);
    QPushButton* button = window.commandBar().button(command);
    QVERIFY(!button->isEnabled());
    QCOMPARE(button->toolTip(),
             message.replace(QStringLiteral("ID"), fixture.idOf(QStringLiteral("c1"))));
    // Docker's silent no-ops stay pressable: they succeed (02-illegal-ops: stop on created).
    if (setup.size() == 1)
        QVERIFY(window.commandBar().button(Command::Stop)->isEnabled());
}

void TestMainWindow::consoleShowsTheConsolesOutput() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.console().runLine(QStringLiteral("docker create --name c1 busybox sleep 1000"));
    window.console().runLine(QStringLiteral("docker pause c1"));
    const QString id = fixture.idOf(QStringLiteral("c1"));
    const QString transcript = window.console().transcript();
    QVERIFY(transcript.contains(QStringLiteral("\n%1\n").arg(id)));
    // Docker's refusal, then the status a prompt shows: the CLI's 1 for a daemon error.
    QVERIFY(transcript.endsWith(
        QStringLiteral("Error response from daemon: Container %1 is not running\n[exit 1]")
            .arg(id)));
}

void TestMainWindow::historyRecallsEarlierLines() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    HistoryLineEdit* input = window.console().input();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    input->setFocus();
    const bool wasPaused = window.playback().isPaused();
    // Typed key by key: Space, the pause shortcut, must still type a space in the line.
    for (const char* line : {"docker ps", "docker images"}) {
        QTest::keyClicks(input, QString::fromUtf8(line));
        QTest::keyClick(input, Qt::Key_Return);
    }
    QCOMPARE(input->text(), QString());
    input->setText(QStringLiteral("docker ver"));
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->text(), QStringLiteral("docker images"));
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->text(), QStringLiteral("docker ps"));
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->text(), QStringLiteral("docker ps"));
    QTest::keyClick(input, Qt::Key_Down);
    QTest::keyClick(input, Qt::Key_Down);
    QCOMPARE(input->text(), QStringLiteral("docker ver")); // what was being typed comes back
    QVERIFY(window.console().transcript().contains(QStringLiteral("docker> docker images")));
    QCOMPARE(window.playback().isPaused(), wasPaused);
    // Anywhere else, Space pauses and resumes engine time.
    window.diagram().setFocus();
    QTest::keyClick(&window.diagram(), Qt::Key_Space);
    QCOMPARE(window.playback().isPaused(), !wasPaused);
    QTest::keyClick(&window.diagram(), Qt::Key_Space);
    QCOMPARE(window.playback().isPaused(), wasPaused);
}

void TestMainWindow::playbackLetsEngineTimePass() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.playback().setPaused(true);
    window.console().runLine(
        QStringLiteral("docker run -d --restart always --name flappy busybox false"));
    window.console().runLine(QStringLiteral("docker run -d --name nap busybox sleep 2"));
    const TimePoint before = fixture.session.engine().clock().now();
    window.playback().setSpeed(20); // 20 engine seconds per wall second
    window.playback().advance(std::chrono::milliseconds(500));
    QCOMPARE(fixture.session.engine().clock().now() - before, Duration(std::chrono::seconds(10)));
    window.playback().setSpeed(100);
    QCOMPARE(window.playback().speed(), Playback::kFastest);
    // sleep 2 ended on its own while engine time passed.
    Expected<Container*> nap = fixture.session.engine().find("nap");
    QVERIFY(nap);
    QCOMPARE((*nap)->state(), ContainerState::Exited);
}

namespace {

// What `docker ps -a` prints on the window's engine now (a read-only command, not recorded).
QString psAll(MainWindow& window) {
    DockerCli cli(window.engine());
    QString text;
    for (const std::string& line : cli.run({"ps", "-a"}).out)
        text += QString::fromStdString(line) + u'\n';
    return text;
}

// Presses Step until every step the engine took is shown.
void stepToTheEnd(MainWindow& window) {
    while (window.playback().timeline().waiting() > 0)
        window.playback().step();
}

} // namespace

void TestMainWindow::stopIsShownStepByStep() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
    window.playback().setPaused(true);
    window.console().runLine(QStringLiteral("docker stop web"));
    // The engine is done; the window shows each step on its own press, and stop's output
    // with the last of them.
    QVERIFY(window.console().transcript().endsWith(QStringLiteral("docker> docker stop web")));
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Running));
    QStringList captions;
    while (window.playback().timeline().waiting() > 0) {
        window.playback().step();
        captions << window.diagram().caption();
    }
    const QString story = captions.join(u'\n');
    const qsizetype term = story.indexOf(QStringLiteral("signal 15 (SIGTERM) sent to PID 1"));
    const qsizetype kill = story.indexOf(QStringLiteral("signal 9 (SIGKILL) sent to PID 1"));
    const qsizetype exit = story.indexOf(QStringLiteral("exited with code 137"));
    QVERIFY2(term >= 0 && kill > term && exit > kill, qPrintable(story));
    QVERIFY2(story.contains(QStringLiteral("SIGKILL in 10.0 s")), qPrintable(story));
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Exited));
    // The engine ran the 10 s timeout at once, and says so; then the status, as a prompt would.
    QVERIFY2(window.console().transcript().endsWith(
                 QStringLiteral("\nweb\n(engine time +10.0 s)\n[exit 0]")),
             qPrintable(window.console().transcript()));
}

void TestMainWindow::stepBackReplaysToTheStepBefore() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.playback().setPaused(true);
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
    window.console().runLine(QStringLiteral("docker pause web"));
    stepToTheEnd(window);
    const QString paused = psAll(window);
    QVERIFY(paused.contains(QStringLiteral("(Paused)")));
    const std::size_t pausedSteps = window.playback().timeline().shownCount();
    window.console().runLine(QStringLiteral("docker unpause web"));
    stepToTheEnd(window);
    QVERIFY(!psAll(window).contains(QStringLiteral("(Paused)")));
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Running));
    const std::size_t unpausedSteps = window.playback().timeline().shownCount();
    // One step back: the thaw is undone on the diagram; the replayed engine took it again,
    // so Step shows it once more.
    window.playback().stepBack();
    QCOMPARE(window.playback().timeline().shownCount(), unpausedSteps - 1);
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Paused));
    window.playback().step();
    QCOMPARE(window.playback().timeline().shownCount(), unpausedSteps);
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Running));
    // Back over every step of unpause: the engine is replayed to where it stood after pause,
    // and the panels show that engine.
    while (window.playback().timeline().shownCount() > pausedSteps)
        window.playback().stepBack();
    QCOMPARE(psAll(window), paused);
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Paused));
    QCOMPARE(window.containerTable().model()->rowCount(), 1);
}

void TestMainWindow::stepBackReplaysFaultsToo() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.console().runLine(QStringLiteral("docker create --name web busybox"));
    window.faultMenu().failNextRemovalAction()->trigger();
    window.console().runLine(QStringLiteral("docker rm web"));
    window.playback().advance(std::chrono::seconds(5));
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Dead));
    QVERIFY(window.diagram().refusal().contains(QStringLiteral("device or resource busy")));
    // Back one step and forward again: the replay armed the fault before rm, as the learner did.
    window.playback().stepBack();
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Removing));
    window.playback().step();
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Dead));
    // Without the fault replayed, rm would have removed the container from the new engine.
    QVERIFY(psAll(window).contains(QStringLiteral("   Dead   ")));
}

void TestMainWindow::resetStartsAFreshEngine() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    const QString empty = psAll(window);
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
    QVERIFY(psAll(window) != empty);
    window.playbackBar().resetAction()->trigger();
    QCOMPARE(psAll(window), empty);
    QCOMPARE(window.containerTable().model()->rowCount(), 0);
    QCOMPARE(window.diagram().nodeItem(LifecycleState::Running)->count(), 0);
    // The same seed: the same ID and name come back.
    window.console().runLine(QStringLiteral("docker run -d busybox sleep 300"));
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
    QCOMPARE(window.diagram().nodeItem(LifecycleState::Running)->count(), 2);
}

void TestMainWindow::stepsAreDisabledWithAReason() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.playback().setPaused(true);
    QAction* step = window.playbackBar().stepAction();
    QAction* back = window.playbackBar().stepBackAction();
    for (QAction* action : {step, back}) {
        QVERIFY(!action->isEnabled());
        QVERIFY(!action->toolTip().isEmpty());
    }
    QCOMPARE(step->toolTip(), window.playback().whyNoStep());
    QCOMPARE(back->toolTip(), window.playback().whyNoStepBack());
    window.console().runLine(QStringLiteral("docker run -d --name nap busybox sleep 5"));
    QVERIFY(step->isEnabled()); // its steps wait to be shown
    stepToTheEnd(window);
    QVERIFY(back->isEnabled());
    // Nothing waits, but the engine has a timer: sleep 5 ends. Step runs the engine to it.
    QVERIFY(step->isEnabled());
    const TimePoint before = window.engine().clock().now();
    step->trigger();
    QCOMPARE(window.diagram().caption(), QStringLiteral("nap: process exited — the process "
                                                        "exited with code 0 — ⚑ die"));
    QVERIFY(window.engine().clock().now() - before >= std::chrono::seconds(5));
    stepToTheEnd(window);
    QVERIFY(!step->isEnabled()); // nothing is due any more
}

void TestMainWindow::panelsFollowAReplayedEngine() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
    window.console().runLine(QStringLiteral("docker pause web"));
    window.playback().advance(std::chrono::seconds(1));
    const QString web = fixture.idOf(QStringLiteral("web"));
    window.containerTable().selectContainer(web);
    QCOMPARE(window.timeline().bands().back().segments.back().state, LifecycleState::Paused);
    QVERIFY(!window.faultMenu().outOfMemoryAction()->isEnabled()); // paused: no OOM
    // Back before the pause command (the freezer takes a step of its own, and the engine replays
    // a command whole): every panel tells the replayed engine's story, once.
    auto webNode = [&] { return window.engine().byId(web.toStdString())->machine.node(); };
    for (int back = 0; back < 5 && webNode() == LifecycleState::Paused; ++back)
        window.playback().stepBack();
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Running));
    QCOMPARE(window.timeline().bands().size(), std::size_t(1));
    const std::vector<TimelineSegment>& segments = window.timeline().bands().back().segments;
    QCOMPARE(segments.size(), std::size_t(2));
    QCOMPARE(segments.back().state, LifecycleState::Running);
    QVERIFY(!segments.back().to);
    QVERIFY(window.explanation().steps().back().headline.contains(QStringLiteral("running")));
    QVERIFY(window.faultMenu().outOfMemoryAction()->isEnabled()); // running again: it can
    window.faultMenu().outOfMemoryAction()->trigger();
    window.playback().advance(std::chrono::seconds(1));
    QCOMPARE(window.engine().byId(web.toStdString())->record.exitCode, 137);
}

void TestMainWindow::stepPlaysTheFlowchart() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.playback().setPaused(true);
    // nginx is not local: the run pulls it first, and only then creates the container.
    window.console().runLine(QStringLiteral("docker run -d --name proxy nginx"));
    const std::vector<RunStep> before = window.flowChart().litSteps();
    QVERIFY(!isEnd(before.back()));
    window.playback().step(); // to the container's creation, after the pull
    const std::vector<RunStep> after = window.flowChart().litSteps();
    QVERIFY2(after.size() > before.size(), qPrintable(QString::number(after.size())));
    QCOMPARE(window.flowChart().shownTime(), window.playback().timeline().shownTime());
}

void TestMainWindow::arrowKeysStep() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.playback().setPaused(true);
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
    const StepTimeline& timeline = window.playback().timeline();
    QCOMPARE(timeline.shownCount(), std::size_t(0));
    window.diagram().setFocus();
    QTest::keyClick(&window.diagram(), Qt::Key_Right);
    QTest::keyClick(&window.diagram(), Qt::Key_Right);
    QCOMPARE(timeline.shownCount(), std::size_t(2));
    QTest::keyClick(&window.diagram(), Qt::Key_Left);
    QCOMPARE(timeline.shownCount(), std::size_t(1));
    // In the console line the arrows move the cursor, as in any line editor.
    window.console().input()->setFocus();
    window.console().input()->setText(QStringLiteral("docker ps"));
    QTest::keyClick(window.console().input(), Qt::Key_Left);
    QCOMPARE(window.console().input()->cursorPosition(), 8);
    QCOMPARE(timeline.shownCount(), std::size_t(1));
}

void TestMainWindow::tabCompletesCommandsContainersAndImages() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
    window.console().runLine(QStringLiteral("docker run -d --name worker busybox sleep 300"));
    HistoryLineEdit* input = window.console().input();
    input->setFocus();
    auto complete = [&](const QString& typed) {
        input->setText(typed);
        QTest::keyClick(input, Qt::Key_Tab);
        return input->text();
    };
    QCOMPARE(complete(QStringLiteral("docker unpa")), QStringLiteral("docker unpause "));
    QCOMPARE(complete(QStringLiteral("docker stop web")), QStringLiteral("docker stop web "));
    // Two names fit: the common part, and the shell's list of both.
    QCOMPARE(complete(QStringLiteral("docker stop w")), QStringLiteral("docker stop w"));
    QVERIFY(window.console().transcript().endsWith(QStringLiteral("web   worker")));
    QCOMPARE(complete(QStringLiteral("docker stop wo")), QStringLiteral("docker stop worker "));
    QCOMPARE(complete(QStringLiteral("run -d busy")), QStringLiteral("run -d busybox"));
    QCOMPARE(complete(QStringLiteral("docker stop nosuch")), QStringLiteral("docker stop nosuch"));
    QVERIFY(input->hasFocus()); // Tab did not move the focus
}

void TestMainWindow::everyControlHasAnAccessibleName() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    QList<QWidget*> controls;
    auto add = [&](const auto& widgets) {
        for (QWidget* widget : widgets)
            controls << widget;
    };
    add(window.findChildren<QPushButton*>());
    add(window.findChildren<QLineEdit*>());
    add(window.findChildren<QComboBox*>());
    add(window.findChildren<QTableView*>());
    add(window.findChildren<QGraphicsView*>());
    add(window.findChildren<QPlainTextEdit*>());
    add(window.findChildren<QTextEdit*>());
    for (QWidget* widget : controls)
        QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
    // 8 buttons, the line, the speed, the table, the diagram, the timeline, 2 logs, the
    // explanation
    QVERIFY(controls.size() >= 16);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
