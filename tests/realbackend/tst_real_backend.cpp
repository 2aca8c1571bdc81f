// The real backend end to end: a lab::Engine over RealBackend and RealClock, driven through the
// docker CLI, on real processes in namespaces and cgroups: the lifecycle, exits, signals, the
// root filesystem, rootless mode (what is left behind and taken back: tst_real_recovery; live
// figures and the OOM killer: tst_real_resources). Expected exit codes, events and
// messages are Docker 20.10's (docs/DOCKER-BEHAVIOUR.md §2.2, §6.2). As root it uses
// the system's cgroups; as a user it is rootless (tests/realbackend/rootless.sh runs it so in a
// delegated cgroup, and again in one that is not). Skips with the kernel's reason where refused.
#include "RealFixture.h"

#include <QtTest>
#include <chrono>

using lab::real::CgroupMode;
using lab::test::readAll;
using lab::test::RealFixture;

namespace {

double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

// A process that shows its progress: a numbered line every 20 ms.
const std::string kCounter = "sh -c 'i=0; while :; do i=$((i+1)); echo $i; sleep 0.02; done'";

} // namespace

class RealBackendTest : public QObject {
    Q_OBJECT
private slots:
    void lifecycle_data();
    void lifecycle();
    void eventOrders_data();
    void eventOrders();
    void exitCodeAndOutputOfTheShell();
    void startFailures_data();
    void startFailures();
    void theProcessIsPid1InItsOwnNamespaces();
    void statePidIsTheHostPidOfPid1();
    void envReachesTheProcess();
    void writesGoToTheContainerNotTheImage();
    void withoutOverlayTheImageIsReadOnly();
    void initForwardsSignalsToTheCommand();
    void aSignalRightAfterStartReachesTheTrap();
    void aMissingImageIsNotFoundLocally();
    void restartPolicyOnRealExits();
    void rootlessMapsTheUserToRoot();
    void withoutADelegatedCgroup();
};

void RealBackendTest::lifecycle_data() {
    ADD_FREEZER_ROWS();
}

