// Every pane keeps pace with the playback: at 0.1x, after `docker stop` of a container whose
// process ignores SIGTERM (busybox sleep as PID 1), the engine is done at once, yet while the
// diagram counts down to SIGKILL the table, the explanation, the timeline, the event log and the
// console do not say "exited 137"; once the playback reaches the exit they do, and Step back
// takes them all back. Each step carries the Docker events its reaction published, on both
// backends.
#include "PaceFixture.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "session/EngineSession.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace lab;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(lab::BackendKind)

class TestPanesKeepPace : public QObject {
    Q_OBJECT
private slots:
    void panesWaitForTheStepTheDiagramShows();
    void stepBackRewindsEveryPane();
    void eventsAttachToTheStepThatPublishedThem_data();
    void eventsAttachToTheStepThatPublishedThem();
    void imageEventsWaitForTheirTime();
};

void TestPanesKeepPace::panesWaitForTheStepTheDiagramShows() {
    test::StoppedAtSlowSpeed fixture;
    MainWindow& window = fixture.window;
    // The engine is done: SIGTERM was ignored, SIGKILL came ten engine seconds later.
    const Container& web = **fixture.session.engine().find("web");
    QCOMPARE(web.machine.node(), LifecycleState::Exited);
    QCOMPARE(web.record.exitCode, 137);
    // Fifty wall seconds at 0.1x: five engine seconds into the countdown.
    window.playback().advance(50s);
    QVERIFY2(window.diagram().caption().contains(QStringLiteral("SIGKILL in 5.0 s")),
             qPrintable(window.diagram().caption()));
    const test::Panes counting = fixture.panes();
    QVERIFY2(!counting.saysExited137(), qPrintable(test::describe(counting)));
    QVERIFY2(counting.status.startsWith(QStringLiteral("Up ")), qPrintable(counting.status));
    QCOMPARE(counting.band, std::optional(LifecycleState::Running));
    QVERIFY(counting.console.endsWith(QStringLiteral("docker> docker stop web")));
    // The explanation tells each step shown once (all of them are web's).
    QCOMPARE(window.explanation().steps().size(), window.playback().timeline().shownCount());
    // Past the timeout: the exit is shown, and every pane says so.
    window.playback().advance(60s);
    QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Exited));
    const test::Panes exited = fixture.panes();
    QVERIFY2(exited.allSayExited137(), qPrintable(test::describe(exited)));
}

void TestPanesKeepPace::stepBackRewindsEveryPane() {
    test::StoppedAtSlowSpeed fixture;
    MainWindow& window = fixture.window;
    Playback& playback = window.playback();
    // Step through the stop, noting what the panes say after each step.
    std::vector<test::Panes> seen{fixture.panes()};
    while (playback.timeline().waiting() > 0) {
        playback.step();
        seen.push_back(fixture.panes());
    }
    QVERIFY(seen.size() >= 3);
    QVERIFY2(seen.back().allSayExited137(), qPrintable(test::describe(seen.back())));
    QVERIFY2(!seen[seen.size() - 2].saysExited137(),
             qPrintable(test::describe(seen[seen.size() - 2])));
    // Back over the exit: every pane is as it was before it, on the replayed engine.
    const std::size_t end = playback.timeline().shownCount();
    playback.stepBack();
    QCOMPARE(playback.timeline().shownCount(), end - 1);
    const test::Panes back = fixture.panes();
    QVERIFY2(!back.saysExited137(), qPrintable(test::describe(back)));
    QVERIFY2(back == seen[seen.size() - 2], qPrintable(test::describe(back)));
    // And forward again.
    playback.step();
    QVERIFY2(fixture.panes() == seen.back(), qPrintable(test::describe(fixture.panes())));
}

void TestPanesKeepPace::eventsAttachToTheStepThatPublishedThem_data() {
    QTest::addColumn<BackendKind>("backend");
    QTest::newRow("simulation") << BackendKind::Simulated;
    QTest::newRow("real") << BackendKind::Real;
}

void TestPanesKeepPace::eventsAttachToTheStepThatPublishedThem() {
    QFETCH(BackendKind, backend);
    QTemporaryDir state(QDir::tempPath() + QStringLiteral("/lifecycle-lab-pace-XXXXXX"));
    auto opened =
        openSession(SessionSpec{backend, 1, state.path().toStdString()}, test::defaultWorld());
    if (!opened)
        QSKIP(qPrintable(QStringLiteral("this backend cannot run here: ") +
                         QString::fromStdString(opened.error().message)));
    EngineSession& session = **opened;
    EngineSignals engineSignals(session.engine());
    StepTimeline timeline(engineSignals);
    QCOMPARE(session.run({"run", "-d", "--name", "pace", "busybox", "sleep", "300"}).status, 0);
    QCOMPARE(session.run({"stop", "-t", "1", "pace"}).status, 0);
    QCOMPARE(session.run({"rm", "pace"}).status, 0);
    // Each step has exactly the events of its row's actions, in order: create, start, kill,
    // die, stop, destroy all find their step.
    QStringList published;
    for (const EngineStep& step : timeline.steps()) {
        QStringList expected;
        for (DockerAction action : step.reaction.actions)
            expected << QString::fromStdString(std::string(actionName(action)));
        QStringList attached;
        for (const DockerEvent& event : step.events)
            attached << QString::fromStdString(event.action);
        QCOMPARE(attached, expected);
        published << attached;
    }
    for (const char* action : {"create", "start", "kill", "die", "stop", "destroy"})
        QVERIFY2(published.contains(QString::fromUtf8(action)), qPrintable(published.join(u' ')));
}

// A run that pulls: the pull's event comes between steps (before the container's create), and
// waits for its engine time like the steps do, so the event log does not say the pull is done
// while the flowchart's layers still download.
void TestPanesKeepPace::imageEventsWaitForTheirTime() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.playback().setPaused(true);
    StepTimeline& timeline = window.playback().timeline();
    const TimePoint typed = fixture.session.engine().clock().now();
    window.console().runLine(QStringLiteral("docker run -d --name proxy nginx"));
    const auto eventLog = [&] { return window.findChild<EventLogPanel*>()->toPlainText(); };
    timeline.showUntil(typed + 500ms);
    QVERIFY(timeline.waiting() > 0);
    QVERIFY2(!eventLog().contains(QStringLiteral("pull")), qPrintable(eventLog()));
    timeline.showAll();
    QVERIFY2(eventLog().contains(QStringLiteral("image pull  nginx")), qPrintable(eventLog()));
    QVERIFY2(eventLog().contains(QStringLiteral("start  proxy")), qPrintable(eventLog()));
}

QTEST_MAIN(TestPanesKeepPace)
#include "tst_panes_keep_pace.moc"
