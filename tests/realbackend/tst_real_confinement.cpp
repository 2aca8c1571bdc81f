// A container's root is not the host's root: Docker 20.10's default confinement on the real
// backend (capabilities, seccomp, masked and read-only /proc paths, the devices cgroup, its own
// limits) and the options that change it (--privileged, --cap-add, --cap-drop,
// --security-opt no-new-privileges). As root, and rootless through rootless.sh; skips with the
// backend's reason where it cannot run.
#include "RealFixture.h"
#include "engine/Security.h"

#include <QtTest>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using lab::real::CgroupMode;
using lab::test::readAll;
using lab::test::RealFixture;

namespace {

// "CapEff:\t00000000a80425fb" as /proc/<pid>/status prints a set.
QString capabilityLine(const char* which, std::uint64_t set) {
    return QString("%1:\t%2").arg(which).arg(set, 16, 16, QChar('0'));
}

// The capabilities this test process could hand on: its bounding set.
std::uint64_t ownBoundingSet() {
    std::uint64_t set = 0;
    for (int cap = 0; cap < 64; ++cap)
        if (::prctl(PR_CAPBSET_READ, cap, 0, 0, 0) == 1)
            set |= std::uint64_t(1) << cap;
    return set;
}

// "c 10 229": the first of paths that is a device node of that kind (block or character) which
// this test process may open itself, so that only a container's devices policy can refuse it;
// "" when none is.
std::string openableNode(bool block, const std::vector<std::string>& paths) {
    for (const std::string& path : paths) {
        struct stat node {};
        if (::stat(path.c_str(), &node) != 0 ||
            (block ? !S_ISBLK(node.st_mode) : !S_ISCHR(node.st_mode)))
            continue;
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        ::close(fd);
        return std::string(block ? "b " : "c ") + std::to_string(major(node.st_rdev)) + " " +
               std::to_string(minor(node.st_rdev));
    }
    return {};
}

} // namespace

class RealConfinementTest : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void capabilitiesAndSeccompAreDockersDefault();
    void procSysIsReadOnlyAndTheHostUntouched();
    void maskedPathsShowNothing();
    void aDeviceOutsideDockersListCannotBeOpened_data();
    void aDeviceOutsideDockersListCannotBeOpened();
    void privilegedGetsEveryCapability();
    void capAddAndCapDropChangeTheSet();
    void noNewPrivilegesIsSet();
    void unknownOptionsAreRefused();

private:
    std::unique_ptr<RealFixture> m_lab;
    QString m_whyNot;
};

void RealConfinementTest::init() {
    m_lab = RealFixture::open(CgroupMode::Auto, m_whyNot);
    if (!m_lab)
        QSKIP(qPrintable("the real backend cannot run here: " + m_whyNot));
}

void RealConfinementTest::cleanup() {
    if (m_lab)
        QCOMPARE(m_lab->leftovers(), QStringList());
    m_lab.reset();
}

void RealConfinementTest::capabilitiesAndSeccompAreDockersDefault() {
    const QString status =
        m_lab->out("run --rm busybox grep -E '^(Cap|Seccomp:|NoNewPrivs)' /proc/self/status");
    // What a Docker 20.10 engine shows for the default set (CapEff 00000000a80425fb).
    const std::uint64_t docker = 0xa80425fb;
    QCOMPARE(lab::dockerDefaultCapabilities(), docker);
    QCOMPARE(status,
             QStringList({capabilityLine("CapInh", docker), capabilityLine("CapPrm", docker),
                          capabilityLine("CapEff", docker), capabilityLine("CapBnd", docker),
                          capabilityLine("CapAmb", 0), "NoNewPrivs:\t0", "Seccomp:\t2"})
                 .join('\n'));
    // The filter answers EPERM where Docker's does: unshare needs CAP_SYS_ADMIN's calls.
    const auto refused = m_lab->docker("run --rm busybox unshare -U true");
    QVERIFY(refused.status != 0);
    QVERIFY2(RealFixture::join(refused.err).contains("Operation not permitted"),
             qPrintable(RealFixture::join(refused.err)));
    // The lab's own limits are not the container's.
    QCOMPARE(m_lab->out("run --rm busybox sh -c 'ulimit -c; cat /proc/self/oom_score_adj'"),
             QString("0\n0"));
}

