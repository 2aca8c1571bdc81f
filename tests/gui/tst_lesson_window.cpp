// A lesson played in the window, as a learner plays it: Next waits for the step's check, a
// prediction hides the command's result from every pane until it is answered, Step back keeps
// the lesson going on the replayed engine, progress and the first-run welcome live in the
// settings across windows, a lesson for the real backend says why it cannot start here, and
// the console shows each line's exit status as a shell prompt would.
#include "GuiFixture.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/lessons/LessonProgress.h"
#include "gui/lessons/LessonsPanel.h"
#include "gui/lessons/PredictBox.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/panels/ContainerTable.h"
#include "gui/panels/EventLogPanel.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"
#include "gui/window/StepTimeline.h"
#include "player/LessonFile.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace lab;

Q_DECLARE_METATYPE(lab::BackendKind)

namespace {

// A teacher's lesson: start a sleep (checked running), then predict the exit code of its stop.
const char* kLesson = R"({
  "title": {"en": "Stop a sleep", "zh_CN": "停止一个 sleep"},
  "summary": {"en": "What docker stop does.", "zh_CN": "docker stop 做了什么。"},
  "seed": 7,
  "steps": [
    {"text": {"en": "Start a sleep.", "zh_CN": "启动一个 sleep。"},
     "commands": ["docker run -d --name sleeper busybox sleep 300"],
     "checks": [{"container": "sleeper", "state": "running"}],
     "hint": {"en": "Press the command.", "zh_CN": "按下命令。"}},
    {"text": {"en": "Stop it.", "zh_CN": "停止它。"},
     "commands": ["docker stop sleeper"],
     "predict": {"ask": "exitCode", "container": "sleeper",
                 "question": {"en": "Which exit code?", "zh_CN": "退出码是多少？"},
                 "explain": {"en": "It ended with {exitCode:sleeper}.",
                             "zh_CN": "它以 {exitCode:sleeper} 结束。"}},
     "checks": [{"container": "sleeper", "state": "exited"}]}
  ]
})";

QString tableText(MainWindow& window) {
    QAbstractItemModel* model = window.containerTable().findChild<QTableView*>()
                                    ? window.containerTable().findChild<QTableView*>()->model()
                                    : nullptr;
    QStringList cells;
    for (int row = 0; model && row < model->rowCount(); ++row)
        for (int column = 0; column < model->columnCount(); ++column)
            cells << model->index(row, column).data().toString();
    return cells.join(u' ');
}

QString eventsText(MainWindow& window) {
    return window.findChild<EventLogPanel*>()->toPlainText();
}

} // namespace

class TestLessonWindow : public QObject {
    Q_OBJECT
private slots:
    void init();
    void nextWaitsForTheCheck();
    void predictionHidesTheResultUntilAnswered();
    void teacherModeWaitsForTheTeacher();
    void lessonSurvivesStepBack();
    void startOverBeginsFromTheLessonsWorldAndSeed();
    void progressSurvivesANewWindow();
    void firstRunOpensStartHereOnce();
    void realBackendLessonSaysWhy();
    void consoleShowsTheExitStatus();
    void lessonFollowsTheLanguage();

private:
    /// The teacher's lesson, started in window.
    LessonsPanel& startLesson(MainWindow& window);

    QTemporaryDir m_settings;
    QTemporaryDir m_files;
};

