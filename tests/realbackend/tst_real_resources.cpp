// Live figures from a container's cgroups (CPU time, memory, processes) and the kernel's OOM
// killer as a fault: what a learner watches in the resources view. As root, and rootless through
// rootless.sh (where the figures' controllers are not delegated, it skips and says so).
#include "RealFixture.h"

#include <QtTest>

using lab::real::CgroupMode;

class RealResourcesTest : public QObject {
    Q_OBJECT
private slots:
    void resourcesFollowTheProcess_data();
    void resourcesFollowTheProcess();
    void outOfMemoryFaultIsARealOomKill();
};

void RealResourcesTest::resourcesFollowTheProcess_data() {
    ADD_FREEZER_ROWS();
}

void RealResourcesTest::resourcesFollowTheProcess() {
    QFETCH(CgroupMode, mode);
    OPEN_OR_SKIP(lab, mode);
    if (lab->backend->resourcesDescription().rfind("none", 0) == 0)
        QSKIP(
            ("no resource cgroups for this user: " + lab->backend->resourcesDescription()).c_str());
    qInfo("%s", lab->backend->resourcesDescription().c_str());
    // A shell that holds 20 MB in a variable, says so, and then spins.
    QCOMPARE(lab->docker("run -d --name busy busybox sh -c 'x=$(yes "
                         "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | head -c 20000000); echo "
                         "ready; while :; do :; done'")
                 .status,
             0);
    const std::string id = lab->idOf("busy");
    auto& logs = (*lab->engine->find("busy"))->logs;
    QVERIFY(lab->engine->runUntil([&] { return !logs.empty(); }, std::chrono::seconds(20)));
    const auto sample = [&] {
        auto taken = lab->backend->resources(id);
        if (!taken)
            qFatal("%s", taken.error().message.c_str());
        if (!taken->cpuMicroseconds || !taken->memoryBytes || !taken->processes)
            qFatal("a figure is missing: %s", lab->backend->resourcesDescription().c_str());
        return *taken;
    };

    const auto running = sample();
    lab->letPass(std::chrono::milliseconds(300));
    const auto later = sample();
    QVERIFY(later.at > running.at);
    // Spinning for 300 ms: even on a busy machine it gets a tenth of a core.
    QVERIFY2(*later.cpuMicroseconds - *running.cpuMicroseconds > 30'000,
             qPrintable(QString::number(*later.cpuMicroseconds - *running.cpuMicroseconds)));
    QVERIFY2(*later.memoryBytes > 20'000'000, qPrintable(QString::number(*later.memoryBytes)));
    QCOMPARE(*later.processes, 1);

    QCOMPARE(lab->docker("pause busy").status, 0);
    const auto paused = sample();
    lab->letPass(std::chrono::milliseconds(300));
    const auto stillPaused = sample();
    QCOMPARE(*stillPaused.cpuMicroseconds, *paused.cpuMicroseconds); // flat: frozen
    QVERIFY(*stillPaused.memoryBytes > 20'000'000);                  // the memory stays

    QCOMPARE(lab->docker("unpause busy").status, 0);
    QCOMPARE(lab->docker("kill busy").status, 0);
    QVERIFY(
        lab->engine->runUntil([&] { return !(*lab->engine->find("busy"))->machine.isRunning(); },
                              std::chrono::seconds(5)));
    const auto stopped = sample();
    QCOMPARE(*stopped.processes, 0);
    // What is left is page cache and kernel objects: the 20 MB went back.
    QVERIFY2(*stopped.memoryBytes < *later.memoryBytes / 4,
             qPrintable(QString::number(*stopped.memoryBytes)));
    QCOMPARE(lab->docker("rm busy").status, 0);
    QVERIFY(!lab->backend->resources(id));
    QCOMPARE(lab->leftovers(), QStringList());
}

void RealResourcesTest::outOfMemoryFaultIsARealOomKill() {
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("built with AddressSanitizer: the memory-filling helper is forked from this "
          "instrumented process and did not drive the container to the OOM killer within 5 s in "
          "CI; the plain build runs this test");
#endif
    OPEN_OR_SKIP(lab, CgroupMode::Auto);
    if (lab->backend->resourcesDescription().rfind("none", 0) == 0)
        QSKIP(
            ("no resource cgroups for this user: " + lab->backend->resourcesDescription()).c_str());
    QCOMPARE(lab->docker("run -d --name hog busybox sleep 1000").status, 0);
    lab::Container* hog = *lab->engine->find("hog");
    QCOMPARE(lab->docker("pause hog").status, 0);
    const auto refused = lab->engine->injectFault(lab::Fault::OutOfMemory, hog);
    QVERIFY(!refused);
    QCOMPARE(QString::fromStdString(refused.error().message),
             QString("only a running process can run out of memory: hog is paused"));
    QCOMPARE(lab->docker("unpause hog").status, 0);

    const std::size_t mark = lab->engine->events().size();
    const auto injected = lab->engine->injectFault(lab::Fault::OutOfMemory, hog);
    QVERIFY2(injected.has_value(), injected.has_value() ? "" : injected.error().message.c_str());
    QVERIFY(
        lab->engine->runUntil([&] { return !hog->machine.isRunning(); }, std::chrono::seconds(5)));
    QCOMPARE(lab->actionsSince(mark), QString("oom die(137)"));
    QCOMPARE(
        lab->out("inspect -f '{{.State.Status}} {{.State.ExitCode}} {{.State.OOMKilled}}' hog"),
        QString("exited 137 true"));
    const auto& trace = lab->backend->trace(hog->id);
    QVERIFY(std::find(trace.begin(), trace.end(),
                      "oom_kill count went up: the OOM killer ended it") != trace.end());
    QCOMPARE(lab->docker("rm hog").status, 0);
    QCOMPARE(lab->leftovers(), QStringList());
}

QTEST_GUILESS_MAIN(RealResourcesTest)
#include "tst_real_resources.moc"
