// The engine end to end, through the docker CLI: event orders (reference section 6.2), timing on
// the virtual clock, restart back-off, faults and daemon restore, lookup rules, determinism.
#include "EngineFixture.h"

#include <QtTest>

using lab::test::EngineFixture;

class EngineFlowsTest : public QObject {
    Q_OBJECT
private slots:
    void eventOrders_data();
    void eventOrders();
    void stopWaitsTheTimeoutThenKills();
    void stopOfTermHandlerIsPrompt();
    void stopWithoutTimeoutWaitsForTheExit();
    void policyRestartBackOffDoubles();
    void onFailureGivesUpAfterMaxRetries();
    void failedRemovalLeavesDeadAndRmRetries();
    void outOfMemoryKillsWith137();
    void daemonRestartRestoresByPolicy();
    void faultsSayWhetherTheyApply();
    void daemonSaysWhileItRestarts();
    void lookupByPrefixNameAndAmbiguity();
    void sameSeedSameRun();
    void notModifiedLogsNothing();
    void processesReadTheImagesFiles();
    void envReachesTheShellAndInspect();
    void securityOptionsAreRecorded();
    void eventsAndLogTimesHaveNineDigits();
};

void EngineFlowsTest::eventOrders_data() {
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("expectedEvents");
    const QStringList running = {"run -d --name web busybox sleep 1000"};
    const QStringList paused = running + QStringList{"pause web"};
    QTest::newRow("run -d: create, start")
        << QStringList{} << "run -d --name web busybox sleep 1000"
        << "create start";
    QTest::newRow("attached run --rm: create, attach, start, die, destroy")
        << QStringList{} << "run --rm --name web busybox true"
        << "create attach start die(0) destroy";
    QTest::newRow("stop of sleep: kill 15, kill 9 after the timeout, die 137, stop")
        << running << "stop -t 1 web"
        << "kill(15) kill(9) die(137) stop";
    QTest::newRow("stop of a paused container thaws it after SIGTERM")
        << paused << "stop -t 1 web"
        << "kill(15) unpause kill(9) die(137) stop";
    QTest::newRow("kill: kill 9, die 137") << running << "kill web"
                                           << "kill(9) die(137)";
    QTest::newRow("kill of a paused container: kill 9, unpause, die") << paused << "kill web"
                                                                      << "kill(9) unpause die(137)";
    QTest::newRow("restart of running: stop sequence, then start, restart")
        << running << "restart -t 1 web"
        << "kill(15) kill(9) die(137) stop start restart";
    QTest::newRow("restart of a created container: start, restart")
        << QStringList{"create --name web busybox sleep 1000"} << "restart web"
        << "start restart";
    QTest::newRow("rm -f of running: kill 9, die, destroy, no stop") << running << "rm -f web"
                                                                     << "kill(9) die(137) destroy";
    QTest::newRow("rm of exited: destroy") << QStringList{"run --name web busybox true"} << "rm web"
                                           << "destroy";
    QTest::newRow("pause then unpause") << running << "pause web"
                                        << "pause";
    QTest::newRow("rename logs rename") << running << "rename web db"
                                        << "rename";
}

void EngineFlowsTest::eventOrders() {
    QFETCH(QStringList, setup);
    QFETCH(QString, command);
    QFETCH(QString, expectedEvents);
    EngineFixture lab;
    for (const QString& line : setup)
        QCOMPARE(lab.docker(line.toStdString()).status, 0);
    const std::size_t before = lab.engine.events().size();
    const auto result = lab.docker(command.toStdString());
    QCOMPARE(result.status, 0);
    QCOMPARE(lab.actionsSince(before), expectedEvents);
}

void EngineFlowsTest::stopWaitsTheTimeoutThenKills() {
    EngineFixture lab;
    lab.docker("run -d --name web busybox sleep 1000");
    const double before = lab.elapsedSeconds();
    QCOMPARE(lab.out("stop web"), QString("web"));
    // PID 1 without a handler ignores SIGTERM: the whole default timeout passes, then SIGKILL,
    // and the daemon hears of the exit a moment later.
    const double notice =
        std::chrono::duration<double>(lab::SimulatedBackend::kExitNoticeDelay).count();
    QCOMPARE(lab.elapsedSeconds() - before, 10.0 + notice);
    QCOMPARE(lab.out("inspect -f '{{.State.Status}} {{.State.ExitCode}}' web"),
             QString("exited 137"));
}