void RealConfinementTest::procSysIsReadOnlyAndTheHostUntouched() {
    const std::string pattern = "/proc/sys/kernel/core_pattern";
    const std::string before = readAll(pattern);
    const auto write =
        m_lab->docker("run --rm busybox sh -c 'echo lab-was-here > " + pattern + "'");
    const std::string after = readAll(pattern);
    if (after != before) // put the host right before failing
        std::ofstream(pattern) << before;
    QCOMPARE(after, before);
    QCOMPARE(write.status, 1);
    QVERIFY2(RealFixture::join(write.err).contains("Read-only file system"),
             qPrintable(RealFixture::join(write.err)));
    QCOMPARE(m_lab->out("run --rm busybox sh -c 'echo 1 > /proc/sysrq-trigger || echo refused'"),
             QString("refused"));
}

void RealConfinementTest::maskedPathsShowNothing() {
    // Files read as /dev/null, directories as an empty tmpfs (where this kernel has them).
    const QStringList sizes =
        m_lab
            ->out("run --rm busybox sh -c 'for f in /proc/keys /proc/timer_list "
                  "/proc/sched_debug /proc/kcore; do [ -e $f ] && wc -c < $f; done; "
                  "for d in /proc/acpi /proc/scsi /sys/firmware; do [ -d $d ] && ls -A $d | "
                  "wc -l; done; true'")
            .split('\n', Qt::SkipEmptyParts);
    QVERIFY(!sizes.isEmpty());
    for (const QString& size : sizes)
        QCOMPARE(size.trimmed(), QString("0"));
}

void RealConfinementTest::aDeviceOutsideDockersListCannotBeOpened_data() {
    QTest::addColumn<QString>("node");
    QTest::addColumn<bool>("byProgram");
    std::vector<std::string> everyNode;
    for (const auto& entry : std::filesystem::directory_iterator("/dev"))
        everyNode.push_back(entry.path().string());
    // FUSE is the classic one Docker leaves out unless given with --device; opening it needs no
    // capability. The VM's disk is refused even to root here: a loop device is found instead.
    const QString fuse =
        QString::fromStdString(openableNode(false, {"/dev/fuse", "/dev/loop-control"}));
    const QString block = QString::fromStdString(openableNode(true, everyNode));
    // Each kernel's way: the v1 devices controller (where mounted), and the BPF program a pure
    // cgroup v2 host needs, which a hybrid host can run too.
    for (const bool byProgram : {false, true}) {
        const char* how = byProgram ? "BPF program" : "v1 devices controller";
        QTest::addRow("a character device (FUSE), %s", how) << fuse << byProgram;
        QTest::addRow("a block device of the host, %s", how) << block << byProgram;
    }
}

// The device policy, not the capabilities, keeps a container off the host's devices: Docker
// lets root make any node (CAP_MKNOD, and the rules "c *:* m", "b *:* m") but open only its
// default ones. Each node tried is one this test may open itself.
void RealConfinementTest::aDeviceOutsideDockersListCannotBeOpened() {
    QFETCH(QString, node);
    QFETCH(bool, byProgram);
    if (byProgram) {
        m_lab = RealFixture::open(CgroupMode::Auto, m_whyNot, [](lab::real::RealBackendOptions& o) {
            o.devices = lab::real::DeviceEnforcement::BpfProgram;
        });
        if (!m_lab)
            QSKIP(qPrintable("the real backend cannot run here: " + m_whyNot));
    }
    const std::string policy = m_lab->backend->resourcesDescription();
    const char* expected = byProgram ? "Docker's allow list as a BPF program"
                                     : "Docker's allow list in the v1 devices controller";
    if (policy.find(expected) == std::string::npos)
        QSKIP(qPrintable("not this way here: " + QString::fromStdString(policy)));
    if (node.isEmpty())
        QSKIP("this host has no such node the test may open itself");
    const std::string openNode =
        "sh -c 'mknod /dev/node " + node.toStdString() + " && exec 3</dev/node && echo opened'";
    const auto refused = m_lab->docker("run --rm busybox " + openNode);
    QCOMPARE(RealFixture::join(refused.err),
             QString("sh: can't open /dev/node: Operation not permitted"));
    QCOMPARE(RealFixture::join(refused.out), QString());
    QVERIFY(refused.status != 0);
    // Docker's own nodes stay usable under the same policy.
    QCOMPARE(m_lab->out("run --rm busybox sh -c 'head -c 4 /dev/zero | wc -c; echo x > /dev/null "
                        "&& echo written'"),
             QString("4\nwritten"));
    QCOMPARE(m_lab->out("run --rm --privileged busybox " + openNode), QString("opened"));
}