void RealBackendTest::lifecycle() {
    QFETCH(CgroupMode, mode);
    OPEN_OR_SKIP(lab, mode);
    qInfo("%s", lab->backend->cgroupDescription().c_str());

    QCOMPARE(lab->docker("create --name web busybox " + kCounter).status, 0);
    const std::string id = lab->idOf("web");
    QCOMPARE(lab->out("inspect -f {{.State.Status}} web"), QString("created"));
    QVERIFY(std::filesystem::is_directory(lab->backend->cgroupPath(id)));
    QCOMPARE(lab->backend->hostPid(id), -1);

    QCOMPARE(lab->docker("start web").status, 0);
    QCOMPARE(lab->out("inspect -f {{.State.Status}} web"), QString("running"));
    const int pid = lab->backend->hostPid(id);
    QVERIFY(pid > 0);
    // The kernel itself says which cgroup the process is in.
    const std::string cgroupOfPid = readAll("/proc/" + std::to_string(pid) + "/cgroup");
    QVERIFY2(cgroupOfPid.find("/" + id + "\n") != std::string::npos, cgroupOfPid.c_str());
    auto& logs = (*lab->engine->find("web"))->logs;
    QVERIFY(lab->engine->runUntil([&] { return logs.size() >= 3; }, std::chrono::seconds(5)));

    auto started = std::chrono::steady_clock::now();
    QCOMPARE(lab->docker("pause web").status, 0);
    const double pauseMs = millisecondsSince(started);
    QCOMPARE(lab->out("inspect -f {{.State.Status}} web"), QString("paused"));
    const std::string cgroup = lab->backend->cgroupPath(id);
    if (mode == CgroupMode::V2)
        QVERIFY(readAll(cgroup + "/cgroup.events").find("frozen 1") != std::string::npos);
    else
        QCOMPARE(QString::fromStdString(readAll(cgroup + "/freezer.state")).trimmed(),
                 QString("FROZEN"));
    // Frozen means no progress: 15 more lines would be due in 300 ms, none come.
    const std::size_t linesWhenPaused = logs.size();
    lab->letPass(std::chrono::milliseconds(300));
    QCOMPARE(logs.size(), linesWhenPaused);

    started = std::chrono::steady_clock::now();
    QCOMPARE(lab->docker("unpause web").status, 0);
    const double unpauseMs = millisecondsSince(started);
    QCOMPARE(lab->out("inspect -f {{.State.Status}} web"), QString("running"));
    QVERIFY(lab->engine->runUntil([&] { return logs.size() > linesWhenPaused + 2; },
                                  std::chrono::seconds(5)));
    qInfo("pause %.3f ms, unpause %.3f ms (docker CLI call to Frozen/Thawed outcome, wall clock)",
          pauseMs, unpauseMs);

    const auto& trace = lab->backend->trace(id);
    const auto traced = [&](const std::string& what) {
        for (const auto& line : trace)
            if (line.find(what) != std::string::npos)
                return true;
        return false;
    };
    QVERIFY(traced(
        "clone3(CLONE_NEWPID|CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWNET|CLONE_PIDFD"));
    QCOMPARE(traced("CLONE_NEWUSER"), lab->backend->rootless());
    QVERIFY(traced(mode == CgroupMode::V2 ? "cgroup.freeze <- 1" : "freezer.state <- FROZEN"));
    QVERIFY(traced(mode == CgroupMode::V2 ? "cgroup.freeze <- 0" : "freezer.state <- THAWED"));

    // rm -f of a paused container: SIGKILL, thaw, exit, removal.
    QCOMPARE(lab->docker("pause web").status, 0);
    std::size_t mark = lab->engine->events().size();
    QCOMPARE(lab->docker("rm -f web").status, 0);
    QCOMPARE(lab->actionsSince(mark), QString("kill(9) unpause die(137) destroy"));
    QCOMPARE(lab->out("ps -aq"), QString());
    QVERIFY(traced("rmdir " + cgroup));
    QVERIFY(traced("umount2("));

    // stop of sleep: PID 1 without a handler ignores SIGTERM, so stop takes its timeout.
    QCOMPARE(lab->docker("run -d --name sleeper busybox sleep 100").status, 0);
    mark = lab->engine->events().size();
    started = std::chrono::steady_clock::now();
    QCOMPARE(lab->docker("stop -t 1 sleeper").status, 0);
    const double stopMs = millisecondsSince(started);
    QVERIFY2(stopMs >= 1000 && stopMs < 3000, qPrintable(QString::number(stopMs)));
    QCOMPARE(lab->actionsSince(mark), QString("kill(15) kill(9) die(137) stop"));
    QCOMPARE(lab->out("inspect -f '{{.State.Status}} {{.State.ExitCode}}' sleeper"),
             QString("exited 137"));

    QCOMPARE(lab->docker("start sleeper").status, 0);
    mark = lab->engine->events().size();
    QCOMPARE(lab->docker("kill sleeper").status, 0);
    lab->engine->runUntil([&] { return !(*lab->engine->find("sleeper"))->machine.isRunning(); },
                          std::chrono::seconds(5));
    QCOMPARE(lab->actionsSince(mark), QString("kill(9) die(137)"));
    QCOMPARE(lab->out("inspect -f '{{.State.Status}} {{.State.ExitCode}}' sleeper"),
             QString("exited 137"));
    QCOMPARE(lab->docker("rm sleeper").status, 0);

    QCOMPARE(lab->leftovers(), QStringList());
}

void RealBackendTest::eventOrders_data() {
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("expectedEvents");
    // docs/DOCKER-BEHAVIOUR.md §6.2, the same orders the simulation is held to.
    QTest::newRow("run -d: create, start") << ""
                                           << "run -d --name web busybox sleep 1000"
                                           << "create start";
    QTest::newRow("attached run --rm: create, attach, start, die, destroy")
        << ""
        << "run --rm --name web busybox true"
        << "create attach start die(0) destroy";
    QTest::newRow("kill: kill 9, die 137") << "run -d --name web busybox sleep 1000"
                                           << "kill web"
                                           << "kill(9) die(137)";
    QTest::newRow("rm -f of running: kill 9, die, destroy, no stop")
        << "run -d --name web busybox sleep 1000"
        << "rm -f web"
        << "kill(9) die(137) destroy";
    QTest::newRow("rm of exited: destroy") << "run --name web busybox true"
                                           << "rm web"
                                           << "destroy";
    QTest::newRow("restart of a created container: start, restart")
        << "create --name web busybox sleep 1000"
        << "restart web"
        << "start restart";
}