void EngineFlowsTest::stopOfTermHandlerIsPrompt() {
    EngineFixture lab;
    lab.docker("run -d --init --name web busybox sleep 1000");
    const double before = lab.elapsedSeconds();
    lab.docker("stop web");
    QVERIFY(lab.elapsedSeconds() - before < 1.0);
    QCOMPARE(lab.out("inspect -f '{{.State.ExitCode}}' web"), QString("143"));
}

void EngineFlowsTest::stopWithoutTimeoutWaitsForTheExit() {
    // docker stop -t -1: no timeout, so no SIGKILL; the call returns when something else ends
    // the process (here a docker kill an hour later).
    EngineFixture lab;
    lab.docker("run -d --name web busybox sleep 100000");
    lab::Container* web = *lab.engine.find("web");
    lab::CommandEvent stop{lab::Command::Stop, lab.engine.clock().now()};
    stop.timeout = std::chrono::seconds(-1);
    const lab::CallHandle call = lab.engine.command(*web, stop, "web");
    QVERIFY(!lab.engine.runUntil([&] { return call->finished(); }, std::chrono::hours(1)));
    QCOMPARE(lab.out("inspect -f '{{.State.Status}}' web"), QString("running"));
    QCOMPARE(lab.out("kill web"), QString("web"));
    QVERIFY(call->finished());
    QVERIFY(call->result().has_value());
    QCOMPARE(lab.out("inspect -f '{{.State.Status}} {{.State.ExitCode}}' web"),
             QString("exited 137"));
}

void EngineFlowsTest::policyRestartBackOffDoubles() {
    EngineFixture lab;
    lab.docker("run -d --restart always --name web busybox false");
    lab.engine.runUntil([&] { return lab.engine.events().size() >= 12; });
    // Gaps between each die and the next start: 100 ms, then doubling.
    std::vector<double> gaps;
    lab::TimePoint lastDie{};
    for (const auto& event : lab.engine.events()) {
        if (event.action == "die")
            lastDie = event.at;
        if (event.action == "start" && lastDie != lab::TimePoint{})
            gaps.push_back(std::chrono::duration<double, std::milli>(event.at - lastDie).count());
    }
    QVERIFY(gaps.size() >= 4);
    QCOMPARE(gaps[0], 100.0);
    QCOMPARE(gaps[1], 200.0);
    QCOMPARE(gaps[2], 400.0);
    QCOMPARE(gaps[3], 800.0);
    // Between a die and the next start the container waits in back-off: restarting.
    lab.engine.runUntil([&] { return lab.engine.events().back().action == "die"; });
    QCOMPARE(lab.out("ps -a --format '{{.State}}'"), QString("restarting"));
}

void EngineFlowsTest::onFailureGivesUpAfterMaxRetries() {
    EngineFixture lab;
    lab.docker("run -d --restart on-failure:3 --name web busybox sh -c 'exit 3'");
    lab.engine.runUntil([] { return false; }, std::chrono::seconds(5));
    QCOMPARE(lab.out("inspect -f '{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}' web"),
             QString("exited 3 3"));
}

void EngineFlowsTest::failedRemovalLeavesDeadAndRmRetries() {
    EngineFixture lab;
    lab.docker("create --name web busybox true");
    QVERIFY(lab.engine.injectFault(lab::Fault::NextRemovalFails, nullptr).has_value());
    const auto failed = lab.docker("rm web");
    QCOMPARE(failed.status, 1);
    QVERIFY(failed.err.at(0).find("device or resource busy") != std::string::npos);
    QCOMPARE(lab.out("ps -a --format '{{.Names}} {{.State}} {{.Status}}'"),
             QString("web dead Dead"));
    QCOMPARE(lab.docker("start web").status, 1);
    QCOMPARE(lab.out("rm web"), QString("web"));
    QCOMPARE(lab.out("ps -aq"), QString());
}

void EngineFlowsTest::outOfMemoryKillsWith137() {
    EngineFixture lab;
    lab.docker("run -d --name web busybox sleep 1000");
    auto container = lab.engine.find("web");
    QVERIFY(container.has_value());
    const std::size_t before = lab.engine.events().size();
    QVERIFY(lab.engine.injectFault(lab::Fault::OutOfMemory, *container).has_value());
    lab.engine.runUntil([&] { return !(*container)->machine.isRunning(); });
    QCOMPARE(lab.actionsSince(before), QString("oom die(137)"));
    QCOMPARE(lab.out("inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' web"),
             QString("true 137"));
}