void TestLessonWindow::init() {
    // Every test starts as a first run: settings of its own, in a fresh folder.
    QVERIFY(m_settings.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QSettings().clear();
}

LessonsPanel& TestLessonWindow::startLesson(MainWindow& window) {
    const QString path = m_files.filePath(QStringLiteral("stop-a-sleep.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(kLesson) < 0)
        qFatal("cannot write the lesson");
    file.close();
    LessonsPanel& panel = window.lessons();
    if (!panel.openLessonFile(path))
        qFatal("the lesson does not load: %s", qPrintable(panel.shownText()));
    panel.startOpenLesson(true);
    return panel;
}

void TestLessonWindow::nextWaitsForTheCheck() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    LessonsPanel& panel = startLesson(window);
    QCOMPARE(panel.course().stepIndex(), 0);
    QCOMPARE(panel.commandButtons().size(), std::size_t(1));
    QVERIFY(!panel.nextButton()->isEnabled());
    panel.commandButtons().front()->click();
    // Typed into the console, as if by hand, and run there.
    QVERIFY(window.console().transcript().contains(
        QStringLiteral("docker> docker run -d --name sleeper busybox sleep 300")));
    QVERIFY(panel.shownText().contains(QStringLiteral("✓ sleeper is running")));
    QVERIFY(panel.nextButton()->isEnabled());
    // The check is on the engine, whatever moved it: paused by hand, sleeper is not running.
    window.console().runLine(QStringLiteral("docker pause sleeper"));
    QVERIFY(panel.shownText().contains(QStringLiteral("○ sleeper is running")));
    QVERIFY(panel.shownText().contains(QStringLiteral("Hint: Press the command.")));
    QVERIFY(!panel.nextButton()->isEnabled());
    window.console().runLine(QStringLiteral("docker unpause sleeper"));
    QVERIFY(panel.nextButton()->isEnabled());
    panel.nextButton()->click();
    QCOMPARE(panel.course().stepIndex(), 1);
    QVERIFY(!panel.nextButton()->isEnabled());
}

void TestLessonWindow::predictionHidesTheResultUntilAnswered() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    LessonsPanel& panel = startLesson(window);
    panel.commandButtons().front()->click();
    panel.nextButton()->click();
    const QString eventsBefore = eventsText(window);
    const QString tableBefore = tableText(window);
    // The command is typed, not run: no pane shows what it does.
    panel.commandButtons().front()->click();
    QCOMPARE(window.console().input()->text(), QStringLiteral("docker stop sleeper"));
    QVERIFY(!window.console().input()->isEnabled());
    QVERIFY(!window.console().transcript().contains(QStringLiteral("docker stop sleeper")));
    QCOMPARE(eventsText(window), eventsBefore);
    QCOMPARE(tableText(window), tableBefore);
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Running));
    QVERIFY(panel.predictBox().verdict().isEmpty());
    QVERIFY(!panel.nextButton()->isEnabled());
    // The answer runs it; the answer is explained once the playback has shown the end.
    const std::vector<QPushButton*> choices = panel.predictBox().choices();
    QVERIFY(choices.size() >= 2);
    choices.front()->click();
    QVERIFY(window.console().transcript().contains(QStringLiteral("docker> docker stop sleeper")));
    QVERIFY(window.console().input()->isEnabled());
    QVERIFY(window.playback().timeline().waiting() > 0); // the stop's timeout still runs down
    QVERIFY(panel.predictBox().verdict().isEmpty());
    QVERIFY(!panel.nextButton()->isEnabled());
    window.playback().advance(std::chrono::seconds(30));
    QCOMPARE(window.playback().timeline().waiting(), std::size_t(0));
    Expected<Container*> sleeper = window.engine().find("sleeper");
    QVERIFY(sleeper.has_value());
    const QString exitCode = QString::number((*sleeper)->record.exitCode);
    const QString verdict = panel.predictBox().verdict();
    QVERIFY2(verdict.contains(QStringLiteral("It ended with ") + exitCode), qPrintable(verdict));
    const bool right = choices.front()->text().endsWith(exitCode);
    QVERIFY2(verdict.startsWith(right ? QStringLiteral("✓") : QStringLiteral("✗")),
             qPrintable(verdict));
    QVERIFY(panel.nextButton()->isEnabled());
}

void TestLessonWindow::teacherModeWaitsForTheTeacher() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    LessonsPanel& panel = startLesson(window);
    panel.course().setTeacherMode(true);
    panel.commandButtons().front()->click();
    panel.nextButton()->click();
    panel.predictBox().choices().back()->click();
    panel.commandButtons().front()->click();
    window.playback().advance(std::chrono::seconds(30));
    QVERIFY(panel.predictBox().verdict().isEmpty());
    QVERIFY(!panel.nextButton()->isEnabled());
    QVERIFY(panel.predictBox().revealButton()->isVisibleTo(&panel.predictBox()));
    panel.predictBox().revealButton()->click();
    QVERIFY(!panel.predictBox().verdict().isEmpty());
    QVERIFY(panel.nextButton()->isEnabled());
}

