// Commands that Docker would never return from, and numbers that used to overflow engine time.
// The lab must never report what did not happen: `wait` used to print 0 for a running
// container after silently moving engine time a day ahead.
#include "EngineFixture.h"
#include "base/Limits.h"

#include <QTest>

using lab::CliOutput;
using lab::test::EngineFixture;

class EndlessCommandsTest : public QObject {
    Q_OBJECT

private slots:
    void commandsThatWouldWaitForever_data() {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("unfinished");
        QTest::newRow("wait") << "run -d --name web busybox sleep inf"
                              << "wait web"
                              << "docker wait would wait forever: container web never exits in "
                                 "the simulation";
        QTest::newRow("foreground run") << ""
                                        << "run --name web busybox sleep inf"
                                        << "docker run would wait forever: container web never "
                                           "exits in the simulation";
        QTest::newRow("start -a") << "create --name web busybox sleep inf"
                                  << "start -a web"
                                  << "docker start would wait forever: container web never "
                                     "exits in the simulation";
        QTest::newRow("stop -t -1 of PID 1 ignoring TERM")
            << "run -d --name web busybox sleep inf"
            << "stop -t -1 web"
            << "docker stop would wait forever: container web never stops in the simulation";
        QTest::newRow("wait longer than a day")
            << "run -d --name web busybox sleep 2d"
            << "wait web"
            << "docker wait would wait more than a day: container web does not exit within 24 "
               "hours of engine time";
    }
    void commandsThatWouldWaitForever() {
        QFETCH(QString, setup);
        QFETCH(QString, command);
        QFETCH(QString, unfinished);
        EngineFixture lab;
        if (!setup.isEmpty())
            QCOMPARE(lab.docker(setup.toStdString()).status, 0);
        const CliOutput output = lab.docker(command.toStdString());
        QCOMPARE(QString::fromStdString(output.unfinished), unfinished);
        QCOMPARE(output.status, 1);
        QVERIFY2(output.out.empty(), "nothing is reported as done");
        QCOMPARE(lab.out("inspect -f '{{.State.Status}}' web"), QString("running"));
    }

    void waitingForNothingLeavesEngineTimeAlone() {
        EngineFixture lab;
        lab.docker("run -d --name web busybox sleep inf");
        const double before = lab.elapsedSeconds();
        lab.docker("wait web");
        QCOMPARE(lab.elapsedSeconds(), before);
    }

    void aRunThatPrintsWithoutEndStopsFollowing() {
        EngineFixture lab;
        const CliOutput output = lab.docker("run --name chat busybox sh -c 'x=0123456789; "
                                            "x=$x$x$x$x$x$x$x$x$x$x; while :; do echo $x$x; done'");
        QCOMPARE(QString::fromStdString(output.unfinished),
                 QString("docker run would go on printing: container chat printed too much (the "
                         "simulation's limit is 1048576)"));
        QCOMPARE(output.out.front().size(), std::size_t(200));
        QCOMPARE(lab.out("inspect -f '{{.State.Status}}' chat"), QString("running"));
    }

    void aRunThatSpinsIsADayAway() {
        EngineFixture lab;
        const CliOutput output = lab.docker("run --name spin busybox sh -c 'while :; do :; done'");
        QCOMPARE(QString::fromStdString(output.unfinished),
                 QString("docker run would wait more than a day: container spin does not exit "
                         "within 24 hours of engine time"));
    }

    void hugeTimeoutsDoNotOverflow() {
        EngineFixture lab;
        lab.docker("run -d --name web busybox sleep inf");
        const CliOutput stop = lab.docker("stop -t 9223372036854775807 web");
        QCOMPARE(QString::fromStdString(stop.unfinished),
                 QString("docker stop would wait more than a day: container web does not stop "
                         "within 24 hours of engine time"));
        lab.docker("run -d --name short --stop-timeout 9223372036854775807 busybox true");
        QCOMPARE(lab.out("inspect -f '{{.Config.StopTimeout}}' short"), QString("2147483647"));
    }

    void eventTimesFarAwayDoNotOverflow() {
        EngineFixture lab;
        lab.docker("run -d --name web busybox true");
        // Far past and far future hold every event; a bad date is Docker's error, not a wrap.
        QCOMPARE(lab.docker("events --since -99999999999 --until 99999999999 --format "
                            "'{{.Action}}'")
                     .out.front(),
                 std::string("create"));
        QCOMPARE(lab.docker("events --since 99999999999 --format '{{.Action}}'").out.size(),
                 std::size_t(0));
        QCOMPARE(lab.docker("events --since 2000000000000h").status, 1);
        QCOMPARE(lab.docker("events --since 2020-13-45").status, 1);
    }

    // Restart loops left alone for the longest @sleep (a week): the event log keeps its budget.
    void restartLoopsForAWeekStayBounded() {
        EngineFixture lab;
        for (const char* name : {"ra", "rb", "rc", "rd", "re", "rf"}) // 2 events a restart
            lab.docker(std::string("run -d --restart always --name ") + name +
                       " busybox sh -c 'echo up; exit 1'");
        lab.clock.advanceTo(lab.clock.now() + std::chrono::hours(24 * 7));
        QVERIFY(lab.engine.events().size() <= lab::limits::kEngineEvents);
        QVERIFY(lab.engine.events().size() > lab::limits::kEngineEvents / 2);
        // Docker's back-off reaches a minute after ten quick restarts: one a minute from then on.
        const int restarts = lab.out("inspect -f '{{.RestartCount}}' ra").toInt();
        QVERIFY2(restarts >= 7 * 24 * 60 && restarts <= 7 * 24 * 60 + 20,
                 qPrintable(QString::number(restarts)));
    }

    void sleepBeyondEngineTimeIsForever() {
        EngineFixture lab;
        lab.docker("run -d --name web busybox sleep 99999999999999999999");
        QCOMPARE(lab.out("inspect -f '{{.State.Status}}' web"), QString("running"));
        QCOMPARE(QString::fromStdString(lab.docker("wait web").unfinished),
                 QString("docker wait would wait forever: container web never exits in the "
                         "simulation"));
    }
};

QTEST_APPLESS_MAIN(EndlessCommandsTest)
#include "tst_endless_commands.moc"
