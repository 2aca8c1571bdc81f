// Commands that wait in the window's console dock as in a terminal (issue 12, "time is never
// silently bent"): an attached run of a container that never ends streams its output while the
// playback moves engine time, Ctrl-C does what it does to docker CLI 28 (docs/DOCKER-BEHAVIOUR.md
// §4.4), Ctrl-P Ctrl-Q detaches from -it, and `wait` returns when the container exits. What a
// learner does while a command waits, the test does from timers of the window's event loop.
#include "GuiFixture.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"
#include "gui/window/RecordedSession.h"
#include "gui/window/SessionActions.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace lab;

namespace {

constexpr int kTimeoutMs = 20'000;

// A window on the fixture's session, playing at the fastest speed.
struct WaitingWindow {
    test::GuiFixture fixture;
    MainWindow window{fixture.session};
    bool timedOut = false;

    WaitingWindow() { window.playback().setSpeed(Playback::kFastest); }

    // Types line into the console. While it waits, act() runs every few milliseconds from the
    // window's event loop (as a learner's keys would) until it answers true. A command still
    // waiting after kTimeoutMs is stopped, and timedOut says so.
    void runWhileWaiting(const QString& line, const std::function<bool()>& act) {
        QElapsedTimer wall;
        wall.start();
        bool acting = true;
        QTimer probe;
        probe.setInterval(10);
        QObject::connect(&probe, &QTimer::timeout, [&] {
            if (!window.console().isWaiting())
                return;
            if (acting && act())
                acting = false;
            if (wall.elapsed() > kTimeoutMs) {
                timedOut = true;
                fixture.session.stopWaiting();
            }
        });
        probe.start();
        window.console().runLine(line);
    }
    void key(Qt::Key key) { QTest::keyClick(window.console().input(), key, Qt::ControlModifier); }
    QString transcript() const { return window.console().transcript(); }
    int ticks() const { return int(transcript().split(u'\n').count(QStringLiteral("tick"))); }
    QString inspect(const QString& format, const QString& name) {
        const CliOutput out = fixture.run(QStringLiteral("inspect -f '%1' %2").arg(format, name));
        return out.out.empty() ? QString() : QString::fromStdString(out.out.front());
    }
    // What a class sees of the engine: the dock, the container's state and output, the events.
    QStringList seen(const QString& name) {
        QStringList all{transcript(),
                        inspect(QStringLiteral("{{.State.Status}} {{.State.ExitCode}} "
                                               "{{.State.FinishedAt}}"),
                                name)};
        for (const std::string& line : fixture.run(QStringLiteral("logs ") + name).out)
            all << QString::fromStdString(line);
        return all + eventsOf(window.session().engine());
    }
    static QStringList eventsOf(const Engine& engine) {
        QStringList all;
        for (const DockerEvent& event : engine.events())
            all << QStringLiteral("%1 %2 %3")
                       .arg(event.at.time_since_epoch().count())
                       .arg(QString::fromStdString(event.action),
                            QString::fromStdString(event.actorId));
        return all;
    }
    double engineSeconds() {
        return std::chrono::duration<double>(fixture.session.engine().clock().now() -
                                             VirtualClock::defaultStart())
            .count();
    }
};

// Whether a replay left engine's time between the last key typed live and where the live run
// stood (its playback may have moved on a little past the command's end): not where the command
// started, nor the day a replayed command without its keys would wait.
bool between(Engine& engine, TimePoint lastKey, TimePoint live) {
    const TimePoint now = engine.clock().now();
    if (lastKey <= now && now <= live)
        return true;
    qWarning("the replay stands at %lld ns, not between %lld and %lld",
             qlonglong(now.time_since_epoch().count()),
             qlonglong(lastKey.time_since_epoch().count()),
             qlonglong(live.time_since_epoch().count()));
    return false;
}

} // namespace

