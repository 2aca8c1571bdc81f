// docker top and docker stats on real processes: the rows are the container's cgroup as the
// host's /proc shows it, and pausing keeps the processes and the memory while the CPU stops.
#include "RealFixture.h"

#include <QtTest>
#include <thread>

using lab::test::RealFixture;

class RealInsideTest : public QObject {
    Q_OBJECT
private slots:
    void topListsTheCgroupsProcessesWithHostPids();
    void pausedKeepsProcessesAndMemoryButNotCpu();
};

void RealInsideTest::topListsTheCgroupsProcessesWithHostPids() {
    OPEN_OR_SKIP(lab, lab::real::CgroupMode::Auto);
    QCOMPARE(lab->docker("run -d --name topped busybox sh -c 'sleep 300 & sleep 301'").status, 0);
    const int pid1 = lab->backend->hostPid(lab->idOf("topped"));
    QVERIFY(pid1 > 0);
    lab::CliOutput rows;
    // ash execs the last command (PID 1 becomes `sleep 301`); the background child is a forked
    // shell until it has exec'd `sleep 300`: either way its command line names it
    // the fork is the kernel's business: poll for it, within 5 s
    for (int tries = 0; tries < 500; ++tries) {
        rows = lab->docker("top topped -o pid,args");
        if (rows.out.size() == 3)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    QCOMPARE(rows.status, 0);
    QCOMPARE(rows.out.size(), std::size_t(3));
    QVERIFY2(QString::fromStdString(rows.out[1]).startsWith(QString::number(pid1) + " "),
             rows.out[1].c_str());
    QVERIFY(rows.out[1].ends_with("sleep 301"));
    QVERIFY2(rows.out[2].find("sleep 300") != std::string::npos, rows.out[2].c_str());
    // the rows are exactly the processes of the container's cgroup
    const std::string cgroup = lab->backend->cgroupPath(lab->idOf("topped"));
    const QString procs = QString::fromStdString(lab::test::readAll(cgroup + "/cgroup.procs"));
    QCOMPARE(procs.split('\n', Qt::SkipEmptyParts).size(), 2);
    QCOMPARE(lab->docker("rm -f topped").status, 0);
}

void RealInsideTest::pausedKeepsProcessesAndMemoryButNotCpu() {
    OPEN_OR_SKIP(lab, lab::real::CgroupMode::Auto);
    QCOMPARE(lab->docker("run -d --name spin busybox sh -c 'while true; do :; done'").status, 0);
    const std::string format = "stats --no-stream --format '{{.CPUPerc}} {{.MemUsage}} {{.PIDs}}' "
                               "spin";
    const QStringList busy = lab->out(format).split(' ');
    QVERIFY2(busy.size() == 5, qPrintable(busy.join(' ')));
    QVERIFY2(busy[0].chopped(1).toDouble() > 10.0, qPrintable(busy.join(' '))); // a CPU's share
    QCOMPARE(lab->docker("pause spin").status, 0);
    const QStringList paused = lab->out(format).split(' ');
    QCOMPARE(paused[0], QString("0.00%"));
    QVERIFY2(paused[1] != "0B", qPrintable(paused.join(' '))); // memory kept
    QCOMPARE(paused[4], busy[4]);                              // processes kept
    QCOMPARE(lab->docker("rm -f spin").status, 0);
}

QTEST_GUILESS_MAIN(RealInsideTest)
#include "tst_real_inside.moc"
