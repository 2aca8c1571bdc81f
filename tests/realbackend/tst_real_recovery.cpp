// What the real backend leaves, and what it takes back: a state directory it claims as its own,
// recovery after a crash that removes only what the lab made, a real removal failure, random
// commands after which the engine and the kernel agree, and nothing outliving the backend. As root,
// and rootless through rootless.sh; skips with the backend's reason where it cannot run.
#include "RealFixture.h"
#include "Syscalls.h"

#include <QtTest>
#include <fcntl.h>
#include <filesystem>
#include <poll.h>
#include <random>

using lab::real::CgroupMode;
using lab::test::readAll;
using lab::test::RealFixture;

namespace {

// True when the kernel says the cgroup's tasks are frozen (v2 or v1 freezer).
bool frozenOnDisk(const std::string& cgroup) {
    if (std::filesystem::exists(cgroup + "/cgroup.events"))
        return readAll(cgroup + "/cgroup.events").find("frozen 1") != std::string::npos;
    return readAll(cgroup + "/freezer.state").rfind("FROZEN", 0) == 0;
}

// A command a learner might type, on one of four containers; many are refused in the state the
// container is in, which is part of the test.
std::string randomCommand(std::mt19937& random) {
    const std::string name = "c" + std::to_string(random() % 4);
    const std::string commands[] = {"run -d --name " + name + " busybox sleep 1000",
                                    "run -d --init --name " + name + " busybox sleep 1000",
                                    "create --name " + name + " busybox sleep 1000",
                                    "start " + name,
                                    "stop -t 0 " + name,
                                    "kill " + name,
                                    "pause " + name,
                                    "unpause " + name,
                                    "restart -t 0 " + name,
                                    "rm " + name,
                                    "rm -f " + name,
                                    "run --rm busybox true"};
    return commands[random() % std::size(commands)];
}

} // namespace

class RealRecoveryTest : public QObject {
    Q_OBJECT
private slots:
    void recoveryRemovesOnlyWhatTheLabMade();
    void aForeignStateDirectoryIsRefused();
    void failedRemovalLeavesDeadAndRmRetries();
    void randomCommandsLeakNothing();
    void aCrashIsRecoveredAtTheNextOpen_data();
    void aCrashIsRecoveredAtTheNextOpen();
    void nothingOutlivesTheBackend_data();
    void nothingOutlivesTheBackend();
};

