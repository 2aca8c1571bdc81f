// docker exec on the real backend: the process enters the running container (its namespaces,
// its cgroups, its files) confined as the container is, as -u's user, and leaves nothing behind.
// As root, and rootless through rootless.sh; skips with the backend's reason where it cannot run.
#include "RealFixture.h"
#include "engine/Security.h"

#include <QtTest>

using lab::real::CgroupMode;
using lab::test::RealFixture;

class RealExecTest : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void theProcessIsInsideTheContainer();
    void itIsConfinedAsTheContainerIs();
    void aUserOtherThanRootHasNoCapabilities();
    void aDetachedProcessIsListedAndDiesWithTheContainer();
    void muchOutputDoesNotBlockIt();
    void diffListsWhatTheContainerWrote();

private:
    std::unique_ptr<RealFixture> m_lab;
};

void RealExecTest::init() {
    QString whyNot;
    m_lab = RealFixture::open(CgroupMode::Auto, whyNot);
    if (!m_lab)
        QSKIP(qPrintable("the real backend cannot run here: " + whyNot));
    QCOMPARE(m_lab->docker("run -d --name box busybox sleep 1000").status, 0);
}

void RealExecTest::cleanup() {
    if (m_lab) {
        m_lab->docker("rm -f box");
        QCOMPARE(m_lab->leftovers(), QStringList());
    }
    m_lab.reset();
}

// Its own PID namespace (sleep is PID 1 there), hostname, and root filesystem: what one exec
// writes, the next reads, and the container's main process sees it too.
void RealExecTest::theProcessIsInsideTheContainer() {
    const QString id = QString::fromStdString((*m_lab->engine->find("box"))->shortId());
    QCOMPARE(m_lab->out("exec box sh -c 'cat /proc/1/cmdline | tr \"\\0\" \" \"; echo; hostname'"),
             "sleep 1000 \n" + id);
    const int pid = m_lab->out("exec box sh -c 'echo $$'").toInt();
    QVERIFY2(pid > 1 && pid < 100, qPrintable(QString::number(pid)));
    QCOMPARE(m_lab->docker("exec box sh -c 'echo kept > /tmp/note'").status, 0);
    QCOMPARE(m_lab->out("exec box cat /tmp/note"), QString("kept"));
    QCOMPARE(m_lab->out("exec box sh -c 'ls /proc/1/root/tmp'"), QString("note"));
}

void RealExecTest::itIsConfinedAsTheContainerIs() {
    const QString docker = QString("%1").arg(lab::dockerDefaultCapabilities(), 16, 16, QChar('0'));
    QCOMPARE(m_lab->out("exec box grep -E '^(CapEff|Seccomp):' /proc/self/status"),
             "CapEff:\t" + docker + "\nSeccomp:\t2");
    const auto write = m_lab->docker("exec box sh -c 'echo x > /proc/sys/kernel/core_pattern'");
    QVERIFY(write.status != 0);
    QVERIFY2(RealFixture::join(write.err).contains("Read-only file system"),
             qPrintable(RealFixture::join(write.err)));
    // A container started without a capability gives none to what is exec'd in it.
    QCOMPARE(m_lab->docker("run -d --name weak --cap-drop ALL busybox sleep 1000").status, 0);
    QCOMPARE(m_lab->out("exec weak grep CapEff /proc/self/status"),
             QString("CapEff:\t0000000000000000"));
    QCOMPARE(m_lab->docker("rm -f weak").status, 0);
}

void RealExecTest::aUserOtherThanRootHasNoCapabilities() {
    if (m_lab->backend->rootless()) {
        // The lab's user namespace maps this one user to root, and no other id: -u is refused.
        const auto refused = m_lab->docker("exec -u 1000:1000 box true");
        QCOMPARE(refused.status, 126);
        QVERIFY2(RealFixture::join(refused.out).contains("switching to the user"),
                 qPrintable(RealFixture::join(refused.out)));
        QSKIP("rootless: only root is mapped into the container, -u was refused as it must be");
    }
    QCOMPARE(m_lab->out("exec -u 1000:1000 box sh -c 'id; grep CapEff /proc/self/status'"),
             QString("uid=1000 gid=1000\nCapEff:\t0000000000000000"));
    // Names are the image's: busybox's /etc/passwd has nobody, not ghost.
    QCOMPARE(m_lab->out("exec -u nobody box id -u"), QString("65534"));
    const auto ghost = m_lab->docker("exec -u ghost box true");
    QCOMPARE(ghost.status, 126);
    QCOMPARE(RealFixture::join(ghost.out),
             QString("unable to find user ghost: no matching entries in passwd file\r"));
}

void RealExecTest::aDetachedProcessIsListedAndDiesWithTheContainer() {
    QCOMPARE(m_lab->docker("exec -d box sleep 999").status, 0);
    QStringList commands; // docker top's COMMAND column (PID first: ps options need it)
    for (const QString& row : m_lab->out("top box -o pid,args").split('\n'))
        commands << row.section(' ', 1).trimmed();
    QCOMPARE(commands, QStringList({"COMMAND", "sleep 1000", "sleep 999"}));
    QCOMPARE(m_lab->docker("stop -t 1 box").status, 0);
    QCOMPARE(m_lab->out("inspect -f '{{.State.ExitCode}}' box"), QString("137"));
    // Nothing of it is left: no process (leftovers() in cleanup), and exec is refused now.
    QCOMPARE(m_lab->docker("exec box true").status, 1);
}

// More than a pipe holds (64 KiB): the lab reads while the process writes.
void RealExecTest::muchOutputDoesNotBlockIt() {
    const QString lines =
        m_lab->out("exec box sh -c 'i=0; while [ $i -lt 20000 ]; do echo line $i; i=$((i+1)); "
                   "done'");
    const QStringList each = lines.split('\n');
    QCOMPARE(each.size(), 20000);
    QCOMPARE(each.back(), QString("line 19999"));
}

// docker diff reads the overlay's upper directory: what the container and its exec'd
// processes added (A), changed (C, with the directories above) and deleted (D, a whiteout).
void RealExecTest::diffListsWhatTheContainerWrote() {
    if (m_lab->backend->rootfsDescription().rfind("overlayfs", 0) != 0)
        QSKIP(("no writable layer here: " + m_lab->backend->rootfsDescription()).c_str());
    QCOMPARE(m_lab->out("diff box"), QString());
    QCOMPARE(m_lab
                 ->docker("exec box sh -c 'echo hello > /tmp/greeting; mkdir -p /srv/site; "
                          "echo hi > /srv/site/index.html; echo x >> /etc/passwd; rm /bin/false'")
                 .status,
             0);
    QCOMPARE(m_lab->out("diff box").split('\n'),
             QStringList({"C /bin", "D /bin/false", "C /etc", "C /etc/passwd", "A /srv",
                          "A /srv/site", "A /srv/site/index.html", "C /tmp", "A /tmp/greeting"}));
    // Kept across a restart, as the writable layer is.
    QCOMPARE(m_lab->docker("restart -t 0 box").status, 0);
    QCOMPARE(m_lab->out("exec box cat /tmp/greeting"), QString("hello"));
    QCOMPARE(m_lab->out("diff box").count('\n'), 8);
}

QTEST_GUILESS_MAIN(RealExecTest)
#include "tst_real_exec.moc"