void TestLessonWindow::lessonSurvivesStepBack() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    LessonsPanel& panel = startLesson(window);
    panel.commandButtons().front()->click();
    QVERIFY(panel.nextButton()->isEnabled());
    // Back to the created container: the check follows what the playback shows of the
    // replayed engine.
    window.playback().stepBack();
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Created));
    QVERIFY(!panel.nextButton()->isEnabled());
    QCOMPARE(panel.course().stepIndex(), 0);
    window.playback().step();
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Running));
    QVERIFY(panel.nextButton()->isEnabled());
    panel.nextButton()->click();
    // The replayed engine's events reach the lesson: the stop is checked there.
    panel.predictBox().choices().front()->click();
    panel.commandButtons().front()->click();
    window.playback().advance(std::chrono::seconds(30));
    QVERIFY(panel.shownText().contains(QStringLiteral("✓ sleeper is exited")));
    QVERIFY(panel.nextButton()->isEnabled());
}

void TestLessonWindow::startOverBeginsFromTheLessonsWorldAndSeed() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    LessonsPanel& panel = startLesson(window);
    panel.commandButtons().front()->click();
    panel.nextButton()->click();
    panel.commandButtons().front()->click(); // typed, waiting for the prediction
    auto* restart = panel.findChild<QPushButton*>(QStringLiteral("lessonRestart"));
    QVERIFY(restart && !restart->isHidden());
    restart->click();
    QCOMPARE(panel.course().stepIndex(), 0);
    QVERIFY(!window.engine().find("sleeper").has_value());
    QVERIFY(window.console().input()->isEnabled());
    QVERIFY(window.console().input()->text().isEmpty());
    QVERIFY(!panel.nextButton()->isEnabled());
    // The lesson's seed makes the IDs: the same as a fresh simulation of that seed gives.
    panel.commandButtons().front()->click();
    SimulatedSession twin(test::defaultWorld(), 7);
    const CliOutput created = twin.run(readConsoleLine("docker run -d --name sleeper busybox "
                                                       "sleep 300")
                                           .args);
    QCOMPARE(QString::fromStdString((*window.engine().find("sleeper"))->id),
             QString::fromStdString(created.out.front()));
    QVERIFY(panel.nextButton()->isEnabled());
}

void TestLessonWindow::progressSurvivesANewWindow() {
    QString first;
    {
        test::GuiFixture fixture;
        MainWindow window(fixture.session);
        LessonsPanel& panel = window.lessons();
        panel.startOpenLesson(true);
        QVERIFY(panel.course().started());
        first = panel.course().lesson().id;
        // Whatever the first step asks: any answer, every command, the playback to its end.
        if (!panel.predictBox().choices().empty())
            panel.predictBox().choices().front()->click();
        for (std::size_t i = 0; i < panel.commandButtons().size(); ++i)
            panel.commandButtons()[i]->click();
        window.playback().advance(std::chrono::minutes(5));
        QVERIFY2(panel.nextButton()->isEnabled(), qPrintable(panel.shownText()));
        panel.nextButton()->click();
        QCOMPARE(panel.course().stepIndex(), 1);
    }
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    LessonsPanel& panel = window.lessons();
    QVERIFY(!panel.course().started());
    QCOMPARE(panel.startButton()->text(), QStringLiteral("Continue at step 2"));
    panel.startButton()->click();
    QCOMPARE(panel.course().lesson().id, first);
    QCOMPARE(panel.course().stepIndex(), 1);
    // The step before was caught up in the console, so the engine is where the lesson left it.
    const std::vector<LessonStep> steps = lessonSteps(panel.course().lesson(), 1);
    const LessonStep& before = steps.front();
    for (const QString& line : before.commands)
        QVERIFY(window.console().transcript().contains(QStringLiteral("docker> ") + line));
}

