// Sessions as files in the window (docs/SESSION-FORMAT.md): a session saved and opened again
// plays the same steps, states and events; it steps back without losing what comes after; the
// console refuses commands while it plays; Continue live from here reaches the same state and
// takes commands again; a bad file is refused with its name and leaves the window as it was.
#include "GuiFixture.h"
#include "RealRecording.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/panels/FaultMenu.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"
#include "gui/window/PlaybackBar.h"
#include "gui/window/RecordedSession.h"
#include "gui/window/SessionActions.h"
#include "gui/window/StepTimeline.h"

#include <QAction>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace lab;

namespace {

// A step as the views show it, with its time since the timeline began.
QStringList describeSteps(const StepTimeline& timeline) {
    QStringList steps;
    for (std::size_t i = 0; i < timeline.shownCount(); ++i) {
        const EngineStep& step = timeline.steps()[i];
        QString events;
        for (const DockerEvent& event : step.events)
            events += QString::fromStdString(event.action) + u' ';
        steps << QStringLiteral("+%1ms %2 %3->%4 [%5] exit %6")
                     .arg(std::chrono::duration_cast<std::chrono::milliseconds>(
                              step.at - timeline.startedAt())
                              .count())
                     .arg(step.name)
                     .arg(int(step.reaction.from))
                     .arg(int(step.reaction.to))
                     .arg(events.trimmed())
                     .arg(step.exitCode);
    }
    return steps;
}

// The containers as the window shows them: name, state and exit code.
QStringList describeContainers(const StepTimeline& timeline) {
    QStringList rows;
    for (const ContainerRow& row : timeline.shownContainers())
        rows << QStringLiteral("%1 %2 %3")
                    .arg(QString::fromStdString(row->name))
                    .arg(int(row->state()))
                    .arg(row->record.exitCode);
    return rows;
}

// A demonstration with a stop's timeout, a restart policy and a fault, saved to path.
QStringList recordDemonstration(MainWindow& window, const QString& path) {
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
    window.console().runLine(
        QStringLiteral("docker run -d --name job --restart on-failure:2 busybox sh -c 'exit 3'"));
    window.playback().advance(std::chrono::seconds(3));
    window.console().runLine(QStringLiteral("docker stop web"));
    window.console().runLine(QStringLiteral("docker create --name doomed busybox"));
    window.faultMenu().failNextRemovalAction()->trigger();
    window.console().runLine(QStringLiteral("docker rm doomed"));
    window.playback().advance(std::chrono::seconds(15));
    const Status saved = window.sessionActions().save(path);
    if (!saved)
        qFatal("%s", saved.error().message.c_str());
    return describeSteps(window.playback().timeline());
}

// A demonstration recorded and saved in one window, and opened in another on another seed: the
// file brings its own world and seed.
struct PlayerFixture {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("demo.json"));
    test::GuiFixture recordedFixture;
    MainWindow recorded{recordedFixture.session};
    QStringList original = recordDemonstration(recorded, path);
    test::GuiFixture playerFixture;
    MainWindow player{playerFixture.session};
    Status opened = player.sessionActions().open(path);
};

} // namespace

class TestSessionPlayback : public QObject {
    Q_OBJECT
private slots:
    void openedSessionPlaysTheSameSteps();
    void stepBackKeepsWhatComesAfter();
    void consoleAndFaultsRefuseWhilePlaying();
    void continueLiveReachesTheSameState();
    void badFileIsRefusedAndChangesNothing();
    void realSessionPlaysWithItsKernelOperations();
};

void TestSessionPlayback::openedSessionPlaysTheSameSteps() {
    PlayerFixture fixture;
    QVERIFY2(fixture.original.size() > 10, qPrintable(fixture.original.join(u'\n')));
    QVERIFY2(fixture.opened.has_value(),
             fixture.opened ? "" : fixture.opened.error().message.c_str());
    const StepTimeline& recorded = fixture.recorded.playback().timeline();
    Playback& playback = fixture.player.playback();
    QVERIFY(playback.isPlayingRecording());
    QVERIFY(playback.isPaused());
    QCOMPARE(playback.timeline().shownCount(), std::size_t(0));
    QVERIFY(fixture.player.playbackBar().continueLiveAction()->isVisible());
    // Watched for as long as the original was, it shows what the original showed.
    playback.advance(recorded.shownTime() - recorded.startedAt());
    QCOMPARE(describeSteps(playback.timeline()), fixture.original);
    QCOMPARE(describeContainers(playback.timeline()), describeContainers(recorded));
    QCOMPARE(playback.timeline().shownEvents().events.size(), recorded.shownEvents().events.size());
}

void TestSessionPlayback::stepBackKeepsWhatComesAfter() {
    PlayerFixture fixture;
    QVERIFY(fixture.opened.has_value());
    Playback& playback = fixture.player.playback();
    for (int i = 0; i < 5; ++i)
        playback.step();
    QCOMPARE(describeSteps(playback.timeline()), fixture.original.mid(0, 5));
    const std::size_t recordedSteps = playback.timeline().steps().size();
    playback.stepBack();
    QCOMPARE(describeSteps(playback.timeline()), fixture.original.mid(0, 4));
    // The rest of the file is still there to be shown again.
    QCOMPARE(playback.timeline().steps().size(), recordedSteps);
    QVERIFY(playback.isPlayingRecording());
    playback.step();
    QCOMPARE(describeSteps(playback.timeline()), fixture.original.mid(0, 5));
}

