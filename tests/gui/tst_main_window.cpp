// The window as a learner uses it: commands typed in the console dock or pressed as buttons move
// the diagram; a button Docker would refuse is disabled and says Docker's refusal (the words of
// reference/transcripts/02-illegal-ops); the console keeps a history.
#include "GuiFixture.h"
#include "gui/CommandBar.h"
#include "gui/ConsolePanel.h"
#include "gui/ContainerTable.h"
#include "gui/LifecycleDiagram.h"
#include "gui/MainWindow.h"
#include "gui/Playback.h"

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
Q_DECLARE_METATYPE(lab::LifeNode)

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
    void everyControlHasAnAccessibleName();
};

void TestMainWindow::typedCommandMovesTheDiagram() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
    // The first container is selected by itself.
    QCOMPARE(window.containerTable().selectedContainer(), fixture.idOf(QStringLiteral("web")));
    QCOMPARE(window.diagram().activeNode(), std::optional(LifeNode::Running));
    window.console().runLine(QStringLiteral("docker pause web"));
    QCOMPARE(window.diagram().activeNode(), std::optional(LifeNode::Paused));
    QCOMPARE(window.diagram().takenEdge()->edge().source, LifeNode::Running);
    window.console().runLine(QStringLiteral("docker rm -f web"));
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
    QCOMPARE(window.diagram().activeNode(), std::optional(LifeNode::Paused));
    // A refused command selects its container too: the learner sees where it stands.
    window.console().runLine(QStringLiteral("docker unpause api"));
    QCOMPARE(window.containerTable().selectedContainer(), fixture.idOf(QStringLiteral("api")));
    QCOMPARE(window.diagram().activeNode(), std::optional(LifeNode::Running));
    // Commands that reach no machine (ps, a typo) leave the selection alone.
    window.console().runLine(QStringLiteral("docker ps"));
    window.console().runLine(QStringLiteral("docker pause nosuch"));
    QCOMPARE(window.containerTable().selectedContainer(), fixture.idOf(QStringLiteral("api")));
}

void TestMainWindow::buttonMovesTheDiagram_data() {
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<Command>("command");
    QTest::addColumn<LifeNode>("after");
    const QString run = QStringLiteral("docker run -d --name web busybox sleep 300");
    QTest::newRow("start a created container")
        << QStringList{"docker create --name web busybox sleep 300"} << Command::Start
        << LifeNode::Running;
    QTest::newRow("pause") << QStringList{run} << Command::Pause << LifeNode::Paused;
    QTest::newRow("unpause") << QStringList{run, "docker pause web"} << Command::Unpause
                             << LifeNode::Running;
    QTest::newRow("stop") << QStringList{run} << Command::Stop << LifeNode::Exited;
    QTest::newRow("kill a paused container")
        << QStringList{run, "docker pause web"} << Command::Kill << LifeNode::Exited;
    QTest::newRow("restart") << QStringList{run} << Command::Restart << LifeNode::Running;
}

void TestMainWindow::buttonMovesTheDiagram() {
    QFETCH(QStringList, setup);
    QFETCH(Command, command);
    QFETCH(LifeNode, after);
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    for (const QString& line : setup)
        window.console().runLine(line);
    QPushButton* button = window.commandBar().button(command);
    QVERIFY(button->isEnabled());
    button->click();
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
    QVERIFY(transcript.endsWith(
        QStringLiteral("Error response from daemon: Container %1 is not running").arg(id)));
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