void EngineFlowsTest::daemonRestartRestoresByPolicy() {
    EngineFixture lab;
    lab.docker("run -d --restart always --name always busybox sleep 1000");
    lab.docker("run -d --restart unless-stopped --name unless busybox sleep 1000");
    lab.docker("run -d --restart unless-stopped --name stopped busybox sleep 1000");
    lab.docker("stop -t 0 stopped");
    lab.docker("run -d --name plain busybox sleep 1000");
    lab.docker("create --name fresh --restart always busybox sleep 1000");
    lab.engine.restartDaemon();
    lab.engine.runUntil([] { return false; }, std::chrono::seconds(30));
    QCOMPARE(
        lab.out("ps -a --format '{{.Names}} {{.State}}'"),
        QString("fresh created\nplain exited\nstopped exited\nunless running\nalways running"));
}

void EngineFlowsTest::faultsSayWhetherTheyApply() {
    EngineFixture lab;
    // An armed removal failure is not armed twice, and the next removal spends it.
    QVERIFY(lab.engine.canInject(lab::Fault::NextRemovalFails, nullptr).has_value());
    QVERIFY(lab.engine.injectFault(lab::Fault::NextRemovalFails, nullptr).has_value());
    const auto armed = lab.engine.canInject(lab::Fault::NextRemovalFails, nullptr);
    QVERIFY(!armed);
    QCOMPARE(QString::fromStdString(armed.error().message),
             QString("armed: the next removal fails and leaves its container dead"));
    QVERIFY(!lab.engine.injectFault(lab::Fault::NextRemovalFails, nullptr));
    lab.docker("create --name doomed busybox true");
    QCOMPARE(lab.docker("rm doomed").status, 1);
    QVERIFY(lab.engine.canInject(lab::Fault::NextRemovalFails, nullptr).has_value());
    // The OOM killer finds only a container whose state has an out-of-memory row: running.
    lab.docker("run -d --name web busybox sleep 1000");
    lab::Container* web = *lab.engine.find("web");
    QVERIFY(lab.engine.canInject(lab::Fault::OutOfMemory, web).has_value());
    lab.docker("pause web");
    const auto paused = lab.engine.canInject(lab::Fault::OutOfMemory, web);
    QVERIFY(!paused);
    QCOMPARE(QString::fromStdString(paused.error().message),
             QString("only a running process can run out of memory: web is paused"));
    QVERIFY(!lab.engine.injectFault(lab::Fault::OutOfMemory, web));
    QCOMPARE(lab.out("inspect -f '{{.State.Status}} {{.State.OOMKilled}}' web"),
             QString("paused false"));
    QVERIFY(!lab.engine.canInject(lab::Fault::OutOfMemory, nullptr));
}

void EngineFlowsTest::daemonSaysWhileItRestarts() {
    EngineFixture lab;
    lab.docker("run -d --name web busybox sleep 1000"); // ignores SIGTERM: 10 s to stop
    QVERIFY(!lab.engine.daemonRestarting());
    lab.engine.restartDaemon();
    QVERIFY(lab.engine.daemonRestarting());
    QVERIFY(lab.engine.runUntil([&] { return !lab.engine.daemonRestarting(); }));
    QCOMPARE(lab.out("ps -a --format '{{.Names}} {{.State}}'"), QString("web exited"));
}

void EngineFlowsTest::lookupByPrefixNameAndAmbiguity() {
    EngineFixture lab;
    const std::string id = lab.docker("create --name web busybox true").out.at(0);
    QCOMPARE(lab.out("inspect -f '{{.Name}}' " + id.substr(0, 5)), QString("/web"));
    QCOMPARE(lab.out("inspect -f '{{.Id}}' web"), QString::fromStdString(id));
    const auto missing = lab.docker("stop nosuch");
    QCOMPARE(missing.status, 1);
    QCOMPARE(QString::fromStdString(missing.err.at(0)),
             QString("Error response from daemon: No such container: nosuch"));
    // With enough containers two IDs share a first hex digit: that prefix is ambiguous.
    for (int i = 0; i < 20; ++i)
        lab.docker("create busybox true");
    std::map<char, int> firstDigits;
    char shared = 0;
    for (const auto* container : lab.engine.containers())
        if (++firstDigits[container->id[0]] == 2)
            shared = container->id[0];
    QVERIFY(shared != 0);
    const auto ambiguous = lab.docker(std::string("stop ") + shared);
    QCOMPARE(QString::fromStdString(ambiguous.err.at(0)),
             QString("Error response from daemon: Multiple IDs found with provided prefix: ") +
                 shared);
    // rm -f forgives a container that does not exist, not a name that is ambiguous.
    QCOMPARE(lab.docker("rm -f nosuch").status, 0);
    const auto ambiguousRemoval = lab.docker(std::string("rm -f ") + shared);
    QCOMPARE(ambiguousRemoval.status, 1);
    QCOMPARE(lab.engine.containers().size(), std::size_t(21));
}