void RealConfinementTest::privilegedGetsEveryCapability() {
    QCOMPARE(m_lab->out("run --rm --privileged busybox grep -E '^(CapEff|Seccomp):' "
                        "/proc/self/status"),
             capabilityLine("CapEff", ownBoundingSet()) + "\nSeccomp:\t0");
    QCOMPARE(m_lab->docker("create --name priv --privileged busybox").status, 0);
    QCOMPARE(m_lab->out("inspect -f '{{.HostConfig.Privileged}} {{.HostConfig.CapAdd}}' priv"),
             QString("true []"));
    QCOMPARE(m_lab->docker("rm priv").status, 0);
}

void RealConfinementTest::capAddAndCapDropChangeTheSet() {
    const std::uint64_t expected =
        (lab::dockerDefaultCapabilities() & ~std::uint64_t(1 << 0)) | (std::uint64_t(1) << 21);
    QCOMPARE(m_lab->out("run --rm --cap-drop chown --cap-add CAP_SYS_ADMIN busybox grep "
                        "CapEff /proc/self/status"),
             capabilityLine("CapEff", expected));
    // Without CHOWN, root cannot give a file away.
    const auto chown = m_lab->docker("run --rm --cap-drop CHOWN busybox chown 1 /tmp");
    QVERIFY(chown.status != 0);
    QCOMPARE(m_lab->out("run --rm --cap-drop ALL busybox grep CapEff /proc/self/status"),
             capabilityLine("CapEff", 0));
    QCOMPARE(
        m_lab->docker("create --name caps --cap-add NET_ADMIN --cap-drop MKNOD busybox").status, 0);
    QCOMPARE(m_lab->out("inspect -f '{{.HostConfig.CapAdd}} {{.HostConfig.CapDrop}}' caps"),
             QString("[NET_ADMIN] [MKNOD]"));
    QCOMPARE(m_lab->docker("rm caps").status, 0);
}

void RealConfinementTest::noNewPrivilegesIsSet() {
    QCOMPARE(m_lab->out("run --rm --security-opt no-new-privileges busybox grep -E "
                        "'^(NoNewPrivs|Seccomp):' /proc/self/status"),
             QString("NoNewPrivs:\t1\nSeccomp:\t2"));
}

void RealConfinementTest::unknownOptionsAreRefused() {
    const auto capability = m_lab->docker("run --rm --cap-add FLY busybox true");
    QCOMPARE(capability.status, 125);
    QCOMPARE(RealFixture::join(capability.err),
             QString("docker: Error response from daemon: invalid CapAdd: unknown capability: "
                     "\"CAP_FLY\"\n\nRun 'docker run --help' for more information"));
    const auto option = m_lab->docker("create --security-opt apparmor busybox");
    QCOMPARE(option.status, 1);
    QCOMPARE(RealFixture::join(option.err),
             QString("Error response from daemon: invalid --security-opt 2: \"apparmor\""));
    QCOMPARE(m_lab->out("ps -aq"), QString());
}

QTEST_GUILESS_MAIN(RealConfinementTest)
#include "tst_real_confinement.moc"
