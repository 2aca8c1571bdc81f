// exec, top, stats and the limits on the simulated engine, through the docker CLI: what an
// exec'd process shares with the container (files, environment, the freezer, PID 1's end) and
// what it does not (the log); what stats sees across pause and stop; the OOM killer of the
// model. Docker's exact words are held by the golden transcripts 11-exec, 12-top, 14-limits-update
// and 15-stats.
#include "EngineFixture.h"

#include <QtTest>

using lab::test::EngineFixture;

class InsideCommandsTest : public QObject {
    Q_OBJECT
private slots:
    void execAnswersWithItsProcessesStatus();
    void execWaitsForItsProcessOnEngineTime();
    void execOutputIsNotInTheLog();
    void execReadsTheImagesFilesAndEnvironment();
    void execdProcessesDieWithPid1();
    void topListsExecdProcessesWhilePaused();
    void pauseFreezesExecdProcessesToo();
    void statsKeepsMemoryWhilePausedAndFreesItAtExit();
    void shellOutgrowingItsMemoryIsOomKilled();
    void updateRaisesTheLimitInTime();
};

void InsideCommandsTest::execAnswersWithItsProcessesStatus() {
    EngineFixture lab;
    QCOMPARE(lab.docker("run -d --name box busybox sleep 100").status, 0);
    const auto result = lab.docker("exec box sh -c 'echo out; echo err >&2; exit 3'");
    QCOMPARE(result.status, 3);
    QCOMPARE(QString::fromStdString(EngineFixture::join(result.out)), QString("out"));
    QCOMPARE(QString::fromStdString(EngineFixture::join(result.err)), QString("err"));
    // runc cannot start it: its words on stdout (the daemon ends them with \r\n), 126, not
    // run's 127
    const auto missing = lab.docker("exec box nosuch");
    QCOMPARE(missing.status, 126);
    QVERIFY(EngineFixture::join(missing.out)
                .ends_with("exec: \"nosuch\": executable file not found in $PATH: unknown\r"));
}

void InsideCommandsTest::execWaitsForItsProcessOnEngineTime() {
    EngineFixture lab;
    QCOMPARE(lab.docker("run -d --name box busybox sleep 100").status, 0);
    const double before = lab.elapsedSeconds();
    QCOMPARE(lab.docker("exec box sleep 2").status, 0);
    QCOMPARE(lab.elapsedSeconds() - before, 2.0);
    // -d returns at once
    const double detached = lab.elapsedSeconds();
    QCOMPARE(lab.docker("exec -d box sleep 2").status, 0);
    QCOMPARE(lab.elapsedSeconds(), detached);
}

void InsideCommandsTest::execOutputIsNotInTheLog() {
    EngineFixture lab;
    QCOMPARE(lab.docker("run -d --name box busybox sh -c 'echo main; sleep 100'").status, 0);
    QCOMPARE(lab.out("exec box echo side"), QString("side"));
    QCOMPARE(lab.out("logs box"), QString("main"));
}

void InsideCommandsTest::execReadsTheImagesFilesAndEnvironment() {
    lab::World world = lab::test::smallWorld();
    world.images.push_back(
        {{"motd:1"},
         lab::ImageSpec{{"sleep", "100"}, {}, "", {{1000}}, {{"/etc/motd", "hello\n"}}}});
    EngineFixture lab(1, world);
    QCOMPARE(lab.docker("run -d -e FROM_RUN=1 --name box motd:1").status, 0);
    QCOMPARE(lab.out("exec box cat /etc/motd"), QString("hello"));
    QCOMPARE(lab.out("exec -e FROM_EXEC=2 box sh -c 'echo $FROM_RUN $FROM_EXEC'"), QString("1 2"));
    QCOMPARE(lab.out("exec -w /tmp box sh -c 'echo $PWD'"), QString("/tmp"));
    const auto user = lab.docker("exec -u nobody box true");
    QCOMPARE(user.status, 126);
    QCOMPARE(lab.out("exec -u 1000:1000 box echo ok"), QString("ok"));
}

void InsideCommandsTest::execdProcessesDieWithPid1() {
    EngineFixture lab;
    QCOMPARE(lab.docker("run -d --name box busybox sleep 100").status, 0);
    QCOMPARE(lab.docker("exec -d box sleep 500").status, 0);
    QCOMPARE(lab.docker("top box").out.size(), std::size_t(3)); // header, PID 1, the exec
    QCOMPARE(lab.docker("kill box").status, 0);
    QCOMPARE(lab.docker("start box").status, 0);
    const auto rows = lab.docker("top box -o pid,args").out;
    QCOMPARE(rows.size(), std::size_t(2));
    QVERIFY(rows.at(1).ends_with("sleep 100"));
}

