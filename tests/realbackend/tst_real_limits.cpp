// --memory, --memory-swap, --cpus and --pids-limit on the real backend: the kernel enforces them
// (an allocation past the limit is OOM-killed, a fork past the process limit fails) and
// docker update changes them while the container runs. As root; skips with the backend's reason
// where it cannot run.
#include "RealFixture.h"

#include <QtTest>
#include <algorithm>

using lab::real::CgroupMode;
using lab::test::readAll;
using lab::test::RealFixture;

namespace {

// The last file of the container's trace whose name ends with suffix, as the trace wrote it.
std::string writtenFile(const std::vector<std::string>& trace, const std::string& suffix) {
    for (auto line = trace.rbegin(); line != trace.rend(); ++line) {
        const auto arrow = line->find(" <- ");
        if (line->rfind("write ", 0) == 0 && arrow != std::string::npos &&
            line->substr(0, arrow).ends_with(suffix))
            return line->substr(6, arrow - 6);
    }
    return {};
}

QString trimmed(const std::string& text) {
    return QString::fromStdString(text).trimmed();
}

} // namespace

class RealLimitsTest : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void anAllocationPastTheMemoryLimitIsOomKilled();
    void aForkPastThePidsLimitFails();
    void updateChangesTheLimitsOfARunningContainer();

private:
    std::unique_ptr<RealFixture> m_lab;
};

void RealLimitsTest::init() {
    QString whyNot;
    m_lab = RealFixture::open(CgroupMode::Auto, whyNot);
    if (!m_lab)
        QSKIP(qPrintable("the real backend cannot run here: " + whyNot));
    const std::string resources = m_lab->backend->resourcesDescription();
    if (resources.rfind("none", 0) == 0 ||
        resources.find("memory: unavailable") != std::string::npos)
        QSKIP(("no memory cgroup here: " + resources).c_str());
}

void RealLimitsTest::cleanup() {
    if (m_lab)
        QCOMPARE(m_lab->leftovers(), QStringList());
    m_lab.reset();
}

// dd's 64 MiB buffer in a container of 16 MiB (and 16 MiB of swap): the kernel's OOM killer
// ends it, and Docker's words follow: 137, OOMKilled, the oom event before die.
void RealLimitsTest::anAllocationPastTheMemoryLimitIsOomKilled() {
    const std::size_t mark = m_lab->engine->events().size();
    const auto run = m_lab->docker(
        "run --name hog --memory 16m busybox dd if=/dev/zero of=/dev/null bs=64M count=1");
    QCOMPARE(run.status, 137);
    QCOMPARE(m_lab->out("inspect -f '{{.State.ExitCode}} {{.State.OOMKilled}} "
                        "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}' hog"),
             QString("137 true 16777216 33554432"));
    QVERIFY2(m_lab->actionsSince(mark).contains("oom die(137)"),
             qPrintable(m_lab->actionsSince(mark)));
    // The same copy fits without a limit.
    QCOMPARE(m_lab->docker("run --rm busybox dd if=/dev/zero of=/dev/null bs=64M count=1").status,
             0);
    QCOMPARE(m_lab->docker("rm hog").status, 0);
}

void RealLimitsTest::aForkPastThePidsLimitFails() {
    const std::string threeChildren =
        "busybox sh -c 'sleep 1 & sleep 1 & sleep 1 & echo spawned; wait'";
    const auto limited = m_lab->docker("run --rm --pids-limit 3 " + threeChildren);
    QCOMPARE(RealFixture::join(limited.err),
             QString("sh: can't fork: Resource temporarily unavailable"));
    QCOMPARE(RealFixture::join(limited.out), QString());
    QCOMPARE(m_lab->out("run --rm --pids-limit 4 " + threeChildren), QString("spawned"));
}

// What a learner reads in the cgroup files: the quota of half a CPU, the memory limit and the
// process limit, before and after docker update; docker stats divides by the new limit.
void RealLimitsTest::updateChangesTheLimitsOfARunningContainer() {
    QCOMPARE(m_lab->docker("run -d --name lim --cpus 0.5 --memory 20m busybox sleep 100").status,
             0);
    const std::string id = (*m_lab->engine->find("lim"))->id;
    const auto& trace = m_lab->backend->trace(id);
    const std::string quota = writtenFile(trace, "/cpu.cfs_quota_us");
    const std::string cpuMax = writtenFile(trace, "/cpu.max");
    const std::string memory = writtenFile(trace, "/memory.limit_in_bytes").empty()
                                   ? writtenFile(trace, "/memory.max")
                                   : writtenFile(trace, "/memory.limit_in_bytes");
    QVERIFY2(!memory.empty(), qPrintable(QString::fromStdString(trace.back())));
    if (!quota.empty())
        QCOMPARE(trimmed(readAll(quota)), QString("50000"));
    else if (!cpuMax.empty())
        QCOMPARE(trimmed(readAll(cpuMax)), QString("50000 100000"));
    else
        QFAIL("no CPU quota was written");
    QCOMPARE(trimmed(readAll(memory)), QString("20971520"));

    QCOMPARE(m_lab->out("update --memory 40m --pids-limit 10 lim"), QString("lim"));
    QCOMPARE(trimmed(readAll(memory)), QString("41943040"));
    const std::string pids = writtenFile(trace, "/pids.max");
    QVERIFY(!pids.empty());
    QCOMPARE(trimmed(readAll(pids)), QString("10"));
    QVERIFY2(m_lab->out("stats --no-stream --format '{{.MemUsage}}' lim").endsWith("/ 40MiB"),
             qPrintable(m_lab->out("stats --no-stream --format '{{.MemUsage}}' lim")));
    QCOMPARE(m_lab->out("update --pids-limit -1 lim"), QString("lim"));
    QCOMPARE(trimmed(readAll(pids)), QString("max"));
    QCOMPARE(m_lab->docker("rm -f lim").status, 0);
}

QTEST_GUILESS_MAIN(RealLimitsTest)
#include "tst_real_limits.moc"