void EngineFlowsTest::sameSeedSameRun() {
    EngineFixture first(42);
    EngineFixture second(42);
    EngineFixture other(43);
    const std::string line = "run -d busybox sleep 5";
    QCOMPARE(first.out(line), second.out(line));
    QVERIFY(first.out("ps -a --format '{{.Names}}'") == second.out("ps -a --format '{{.Names}}'"));
    QVERIFY(first.out(line) != other.out(line));
}

void EngineFlowsTest::notModifiedLogsNothing() {
    EngineFixture lab;
    lab.docker("run -d --name web busybox sleep 1000");
    const std::size_t before = lab.engine.events().size();
    QCOMPARE(lab.out("start web"), QString("web")); // 304: success, nothing happens
    QCOMPARE(lab.actionsSince(before), QString());
}

void EngineFlowsTest::processesReadTheImagesFiles() {
    lab::World world = lab::test::smallWorld();
    world.images.push_back(
        {{"motd:1"},
         lab::ImageSpec{
             {"cat", "/etc/motd"}, {}, "", {{1000}}, {{"/etc/motd", "hello from the image\n"}}}});
    EngineFixture lab(1, world);
    const auto result = lab.docker("run --name reader motd:1");
    QCOMPARE(result.status, 0);
    QCOMPARE(QString::fromStdString(EngineFixture::join(result.out)),
             QString("hello from the image"));
    // A file the image does not give content to is missing, as cat reports it.
    const auto missing = lab.docker("run --name other motd:1 cat /etc/nothing");
    QCOMPARE(missing.status, 1);
    QCOMPARE(QString::fromStdString(missing.err.at(0)),
             QString("cat: can't open '/etc/nothing': No such file or directory"));
}

void EngineFlowsTest::envReachesTheShellAndInspect() {
    EngineFixture lab;
    const auto run = lab.docker("run --name greeter -e GREETING=hello --env WHO=world busybox sh "
                                "-c 'echo $GREETING $WHO'");
    QCOMPARE(QString::fromStdString(EngineFixture::join(run.out)), QString("hello world"));
    QCOMPARE(lab.out("inspect -f '{{.Config.Env}}' greeter"),
             QString("[GREETING=hello WHO=world "
                     "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin]"));
    // The simulated process has no host PID: a stand-in, stable for the run; 0 once it exited.
    QCOMPARE(lab.out("inspect -f '{{.State.Pid}}' greeter"), QString("0"));
}

void EngineFlowsTest::securityOptionsAreRecorded() {
    EngineFixture lab;
    QCOMPARE(lab.docker("create --name box --privileged --cap-add net_admin --cap-drop MKNOD "
                        "--security-opt no-new-privileges busybox")
                 .status,
             0);
    QCOMPARE(lab.out("inspect -f '{{.HostConfig.Privileged}} {{.HostConfig.CapAdd}} "
                     "{{.HostConfig.CapDrop}} {{.HostConfig.SecurityOpt}}' box"),
             QString("true [net_admin] [MKNOD] [no-new-privileges]"));
    QCOMPARE(lab.docker("create --name plain busybox").status, 0);
    QCOMPARE(lab.out("inspect -f '{{.HostConfig.CapAdd}} {{.HostConfig.Privileged}}' plain"),
             QString("[] false"));
}

// docker events and logs -t print the daemon's times with a fixed nine-digit fraction
// (jsonmessage.RFC3339NanoFixed), and --since 0 is Unix time 0, not "0s ago".
void EngineFlowsTest::eventsAndLogTimesHaveNineDigits() {
    EngineFixture lab;
    lab.docker("run -d --name web busybox echo hi");
    lab.engine.runUntil([&] { return lab.engine.events().back().action == "die"; });
    const lab::CliOutput events = lab.docker("events --since 0 --format '{{.Action}}'");
    QCOMPARE(events.out.front(), std::string("create"));
    const lab::CliOutput lines = lab.docker("events --since 0 --filter event=create");
    QCOMPARE(lines.out.size(), std::size_t(1));
    QVERIFY2(QString::fromStdString(lines.out.front())
                 .contains(QRegularExpression(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z )")),
             lines.out.front().c_str());
    const lab::CliOutput logs = lab.docker("logs -t web");
    QCOMPARE(logs.out.size(), std::size_t(1));
    QVERIFY2(QString::fromStdString(logs.out.front())
                 .contains(QRegularExpression(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z hi$)")),
             logs.out.front().c_str());
}

QTEST_APPLESS_MAIN(EngineFlowsTest)
#include "tst_engine_flows.moc"