class TestConsoleWaits : public QObject {
    Q_OBJECT
private slots:
    // The window goes on (lines stream into the dock, the playback moves time) while docker run
    // waits for a container that never ends; Ctrl-C proxies SIGINT, and ash with -c exits 130.
    void attachedRunStreamsUntilCtrlC() {
        WaitingWindow lab;
        int first = -1;
        int later = -1;
        double engineAtCtrlC = 0;
        lab.runWhileWaiting(
            QStringLiteral(
                "docker run --name chat busybox sh -c 'while :; do echo tick; sleep 1; done'"),
            [&] {
                if (first < 0)
                    first = lab.ticks();
                if (lab.ticks() <= first + 2)
                    return false;
                later = lab.ticks();
                engineAtCtrlC = lab.engineSeconds();
                lab.key(Qt::Key_C);
                return true;
            });
        QVERIFY(!lab.timedOut);
        // More lines came while the command waited: the engine ran at most a minute ahead at
        // once, then as the playback moved engine time; about a minute, not the day it jumped.
        QVERIFY2(later > first + 2, qPrintable(QStringLiteral("%1, %2").arg(first).arg(later)));
        QVERIFY2(engineAtCtrlC < 300, qPrintable(QString::number(engineAtCtrlC)));
        QCOMPARE(lab.window.console().lastStatus(), 130);
        QCOMPARE(lab.inspect(QStringLiteral("{{.State.ExitCode}}"), QStringLiteral("chat")),
                 QStringLiteral("130"));
        // The SIGINT went through the daemon, as docker kill's would (--sig-proxy).
        std::vector<std::string> sent;
        for (const DockerEvent& event : lab.fixture.session.engine().events())
            if (event.action == "kill")
                sent.push_back(event.attributes.at("signal"));
        QCOMPARE(sent, std::vector<std::string>{"2"});
        // Every line printed is in the dock once.
        QCOMPARE(lab.ticks(), int(lab.fixture.run(QStringLiteral("logs chat")).out.size()));
    }

    // docker attach proxies Ctrl-C as run does; with --sig-proxy=false the CLI dies of it (130)
    // and the container runs on, sent nothing.
    void attachProxiesCtrlCUnlessTold_data() {
        QTest::addColumn<QString>("flags");
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("kills");
        QTest::newRow("--sig-proxy") << QString() << "exited" << 1;
        QTest::newRow("--sig-proxy=false") << "--sig-proxy=false "
                                           << "running" << 0;
    }
    void attachProxiesCtrlCUnlessTold() {
        QFETCH(QString, flags);
        QFETCH(QString, state);
        QFETCH(int, kills);
        WaitingWindow lab;
        QCOMPARE(lab.fixture
                     .run(QStringLiteral(
                         "run -d --name chat busybox sh -c 'while :; do echo tick; sleep 1; done'"))
                     .status,
                 0);
        lab.runWhileWaiting("docker attach " + flags + "chat", [&] {
            if (lab.ticks() < 2)
                return false;
            lab.key(Qt::Key_C);
            return true;
        });
        QVERIFY(!lab.timedOut);
        QCOMPARE(lab.window.console().lastStatus(), 130);
        QCOMPARE(lab.inspect(QStringLiteral("{{.State.Status}}"), QStringLiteral("chat")), state);
        int sent = 0;
        for (const DockerEvent& event : lab.fixture.session.engine().events())
            sent += event.action == "kill" ? 1 : 0;
        QCOMPARE(sent, kills);
    }

    // sleep as PID 1 ignores SIGINT: the CLI gives up at the third Ctrl-C, the container runs on.
    void thirdCtrlCGivesUp() {
        WaitingWindow lab;
        int pressed = 0;
        bool waitedAfterTwo = false;
        lab.runWhileWaiting(QStringLiteral("docker run --name web busybox sleep inf"), [&] {
            waitedAfterTwo = pressed == 2;
            lab.key(Qt::Key_C);
            return ++pressed == 3;
        });
        QVERIFY(!lab.timedOut);
        QVERIFY(waitedAfterTwo);
        QCOMPARE(lab.window.console().lastStatus(), 1);
        QVERIFY(lab.transcript().contains(
            QStringLiteral("^C\ngot 3 SIGTERM/SIGINTs, forcefully exiting")));
        QCOMPARE(lab.inspect(QStringLiteral("{{.State.Status}}"), QStringLiteral("web")),
                 QStringLiteral("running"));
    }