void RealBackendTest::eventOrders() {
    QFETCH(QString, setup);
    QFETCH(QString, command);
    QFETCH(QString, expectedEvents);
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    if (!setup.isEmpty())
        QCOMPARE(lab->docker(setup.toStdString()).status, 0);
    const std::size_t mark = lab->engine->events().size();
    lab->docker(command.toStdString());
    // Events after the call returned (an exit noticed a moment later) may still come.
    lab->engine->runUntil([&] { return lab->actionsSince(mark) == expectedEvents; },
                          std::chrono::seconds(3));
    QCOMPARE(lab->actionsSince(mark), expectedEvents);
    lab->docker("rm -f web");
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealBackendTest::exitCodeAndOutputOfTheShell() {
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    const auto three =
        lab->docker("run --name three busybox sh -c 'echo out; echo err >&2; exit 3'");
    QCOMPARE(three.status, 3);
    QCOMPARE(lab->out("inspect -f '{{.State.Status}} {{.State.ExitCode}}' three"),
             QString("exited 3"));
    QCOMPARE(RealFixture::join(lab->docker("logs three").out), QString("out"));
    QCOMPARE(RealFixture::join(lab->docker("logs three").err), QString("err"));
    QCOMPARE(lab->docker("rm three").status, 0);

    QCOMPARE(lab->out("run --rm busybox echo hello"), QString("hello"));
    QCOMPARE(lab->out("ps -aq"), QString());
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealBackendTest::startFailures_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("daemonMessage");
    const QString prefix =
        "failed to create shim task: OCI runtime create failed: runc create failed: "
        "unable to start container process: ";
    // The first is the message observed on Docker (DOCKER-BEHAVIOUR.md §2.2) word for word.
    QTest::newRow("not in PATH: 127")
        << "nonexistcmd" << 127
        << prefix + "exec: \"nonexistcmd\": executable file not found in $PATH: unknown";
    QTest::newRow("no such path: 127")
        << "/nonexist" << 127
        << prefix + "exec: \"/nonexist\": stat /nonexist: no such file or directory: unknown";
    QTest::newRow("a directory: permission denied, 126")
        << "/etc" << 126 << prefix + "exec: \"/etc\": permission denied: unknown";
}

void RealBackendTest::startFailures() {
    QFETCH(QString, command);
    QFETCH(int, exitCode);
    QFETCH(QString, daemonMessage);
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    const auto run = lab->docker("run --name failing busybox " + command.toStdString());
    QVERIFY2(run.status == exitCode, qPrintable(RealFixture::join(run.err)));
    QVERIFY2(RealFixture::join(run.err).contains(daemonMessage),
             qPrintable(RealFixture::join(run.err)));
    QCOMPARE(lab->out("inspect -f '{{.State.Status}} {{.State.ExitCode}}' failing"),
             QString("created %1").arg(exitCode));
    QCOMPARE(lab->docker("rm failing").status, 0);
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealBackendTest::theProcessIsPid1InItsOwnNamespaces() {
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    const auto run = lab->docker("run --name ns busybox sh -c 'echo $$; hostname; ls "
                                 "/sys/class/net; ls /proc/1/root/bin/busybox'");
    QCOMPARE(run.status, 0);
    const QString shortId = QString::fromStdString(lab->idOf("ns").substr(0, 12));
    QCOMPARE(RealFixture::join(run.out), "1\n" + shortId + "\nlo\n/proc/1/root/bin/busybox");
    QCOMPARE(lab->docker("rm ns").status, 0);
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealBackendTest::statePidIsTheHostPidOfPid1() {
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    QCOMPARE(lab->docker("run -d --name pid busybox sleep 1000").status, 0);
    const QString pid = lab->out("inspect -f '{{.State.Pid}}' pid");
    const std::string proc = "/proc/" + pid.toStdString();
    // A live process on this host, PID 1 in a PID namespace that is not ours.
    QVERIFY2(readAll(proc + "/status").find("NSpid:\t" + pid.toStdString() + "\t1\n") !=
                 std::string::npos,
             qPrintable(pid));
    QVERIFY(std::filesystem::read_symlink(proc + "/ns/pid") !=
            std::filesystem::read_symlink("/proc/self/ns/pid"));
    QCOMPARE(lab->docker("stop -t 0 pid").status, 0);
    QCOMPARE(lab->out("inspect -f '{{.State.Pid}}' pid"), QString("0"));
    QCOMPARE(lab->docker("rm pid").status, 0);
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealBackendTest::envReachesTheProcess() {
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    const auto run =
        lab->docker("run --name env -e GREETING=hello --env PATH=/usr/bin:/bin -e HOME=/tmp "
                    "busybox env");
    QCOMPARE(run.status, 0);
    const QStringList env = RealFixture::join(run.out).split('\n');
    for (const char* variable : {"GREETING=hello", "PATH=/usr/bin:/bin", "HOME=/tmp"})
        QVERIFY2(env.contains(variable), qPrintable(RealFixture::join(run.out)));
    QVERIFY(env.contains("HOSTNAME=" + QString::fromStdString(lab->idOf("env").substr(0, 12))));
    QCOMPARE(lab->out("inspect -f '{{.Config.Env}}' env"),
             QString("[GREETING=hello PATH=/usr/bin:/bin HOME=/tmp]"));
    QCOMPARE(lab->docker("rm env").status, 0);
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealBackendTest::writesGoToTheContainerNotTheImage() {
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    if (lab->backend->rootless())
        QSKIP("rootless: the image is bound read-only inside the user namespace; no overlayfs "
              "there yet");
    QVERIFY2(lab->backend->rootfsDescription().rfind("overlayfs:", 0) == 0,
             lab->backend->rootfsDescription().c_str());
    const auto run = lab->docker("run --name writer busybox sh -c 'echo mine > /bin/x; cat /bin/x; "
                                 "rm /bin/cat; ls /bin/cat || echo gone'");
    QCOMPARE(RealFixture::join(run.out), QString("mine\ngone"));
    QCOMPARE(run.status, 0);
    const std::string id = lab->idOf("writer");
    const std::string containerDir = lab->backend->stateDir() + "/containers/" + id;
    // The write and the deletion (a whiteout) are in the container's upper directory...
    QCOMPARE(QString::fromStdString(readAll(containerDir + "/upper/bin/x")), QString("mine\n"));
    QVERIFY(std::filesystem::is_character_file(containerDir + "/upper/bin/cat"));
    // ...not in the image: another container still has cat, and no /bin/x.
    const auto other = lab->docker("run --rm busybox sh -c 'ls /bin/x; ls /bin/cat'");
    QCOMPARE(RealFixture::join(other.out), QString("/bin/cat"));
    QCOMPARE(RealFixture::join(other.err), QString("ls: /bin/x: No such file or directory"));
    QCOMPARE(lab->docker("rm writer").status, 0);
    QVERIFY(!std::filesystem::exists(containerDir));
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealBackendTest::withoutOverlayTheImageIsReadOnly() {
    OPEN_WITH_OR_SKIP(lab, CgroupMode::Auto, [](lab::real::RealBackendOptions& options) {
        options.writableRootfs = false;
    });
    QCOMPARE(QString::fromStdString(lab->backend->rootfsDescription()),
             QString("the image bind-mounted read-only (only /tmp is writable): overlayfs: not "
                     "wanted (writableRootfs is off)"));
    const auto run = lab->docker(
        "run --rm busybox sh -c 'touch /bin/x || echo refused; touch /tmp/x && echo written'");
    QCOMPARE(run.status, 0);
    QCOMPARE(RealFixture::join(run.out), QString("refused\nwritten"));
    QCOMPARE(RealFixture::join(run.err), QString("touch: /bin/x: Read-only file system"));
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealBackendTest::initForwardsSignalsToTheCommand() {
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    // The command is PID 2 under the backend's init.
    QCOMPARE(lab->out("run --rm --init busybox sh -c 'echo $$'"), QString("2"));

    // DOCKER-BEHAVIOUR §2.6: `--init sleep` gave 143 (SIGTERM reaches sleep: no timeout, no KILL).
    QCOMPARE(lab->docker("run -d --init --name web busybox sleep 1000").status, 0);
    const std::string id = lab->idOf("web");
    std::size_t mark = lab->engine->events().size();
    QCOMPARE(lab->docker("stop web").status, 0);
    QCOMPARE(lab->actionsSince(mark), QString("kill(15) die(143) stop"));
    QCOMPARE(lab->out("inspect -f '{{.State.Status}} {{.State.ExitCode}}' web"),
             QString("exited 143"));
    const auto traced = [&](const std::string& what) {
        for (const auto& line : lab->backend->trace(id))
            if (line == what)
                return true;
        return false;
    };
    QVERIFY(traced("init: fork() = 2, the command's execve there"));
    QVERIFY(traced("init: sigwaitinfo() = SIGTERM; kill(2, SIGTERM)"));
    QVERIFY(traced("init: waitpid() = 2, exit code 143"));

    // ... and `kill -s HUP` with --init gave 129.
    QCOMPARE(lab->docker("start web").status, 0);
    mark = lab->engine->events().size();
    QCOMPARE(lab->docker("kill -s HUP web").status, 0);
    lab->engine->runUntil([&] { return !(*lab->engine->find("web"))->machine.isRunning(); },
                          std::chrono::seconds(5));
    QCOMPARE(lab->actionsSince(mark), QString("kill(1) die(129)"));
    QCOMPARE(lab->docker("rm web").status, 0);
    QCOMPARE(lab->leftovers(), QStringList());
}

// A shell that works a little before it sets its trap, stopped the moment `run -d` answers (as a
// script would, with no CLI round trips between): Docker's process has long set its trap when
// the SIGTERM comes, and exits 0. The lab holds the signal until the container has settled
// (Settling.h); sent at once, it finds PID 1 without a handler, the kernel drops it, and `stop`
// waits out its timeout: 137 (most runs here; the trace's order fails every run).
void RealBackendTest::aSignalRightAfterStartReachesTheTrap() {
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    QCOMPARE(lab->docker("run -d --name trapper busybox sh -c 'i=0; while [ $i -lt 500 ]; do "
                         "i=$((i+1)); done; trap \"exit 0\" TERM; sleep 1000 & wait'")
                 .status,
             0);
    const std::size_t mark = lab->engine->events().size();
    QCOMPARE(lab->docker("stop -t 2 trapper").status, 0);
    QCOMPARE(lab->actionsSince(mark), QString("kill(15) die(0) stop"));
    const std::vector<std::string>& trace = lab->backend->trace(lab->idOf("trapper"));
    const auto at = [&](const std::string& prefix) {
        for (std::size_t i = 0; i < trace.size(); ++i)
            if (trace[i].rfind(prefix, 0) == 0)
                return int(i);
        return -1;
    };
    // Sent only once every process waited: the trace says so, in that order (held first when the
    // shell was still busy; on a slower start it may have settled before the stop came).
    QStringList lines; // what shows the order (the whole trace is longer than QTest prints)
    for (const std::string& line : trace)
        if (line.find("held") != std::string::npos || line.rfind("settled", 0) == 0 ||
            line.rfind("pidfd", 0) == 0 || line.rfind("child: execve", 0) == 0)
            lines << QString::fromStdString(line);
    const QByteArray shown = lines.join('\n').toUtf8();
    // Settled either way the rule allows (every process waiting, or a tick of CPU since execve:
    // the kernel charges CPU by whole ticks); what matters is the order and the trap's 0 above.
    const int settled = at("settled: ");
    QVERIFY2(settled >= 0 && at("pidfd_send_signal(") > settled, shown.constData());
    QVERIFY2(at("SIGTERM held") < settled, shown.constData());
    QCOMPARE(lab->docker("rm trapper").status, 0);
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealBackendTest::aMissingImageIsNotFoundLocally() {
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    const auto run = lab->docker("run --rm alpine true");
    QCOMPARE(run.status, 125);
    QCOMPARE(RealFixture::join(run.err),
             QString("Unable to find image 'alpine:latest' locally\ndocker: Error response from "
                     "daemon: the real backend pulls only from a registry on this machine's "
                     "loopback address over plain HTTP (127.0.0.1:5000/name:tag): docker.io would "
                     "need HTTPS and a token login (Docker Hub's), which it does not do\n\nRun "
                     "'docker run --help' for more information"));
    QCOMPARE(lab->out("ps -aq"), QString());
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealBackendTest::restartPolicyOnRealExits() {
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    QCOMPARE(lab->docker("run -d --restart on-failure:3 --name web busybox sh -c 'exit 3'").status,
             0);
    const lab::Container* web = *lab->engine->find("web");
    // Back-offs of 100, 200 and 400 ms between the real exits.
    QVERIFY(lab->engine->runUntil(
        [&] { return web->record.restartCount == 3 && !web->machine.isRunning(); },
        std::chrono::seconds(5)));
    QCOMPARE(lab->out("inspect -f '{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}' web"),
             QString("exited 3 3"));
    QCOMPARE(lab->docker("rm web").status, 0);
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealBackendTest::rootlessMapsTheUserToRoot() {
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    if (!lab->backend->rootless())
        QSKIP("running as root: containers get no user namespace");
    // Root inside, this user outside: the map the parent wrote, read by the container itself.
    const auto run = lab->docker("run --rm busybox sh -c 'id -u; cat /proc/self/uid_map "
                                 "/proc/self/setgroups; echo x > /dev/null && echo devices'");
    QCOMPARE(run.status, 0);
    const QStringList out = RealFixture::join(run.out).split('\n');
    QCOMPARE(out.size(), 4);
    QCOMPARE(out[0], QString("0"));
    QCOMPARE(out[1].simplified(), QString("0 %1 1").arg(::geteuid()));
    QCOMPARE(out[2], QString("deny"));
    QCOMPARE(out[3], QString("devices"));
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealBackendTest::withoutADelegatedCgroup() {
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    if (!lab->backend->cgroupRoot().empty())
        QSKIP("this process has a cgroup for its containers; rootless.sh runs this test where "
              "it has none");
    const QString why = QString::fromStdString(lab->backend->cgroupDescription());
    qInfo("%s", qPrintable(why));
    QVERIFY2(why.contains("is not delegated to uid " + QString::number(::geteuid())),
             qPrintable(why));
    QVERIFY2(why.contains("pause is refused"), qPrintable(why));

    QCOMPARE(lab->docker("run -d --name web busybox sleep 1000").status, 0);
    // The process stays in this process's own cgroup.
    const std::string own = readAll("/proc/self/cgroup");
    QCOMPARE(
        readAll("/proc/" + std::to_string(lab->backend->hostPid(lab->idOf("web"))) + "/cgroup"),
        own);
    const auto pause = lab->docker("pause web");
    qInfo("%s", qPrintable(RealFixture::join(pause.err)));
    QCOMPARE(pause.status, 1);
    QVERIFY2(RealFixture::join(pause.err).contains("no cgroup freezer for this container: "
                                                   "rootless: this process's cgroup"),
             qPrintable(RealFixture::join(pause.err)));
    QCOMPARE(lab->out("inspect -f {{.State.Status}} web"), QString("running"));
    // Without cgroup.kill, killing PID 1 ends its PID namespace.
    const std::size_t mark = lab->engine->events().size();
    QCOMPARE(lab->docker("rm -f web").status, 0);
    QCOMPARE(lab->actionsSince(mark), QString("kill(9) die(137) destroy"));
    QCOMPARE(lab->leftovers(), QStringList());
}

QTEST_GUILESS_MAIN(RealBackendTest)
#include "tst_real_backend.moc"