void TestSessionPlayback::consoleAndFaultsRefuseWhilePlaying() {
    PlayerFixture fixture;
    QVERIFY(fixture.opened.has_value());
    MainWindow& player = fixture.player;
    const std::size_t containers = player.engine().containers().size();
    player.console().runLine(QStringLiteral("docker run -d --name extra busybox sleep 9"));
    QVERIFY2(player.console().transcript().contains(
                 QStringLiteral("a recorded session is playing back: choose Engine > Continue "
                                "live from here to run commands")),
             qPrintable(player.console().transcript()));
    QCOMPARE(player.engine().containers().size(), containers);
    QSignalSpy refused(&player.faultMenu(), &FaultMenu::refused);
    player.faultMenu().failNextRemovalAction()->trigger();
    QCOMPARE(refused.size(), 1);
    // Saving while it plays writes the whole file again, not what has been shown of it.
    const QString copy = fixture.dir.filePath(QStringLiteral("copy.json"));
    QVERIFY(player.sessionActions().save(copy).has_value());
    QFile original(fixture.path);
    QFile saved(copy);
    QVERIFY(original.open(QIODevice::ReadOnly) && saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), original.readAll());
}

void TestSessionPlayback::continueLiveReachesTheSameState() {
    PlayerFixture fixture;
    QVERIFY(fixture.opened.has_value());
    MainWindow& player = fixture.player;
    Playback& playback = player.playback();
    // Part way: after the stop's SIGTERM, before its SIGKILL.
    playback.advance(std::chrono::seconds(8));
    const QStringList steps = describeSteps(playback.timeline());
    const QStringList containers = describeContainers(playback.timeline());
    QVERIFY(playback.timeline().waiting() > 0);
    QVERIFY(playback.whyNoContinueLive().isEmpty());
    player.playbackBar().continueLiveAction()->trigger();
    QVERIFY(!playback.isPlayingRecording());
    QVERIFY(!player.playbackBar().continueLiveAction()->isVisible());
    QCOMPARE(describeSteps(playback.timeline()), steps);
    QCOMPARE(describeContainers(playback.timeline()), containers);
    // Commands run again, and the session goes on from the commands kept.
    player.console().runLine(QStringLiteral("docker run -d --name extra busybox sleep 9"));
    QVERIFY(player.engine().find("extra").has_value());
    const std::optional<SessionRecording> now = player.session().recording();
    QVERIFY(now.has_value());
    const std::vector<std::string> extra{"run", "-d", "--name", "extra", "busybox", "sleep", "9"};
    QCOMPARE(now->entries.back().command, extra);
    // The stop began before the time shown and is kept (its SIGKILL is still to be shown); what
    // ran after it returned, ten seconds later (create, the fault, rm), is not.
    QStringList kept;
    for (const SessionEntry& entry : now->entries)
        kept << (entry.action ? QStringLiteral("action")
                              : QString::fromStdString(entry.command.front()));
    QCOMPARE(kept, (QStringList{"run", "run", "stop", "run"}));
}

void TestSessionPlayback::badFileIsRefusedAndChangesNothing() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "lifecycle-lab session", "version": 9, "backend": "simulation",
"seed": "1", "world": {},
"entries": []})");
    file.close();
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
    const Status opened = window.sessionActions().open(path);
    QVERIFY(!opened.has_value());
    QCOMPARE(QString::fromStdString(opened.error().message),
             path + QStringLiteral(": version: version 9 is not one this lab reads (it reads "
                                   "version 1; a newer lab wrote it)"));
    QVERIFY(!window.playback().isPlayingRecording());
    QVERIFY(window.engine().find("web").has_value());
}

// A class recorded on real processes (as root) opens in a window on the simulation: it plays
// with the kernel's operations under its steps, steps back, and refuses to go on live.
void TestSessionPlayback::realSessionPlaysWithItsKernelOperations() {
    QTemporaryDir dir;
    const test::RealRecording real = test::recordRealSession(
        dir.filePath(QStringLiteral("state")),
        {QStringLiteral("run -d --name web busybox sleep 300"), QStringLiteral("pause web"),
         QStringLiteral("unpause web"), QStringLiteral("rm -f web")});
    if (!real.unavailable.isEmpty())
        QSKIP(qPrintable(real.unavailable));
    QVERIFY2(real.recording, qPrintable(real.failed));
    const QString path = dir.filePath(QStringLiteral("real.json"));
    QVERIFY(saveSessionFile(*real.recording, path).has_value());

    test::GuiFixture fixture;
    MainWindow player(fixture.session);
    const Status opened = player.sessionActions().open(path);
    QVERIFY2(opened.has_value(), opened ? "" : opened.error().message.c_str());
    Playback& playback = player.playback();
    playback.jumpToEngine();
    // Each step carries the operations the kernel did for it, as live: the pause froze.
    QString pauseOps;
    for (const EngineStep& step : playback.timeline().steps())
        for (const Effect& effect : step.reaction.effects)
            if (effect.kind == EffectKind::Freeze)
                for (const std::string& op : step.kernelOps)
                    pauseOps += QString::fromStdString(op) + u'\n';
    QVERIFY2(pauseOps.contains(QStringLiteral("freeze")), qPrintable(pauseOps));
    QVERIFY2(playback.whyNoStepBack().isEmpty(), qPrintable(playback.whyNoStepBack()));
    QVERIFY(player.playbackBar().continueLiveAction()->isVisible());
    QVERIFY(!player.playbackBar().continueLiveAction()->isEnabled());
    playback.stepBack();
    QCOMPARE(playback.timeline().shownCount() + 1, playback.timeline().steps().size());
}

QTEST_MAIN(TestSessionPlayback)
#include "tst_session_playback.moc"