    // docker run -i: the lines typed in the console go to the shell's stdin, and its exit ends
    // the command with its status; Ctrl-D ends a second one.
    void linesTypedGoToAnInteractiveShell() {
        WaitingWindow lab;
        int typed = 0;
        const auto type = [&](const QString& line) {
            QTest::keyClicks(lab.window.console().input(), line);
            QTest::keyClick(lab.window.console().input(), Qt::Key_Return);
        };
        // As a learner would: the next line once the shell's answer streamed in under the first.
        QString whileWaiting;
        lab.runWhileWaiting(QStringLiteral("docker run -i --name box busybox sh"), [&] {
            if (typed == 0)
                type(QStringLiteral("echo hello from inside"));
            else if (lab.transcript().contains(
                         QStringLiteral("echo hello from inside\nhello from inside"))) {
                whileWaiting = lab.transcript();
                type(QStringLiteral("exit 3"));
            } else
                return false;
            return ++typed == 2;
        });
        QVERIFY(!lab.timedOut);
        QCOMPARE(lab.window.console().lastStatus(), 3);
        QVERIFY2(whileWaiting.endsWith(QStringLiteral("hello from inside")),
                 qPrintable(whileWaiting));
        // Returned, the command's output shows with its steps, as any command's.
        lab.window.playback().jumpToEngine();
        QVERIFY2(lab.transcript().split(u'\n').contains(QStringLiteral("hello from inside")),
                 qPrintable(lab.transcript()));
        QCOMPARE(lab.inspect(QStringLiteral("{{.State.ExitCode}}"), QStringLiteral("box")),
                 QStringLiteral("3"));

        lab.runWhileWaiting(QStringLiteral("docker start -ai box"), [&] {
            lab.key(Qt::Key_D);
            return true;
        });
        QVERIFY(!lab.timedOut);
        QVERIFY(lab.transcript().contains(QStringLiteral("docker start -ai box\n^D")));
        QCOMPARE(lab.window.console().lastStatus(), 0);
        QCOMPARE(lab.inspect(QStringLiteral("{{.State.Status}}"), QStringLiteral("box")),
                 QStringLiteral("exited"));
    }

    // Ctrl-P Ctrl-Q leaves a -it container running and gives the prompt back.
    void detachKeysLeaveAnInteractiveContainerRunning() {
        WaitingWindow lab;
        lab.runWhileWaiting(QStringLiteral("docker run -it --name box busybox sleep inf"), [&] {
            lab.key(Qt::Key_P);
            lab.key(Qt::Key_Q);
            return true;
        });
        QVERIFY(!lab.timedOut);
        QCOMPARE(lab.window.console().lastStatus(), 0);
        QVERIFY(lab.transcript().contains(
            QStringLiteral("docker run -it --name box busybox sleep inf\nread escape sequence")));
        QCOMPARE(lab.inspect(QStringLiteral("{{.State.Status}}"), QStringLiteral("box")),
                 QStringLiteral("running"));
    }

    // wait blocks while engine time flows and prints the exit code once the container exits.
    void waitReturnsWhenTheContainerExits() {
        WaitingWindow lab;
        lab.window.console().runLine(
            QStringLiteral("docker run -d --name waiter busybox sleep 90"));
        const double started = lab.engineSeconds();
        bool waited = false;
        lab.runWhileWaiting(QStringLiteral("docker wait waiter"), [&] { return waited = true; });
        QVERIFY(!lab.timedOut);
        QVERIFY(waited);
        QCOMPARE(lab.window.console().lastStatus(), 0);
        QVERIFY2(lab.engineSeconds() - started >= 90,
                 qPrintable(QString::number(lab.engineSeconds() - started)));
        QVERIFY(lab.transcript().contains(
            QStringLiteral("docker> docker wait waiter\n0\n(engine time +")));
    }

    // Ctrl-C ends a wait as it ends the CLI: status 130, nothing printed, the container runs on.
    void ctrlCEndsAWait() {
        WaitingWindow lab;
        lab.window.console().runLine(
            QStringLiteral("docker run -d --name waiter busybox sleep inf"));
        lab.runWhileWaiting(QStringLiteral("docker wait waiter"), [&] {
            lab.key(Qt::Key_C);
            return true;
        });
        QVERIFY(!lab.timedOut);
        QCOMPARE(lab.window.console().lastStatus(), 130);
        QVERIFY(lab.transcript().contains(QStringLiteral("docker> docker wait waiter\n^C")));
        QVERIFY(!lab.transcript().contains(QStringLiteral("^C\n0")));
        QCOMPARE(lab.inspect(QStringLiteral("{{.State.Status}}"), QStringLiteral("waiter")),
                 QStringLiteral("running"));
    }