void InsideCommandsTest::topListsExecdProcessesWhilePaused() {
    EngineFixture lab;
    QCOMPARE(lab.docker("run -d --name box busybox sleep 100").status, 0);
    QCOMPARE(lab.docker("exec -d box sleep 500").status, 0);
    QCOMPARE(lab.docker("pause box").status, 0);
    const auto rows = lab.docker("top box -o pid,comm,args").out;
    QCOMPARE(rows.size(), std::size_t(3));
    QVERIFY(rows.at(2).ends_with("sleep 500"));
    const auto refused = lab.docker("exec box true");
    QCOMPARE(refused.status, 1);
    QCOMPARE(QString::fromStdString(refused.err.at(0)),
             QString("Error response from daemon: Container box is paused, unpause the container "
                     "before exec"));
}

void InsideCommandsTest::pauseFreezesExecdProcessesToo() {
    EngineFixture lab;
    QCOMPARE(lab.docker("run -d --name box busybox sleep 100").status, 0);
    QCOMPARE(lab.docker("exec -d box sleep 5").status, 0);
    QCOMPARE(lab.docker("pause box").status, 0);
    // While frozen, the exec'd sleep's deadline passes; it ends only once thawed.
    QCOMPARE(lab.docker("run --name timer busybox sleep 10").status, 0);
    QCOMPARE(lab.docker("top box").out.size(), std::size_t(3));
    QCOMPARE(lab.docker("unpause box").status, 0);
    lab.engine.runUntil([] { return false; }, std::chrono::milliseconds(1));
    QCOMPARE(lab.docker("top box").out.size(), std::size_t(2));
}

void InsideCommandsTest::statsKeepsMemoryWhilePausedAndFreesItAtExit() {
    EngineFixture lab;
    const std::string sample = "stats --no-stream --format '{{.MemUsage}} {{.PIDs}}' box";
    QCOMPARE(lab.docker("run -d --name box busybox sleep 100").status, 0);
    QCOMPARE(lab.docker("exec -d box sleep 500").status, 0);
    const QString running = lab.out(sample);
    QVERIFY2(running.endsWith(" 2") && !running.startsWith("0B "), qPrintable(running));
    QCOMPARE(lab.docker("pause box").status, 0);
    QCOMPARE(lab.out(sample), running);
    QCOMPARE(lab.out("stats --no-stream --format '{{.CPUPerc}}' box"), QString("0.00%"));
    QCOMPARE(lab.docker("unpause box").status, 0);
    QCOMPARE(lab.docker("stop -t 1 box").status, 0);
    QCOMPARE(lab.out(sample), QString("0B / 0B 0"));
}

void InsideCommandsTest::shellOutgrowingItsMemoryIsOomKilled() {
    EngineFixture lab;
    const std::size_t before = lab.engine.events().size();
    const auto result =
        lab.docker("run --name hog --memory 8m busybox sh -c 'a=x; while true; do a=$a$a; done'");
    QCOMPARE(result.status, 137);
    QCOMPARE(lab.out("inspect -f '{{.State.ExitCode}} {{.State.OOMKilled}}' hog"),
             QString("137 true"));
    QVERIFY2(lab.actionsSince(before).contains("oom die(137)"),
             qPrintable(lab.actionsSince(before)));
    // The same shell with no limit stops at the simulation's budget instead, in words.
    const auto unlimited = lab.docker("run --name free busybox sh -c 'a=x; while true; do "
                                      "a=$a$a; done'");
    QCOMPARE(unlimited.status, 2);
    QVERIFY(EngineFixture::join(unlimited.err).find("the simulation's limit") != std::string::npos);
}

void InsideCommandsTest::updateRaisesTheLimitInTime() {
    EngineFixture lab;
    // grows by doubling every second: 1 MiB after 20 s, past 8 MiB after 23 s
    QCOMPARE(lab.docker("run -d --name grow --memory 8m busybox sh -c 'a=x; while true; do "
                        "a=$a$a; sleep 1; done'")
                 .status,
             0);
    QCOMPARE(lab.out("update --memory 64m --memory-swap 128m grow"), QString("grow"));
    QCOMPARE(lab.out("wait grow"), QString("137"));
    // 64 MiB is reached after 26 s, not 23 s: the new limit reached the running shell
    QVERIFY2(lab.elapsedSeconds() > 25.0, qPrintable(QString::number(lab.elapsedSeconds())));
}

QTEST_GUILESS_MAIN(InsideCommandsTest)
#include "tst_inside_commands.moc"