void TestLessonWindow::firstRunOpensStartHereOnce() {
    const QString welcome = QStringLiteral("Welcome!");
    auto lessons = loadLessonDirectory(builtInLessonDirectory());
    QVERIFY(lessons.has_value() && !lessons->empty());
    {
        test::GuiFixture fixture;
        MainWindow window(fixture.session);
        QVERIFY(window.lessons().shownText().contains(welcome));
        QVERIFY(window.lessons().shownText().contains(lessons->front().title.en));
        window.lessons().openLesson(lessons->back().id);
    }
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    QVERIFY(!window.lessons().shownText().contains(welcome));
    QVERIFY(window.lessons().shownText().contains(lessons->back().title.en));
    // Help > Start here opens it again.
    QAction* startHere = nullptr;
    for (QAction* menu : window.menuBar()->actions())
        for (QAction* action : menu->menu() ? menu->menu()->actions() : QList<QAction*>())
            if (action == window.lessons().startHereAction())
                startHere = action;
    QVERIFY(startHere);
    startHere->trigger();
    QVERIFY(window.lessons().shownText().contains(welcome));
    QVERIFY(window.lessons().shownText().contains(lessons->front().title.en));
}

void TestLessonWindow::realBackendLessonSaysWhy() {
    QByteArray real(kLesson);
    real.replace("\"steps\"", R"("backend": "real",
      "whyReal": {"en": "Only the kernel shows it.", "zh_CN": "只有内核能展示。"},
      "steps")");
    const QString path = m_files.filePath(QStringLiteral("real-sleep.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(real) > 0);
    file.close();
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    LessonsPanel& panel = window.lessons();
    QVERIFY(panel.openLessonFile(path));
    QVERIFY(panel.shownText().contains(QStringLiteral("Only the kernel shows it.")));
    QVERIFY(panel.shownText().contains(QStringLiteral("needs the real backend")));
    QVERIFY(!panel.startButton()->isEnabled());
    QSignalSpy asked(&window, &MainWindow::backendRequested);
    auto* switchButton = panel.findChild<QPushButton*>(QStringLiteral("lessonSwitchBackend"));
    QVERIFY(switchButton && !switchButton->isHidden());
    switchButton->click();
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.front().front().value<BackendKind>(), BackendKind::Real);
    panel.backendRefused(QStringLiteral("no cgroup v2 freezer"));
    QVERIFY(panel.shownText().contains(QStringLiteral("no cgroup v2 freezer")));
}

void TestLessonWindow::consoleShowsTheExitStatus() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    test::GuiFixture twin; // the same lines on an engine of its own say what the CLI answers
    for (const QString& line :
         {QStringLiteral("docker run -d --name web busybox sleep 300"),
          QStringLiteral("docker run --bogus busybox"), QStringLiteral("docker inspect nosuch")}) {
        window.console().runLine(line);
        const int status = twin.run(line).status;
        QVERIFY2(window.console().transcript().endsWith(QStringLiteral("[exit %1]").arg(status)),
                 qPrintable(window.console().transcript()));
    }
    QVERIFY(window.console().transcript().contains(QStringLiteral("[exit 0]")));
    QVERIFY(window.console().transcript().contains(QStringLiteral("[exit 125]")));
}

void TestLessonWindow::lessonFollowsTheLanguage() {
    // A Chinese locale: the lesson speaks Chinese from the start; Docker's words stay English.
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    LessonsPanel& panel = startLesson(window);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY2(panel.shownText().contains(QStringLiteral("启动一个 sleep。")),
             qPrintable(panel.shownText()));
    QVERIFY(panel.shownText().contains(QStringLiteral("sleeper 的状态是 running")));
    // Switched at run time, as a language change tells every widget.
    QEvent change(QEvent::LanguageChange);
    QApplication::sendEvent(&panel, &change);
    QVERIFY(panel.shownText().contains(QStringLiteral("Start a sleep.")));
    QVERIFY(panel.shownText().contains(QStringLiteral("sleeper is running")));
}

QTEST_MAIN(TestLessonWindow)
#include "tst_lesson_window.moc"