    // Step back over what was typed into a waiting command (a Ctrl-C proxied as SIGINT, lines
    // for a -i container's stdin and Ctrl-D, the detach keys): the replay types it again at its
    // engine time, so the command ends as it ended live; stepping back past it and forward again
    // shows the same dock, state, output, events and engine time. A saved session keeps it and
    // plays the same.
    void stepBackReplaysWhatWasTyped_data() {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("typed");
        QTest::addColumn<int>("status");
        QTest::newRow("Ctrl-C proxied as SIGINT")
            << QStringLiteral("docker run --name box busybox sh -c 'trap \"echo bye; exit 3\" "
                              "INT; while true; do sleep 1; done'")
            << QStringList{QStringLiteral("^C")} << 3;
        QTest::newRow("lines to stdin, then Ctrl-D")
            << QStringLiteral("docker run -i --name box busybox sh")
            << QStringList{QStringLiteral("echo hi"), QStringLiteral("^D")} << 0;
        QTest::newRow("detach keys")
            << QStringLiteral("docker run -it --name box busybox sleep inf")
            << QStringList{QStringLiteral("^P^Q")} << 0;
    }
    void stepBackReplaysWhatWasTyped() {
        QFETCH(QString, line);
        QFETCH(QStringList, typed);
        QFETCH(int, status);
        WaitingWindow lab;
        const QString box = QStringLiteral("box");
        lab.runWhileWaiting(line, [&] {
            for (const QString& each : typed)
                if (each == QStringLiteral("^C"))
                    lab.key(Qt::Key_C);
                else if (each == QStringLiteral("^D"))
                    lab.key(Qt::Key_D);
                else if (each == QStringLiteral("^P^Q")) {
                    lab.key(Qt::Key_P);
                    lab.key(Qt::Key_Q);
                } else
                    lab.window.console().runLine(each);
            return true;
        });
        QVERIFY(!lab.timedOut);
        QCOMPARE(lab.window.console().lastStatus(), status);
        Playback& playback = lab.window.playback();
        playback.jumpToEngine();
        const QStringList live = lab.seen(box);
        const TimePoint liveTime = lab.window.session().engine().clock().now();
        const std::optional<SessionRecording> recorded = lab.window.session().recording();
        QVERIFY(recorded && !recorded->entries.empty() && !recorded->entries.back().typed.empty());
        const TimePoint lastKey = recorded->start + recorded->entries.back().typed.back().at;

        playback.stepBack();
        playback.jumpToEngine();
        QCOMPARE(lab.seen(box), live);
        QVERIFY(between(lab.window.session().engine(), lastKey, liveTime));
        // Back past what was typed to the run's first step, and forward over it again.
        while (playback.timeline().shownCount() > 1)
            playback.stepBack();
        QVERIFY(lab.seen(box) != live);
        playback.jumpToEngine();
        QCOMPARE(lab.seen(box), live);
        QVERIFY(between(lab.window.session().engine(), lastKey, liveTime));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("typed.json"));
        QVERIFY(lab.window.sessionActions().save(path).has_value());
        test::GuiFixture other;
        MainWindow player(other.session);
        QVERIFY(player.sessionActions().open(path).has_value());
        player.playback().jumpToEngine();
        QCOMPARE(WaitingWindow::eventsOf(player.session().engine()),
                 WaitingWindow::eventsOf(lab.window.session().engine()));
        QVERIFY(between(player.session().engine(), lastKey, liveTime));
    }

    // After Reset the window runs a fresh engine: its commands wait as the first one's did.
    void commandsWaitAfterAReset() {
        WaitingWindow lab;
        lab.window.playback().reset();
        lab.window.console().runLine(
            QStringLiteral("docker run -d --name waiter busybox sleep inf"));
        bool waited = false;
        lab.runWhileWaiting(QStringLiteral("docker wait waiter"), [&] {
            waited = true;
            lab.key(Qt::Key_C);
            return true;
        });
        QVERIFY(!lab.timedOut);
        QVERIFY(waited);
        QCOMPARE(lab.window.console().lastStatus(), 130);
    }
};

QTEST_MAIN(TestConsoleWaits)
#include "tst_console_waits.moc"