void RealRecoveryTest::recoveryRemovesOnlyWhatTheLabMade() {
    QTemporaryDir state;
    const std::string foreign = state.path().toStdString() + "/containers/" + std::string(64, 'a');
    std::filesystem::create_directories(foreign);
    std::ofstream(foreign + "/precious") << "not the lab's";
    OPEN_WITH_OR_SKIP(lab, CgroupMode::Auto, [&](lab::real::RealBackendOptions& options) {
        options.stateDir = state.path().toStdString();
    });
    QCOMPARE(readAll(foreign + "/precious"), std::string("not the lab's"));
    QCOMPARE(lab->backend->recovered(),
             std::vector<std::string>{"aaaaaaaaaaaa: not made by the lab (no "
                                      "lifecycle-lab-container file): left alone"});
    // What the lab makes it marks, and recovers.
    QCOMPARE(lab->docker("create --name mine busybox").status, 0);
    const std::string mine = lab->idOf("mine");
    QVERIFY(std::filesystem::exists(lab->backend->stateDir() + "/containers/" + mine +
                                    "/lifecycle-lab-container"));
    QCOMPARE(lab->docker("rm mine").status, 0);
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealRecoveryTest::aForeignStateDirectoryIsRefused() {
    QTemporaryDir home;
    std::ofstream(home.filePath("notes.txt").toStdString()) << "mine";
    for (const std::string& dir : {std::string("/"), home.path().toStdString()}) {
        QString whyNot;
        auto lab = RealFixture::open(
            CgroupMode::Auto, whyNot,
            [&](lab::real::RealBackendOptions& options) { options.stateDir = dir; });
        QVERIFY(!lab);
        QVERIFY2(whyNot.startsWith(QString::fromStdString("refusing " + dir +
                                                          " as the state directory: it is "
                                                          "not empty")),
                 qPrintable(whyNot));
    }
    QVERIFY(!std::filesystem::exists("/containers") && !std::filesystem::exists("/lock"));
    QVERIFY(!std::filesystem::exists(home.filePath("lock").toStdString()));
}

void RealRecoveryTest::failedRemovalLeavesDeadAndRmRetries() {
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    QCOMPARE(lab->docker("run --name web busybox true").status, 0);
    QVERIFY(lab->engine->injectFault(lab::Fault::NextRemovalFails, nullptr).has_value());
    const auto failed = lab->docker("rm web");
    QCOMPARE(failed.status, 1);
    // Root: the rootfs mount is held busy; rootless: the container directory is read-only.
    const QString refusal =
        lab->backend->rootless() ? "permission denied" : "device or resource busy";
    QVERIFY2(RealFixture::join(failed.err).contains(refusal),
             qPrintable(RealFixture::join(failed.err)));
    QCOMPARE(lab->out("inspect -f {{.State.Status}} web"), QString("dead"));
    QCOMPARE(lab->docker("rm web").status, 0);
    QCOMPARE(lab->out("ps -aq"), QString());
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealRecoveryTest::randomCommandsLeakNothing() {
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    const unsigned seed = 20261127;
    std::mt19937 random(seed);
    int accepted = 0;
    for (int step = 0; step < 200; ++step) {
        const std::string command = randomCommand(random);
        accepted += lab->docker(command).status == 0;
        // After each command the engine and the kernel agree on every container.
        for (const lab::Container* container : lab->engine->containers()) {
            const int pid = lab->backend->hostPid(container->id);
            const std::string where = "seed " + std::to_string(seed) + ", step " +
                                      std::to_string(step) + " (" + command +
                                      "): " + container->name;
            switch (container->state()) {
            case lab::ContainerState::Running:
                QVERIFY2(pid > 0 && ::kill(pid, 0) == 0, where.c_str());
                break;
            case lab::ContainerState::Paused:
                QVERIFY2(pid > 0 && frozenOnDisk(lab->backend->cgroupPath(container->id)),
                         where.c_str());
                break;
            default:
                QVERIFY2(pid == -1, where.c_str());
            }
        }
    }
    qInfo("seed %u: %d of 200 commands accepted", seed, accepted);
    QVERIFY(accepted >= 60); // the sequence really moves the containers through their states
    for (const char* name : {"c0", "c1", "c2", "c3"})
        lab->docker(std::string("rm -f ") + name);
    QCOMPARE(lab->out("ps -aq"), QString());
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealRecoveryTest::aCrashIsRecoveredAtTheNextOpen_data() {
    ADD_FREEZER_ROWS();
}

void RealRecoveryTest::aCrashIsRecoveredAtTheNextOpen() {
    QFETCH(CgroupMode, mode);
    QTemporaryDir state(QDir::tempPath() + "/lifecycle-lab-crash-XXXXXX");
    const std::string stateDir = state.path().toStdString();
    const std::string cgroupName = "lifecycle-lab-test-crash-" + std::to_string(::getpid());
    const auto sameState = [&](lab::real::RealBackendOptions& options) {
        options.stateDir = stateDir;
        options.cgroupName = cgroupName;
        options.cgroupMode = mode;
    };
    {
        // Whether the real backend works here at all, with the state the crash will use.
        OPEN_OR_SKIP(probe, mode);
    }
    int pipeFds[2];
    QVERIFY(::pipe2(pipeFds, O_CLOEXEC) == 0);
    const pid_t crashing = ::fork();
    QVERIFY(crashing >= 0);
    if (crashing == 0) {
        // The backend that will be SIGKILLed: containers in every state, then it waits.
        auto clock = lab::real::RealClock::open();
        lab::real::RealBackendOptions options;
        sameState(options);
        auto backend = clock ? lab::real::RealBackend::open(**clock, options) : clock.error();
        if (!backend)
            ::_exit(1);
        lab::Engine engine(**backend, **clock, (*backend)->world(), 7);
        lab::DockerCli cli(engine);
        for (const char* command :
             {"run -d --name running busybox sleep 1000",
              "run -d --init --name initd busybox sleep 1000",
              "run -d --name paused busybox sleep 1000", "pause paused",
              "create --name created busybox true", "run --name exited busybox true"})
            cli.run(*lab::docker::splitShellWords(command));
        std::vector<int> pids;
        for (const char* name : {"running", "initd", "paused"})
            pids.push_back((*backend)->hostPid((*engine.find(name))->id));
        [[maybe_unused]] auto n = ::write(pipeFds[1], pids.data(), pids.size() * sizeof(int));
        for (;;)
            ::pause();
    }
    ::close(pipeFds[1]);
    int pids[3] = {};
    QCOMPARE(::read(pipeFds[0], pids, sizeof pids), ssize_t(sizeof pids));
    ::close(pipeFds[0]);
    std::vector<lab::real::UniqueFd> pidfds;
    for (int pid : pids) {
        auto pidfd = lab::real::pidfdOpen(pid);
        QVERIFY(pidfd);
        pidfds.push_back(std::move(*pidfd));
    }
    ::kill(crashing, SIGKILL);
    ::waitpid(crashing, nullptr, 0);
    // The crash left cgroups and (as root; rootless, they live in the containers' own mount
    // namespaces) mounts behind, but no running container: each died with its supervisor
    // (PR_SET_PDEATHSIG), except one the v1 freezer holds, whose SIGKILL waits for a thaw.
    if (!lab::real::isRootless())
        QVERIFY(readAll("/proc/self/mountinfo").find(stateDir + "/containers/") !=
                std::string::npos);
    const bool pausedHoldsOn = mode == CgroupMode::V1Freezer;
    for (std::size_t i = 0; i < pidfds.size(); ++i) {
        pollfd exited{pidfds[i].get(), POLLIN, 0};
        const bool paused = i == 2;
        QCOMPARE(::poll(&exited, 1, paused && pausedHoldsOn ? 0 : 10'000),
                 paused && pausedHoldsOn ? 0 : 1);
    }

    OPEN_WITH_OR_SKIP(lab, mode, sameState);
    QStringList found;
    for (const std::string& line : lab->backend->recovered())
        found << QString::fromStdString(line);
    qInfo("%s", qPrintable(found.join('\n')));
    QCOMPARE(found.size(), 5);
    QCOMPARE(found.filter(": was paused: 1 process(es) killed;").size(), pausedHoldsOn ? 1 : 0);
    QCOMPARE(found.filter(": no process left;").size(), pausedHoldsOn ? 4 : 5);
    QCOMPARE(found.filter("rm -r ").size(), 5);
    for (const auto& pidfd : pidfds) {
        pollfd exited{pidfd.get(), POLLIN, 0};
        QCOMPARE(::poll(&exited, 1, 0), 1);
    }
    QVERIFY(std::filesystem::is_empty(stateDir + "/containers"));
    QCOMPARE(lab->leftovers(), QStringList());
    // And the recovered backend works.
    QCOMPARE(lab->out("run --rm busybox echo alive"), QString("alive"));
}

void RealRecoveryTest::nothingOutlivesTheBackend_data() {
    ADD_FREEZER_ROWS();
}

void RealRecoveryTest::nothingOutlivesTheBackend() {
    QFETCH(CgroupMode, mode);
    OPEN_OR_SKIP(lab, mode);
    QCOMPARE(lab->docker("run -d --name first busybox sleep 1000").status, 0);
    QCOMPARE(lab->docker("run -d --name second busybox sleep 1000").status, 0);
    QCOMPARE(lab->docker("create --name third busybox sleep 1000").status, 0);
    QCOMPARE(lab->docker("pause second").status, 0);
    const std::string cgroupRoot = lab->backend->cgroupRoot();
    const std::string stateDir = lab->backend->stateDir();
    const int pidA = lab->backend->hostPid(lab->idOf("first"));
    lab->cli.reset();
    lab->engine.reset();
    lab->backend.reset();
    QCOMPARE(lab->clock->watchedCount(), std::size_t(0)); // no callback into a dead backend
    lab.reset();
    QVERIFY(!std::filesystem::exists(cgroupRoot));
    QVERIFY(::kill(pidA, 0) < 0 && errno == ESRCH);
    siginfo_t info{};
    QVERIFY(::waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) < 0 && errno == ECHILD);
    QVERIFY(readAll("/proc/self/mountinfo").find(stateDir) == std::string::npos);
}

QTEST_GUILESS_MAIN(RealRecoveryTest)
#include "tst_real_recovery.moc"
