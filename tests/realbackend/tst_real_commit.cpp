// docker commit, tag and rmi on the real backend, and images loaded without a name: a committed
// image is the container's overlay upper directory as a layer in the OCI store, its ID the digest
// of the config the store wrote, and its containers are real processes that see the committed
// files; rmi answers with Docker's conflicts and deletes from the store only what the lab made
// for the image and nothing uses any more. Needs root; skips with the reason.
#include "OciStore.h"
#include "RealFixture.h"
#include "TarWriter.h"
#include "base/Sha256.h"

#include <QtTest>
#include <algorithm>
#include <filesystem>
#include <fstream>

using lab::real::CgroupMode;
using lab::test::RealFixture;
namespace fs = std::filesystem;

namespace {

// Every file and directory under dir, as paths relative to it, sorted.
QStringList listing(const std::string& dir) {
    QStringList paths;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(dir, error);
         it != fs::recursive_directory_iterator(); it.increment(error))
        paths << QString::fromStdString(fs::relative(it->path(), dir).string());
    paths.sort();
    return paths;
}

// A one-layer image as `docker save` writes it, without a name (RepoTags null), at dir/save.tar:
// busybox, the mount points and /etc/motd; its layer alone at dir/layer.tar. The config's digest.
std::string writeNamelessSave(const std::string& dir) {
    std::ifstream binary("/bin/busybox", std::ios::binary);
    const std::string busybox{std::istreambuf_iterator<char>(binary), {}};
    lab::real::TarWriter layer;
    for (const char* mountPoint : {"bin/", "dev/", "proc/", "sys/", "tmp/"})
        layer.directory(mountPoint, 0755);
    layer.file("bin/busybox", 0755, busybox);
    for (const char* applet : {"sh", "cat"})
        layer.symlink(std::string("bin/") + applet, "busybox");
    layer.directory("etc/", 0755);
    layer.file("etc/motd", 0644, "nameless\n");
    const std::string layerTar = *layer.finish();
    const std::string config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/bin\"],"
        "\"Cmd\":[\"cat\",\"/etc/motd\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" +
        lab::sha256Hex(layerTar) + "\"]}}";
    const std::string configName = lab::sha256Hex(config) + ".json";
    lab::real::TarWriter save;
    save.file("manifest.json", 0644,
              "[{\"Config\":\"" + configName +
                  "\",\"RepoTags\":null,\"Layers\":[\"layer/layer.tar\"]}]");
    save.file(configName, 0644, config);
    save.directory("layer/", 0755);
    save.file("layer/layer.tar", 0644, layerTar);
    std::ofstream(dir + "/save.tar", std::ios::binary) << *save.finish();
    std::ofstream(dir + "/layer.tar", std::ios::binary) << layerTar;
    return "sha256:" + lab::sha256Hex(config);
}

} // namespace

class RealCommitTest : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void aCommittedImageRunsWithTheContainersChanges();
    void anEmptyDiffAddsNoLayer();
    void tagThenRmiKeepsTheImageUnderTheOtherName();
    void rmiOfAnImageAContainerUsesIsDockersConflict();
    void theLastRmiDeletesWhatTheLabMadeForTheImageAndNothingElse();
    void rmiForcedUnderAStoppedContainerDeletesItsRootfsWithTheContainer();
    void anImageLoadedWithoutANameRunsByItsId();

private:
    // Runs a container that adds, changes and deletes files (an opaque directory too), and
    // commits it as name; the new image's ID.
    std::string commitChanges(const std::string& name);
    std::string store() const { return m_lab->backend->stateDir() + "/images"; }

    std::unique_ptr<RealFixture> m_lab;
    QString m_whyNot;
};

void RealCommitTest::init() {
    m_lab = RealFixture::open(CgroupMode::Auto, m_whyNot);
    if (!m_lab)
        QSKIP(qPrintable("the real backend cannot run here: " + m_whyNot));
    if (m_lab->backend->rootfsDescription().rfind("overlayfs", 0) != 0)
        QSKIP(qPrintable("docker commit needs overlayfs: " +
                         QString::fromStdString(m_lab->backend->rootfsDescription())));
}

// The previous test's backend goes first: backends of one process share a cgroup subtree.
void RealCommitTest::cleanup() {
    m_lab.reset();
}

std::string RealCommitTest::commitChanges(const std::string& name) {
    const auto ran = m_lab->docker(
        "run --name writer busybox sh -c 'echo hello > /tmp/greeting; chmod 600 /tmp/greeting; "
        "echo changed > /etc/passwd; rm /etc/group; mkdir /data; echo x > /data/file; "
        "chown 65534:65534 /data/file; ln -s /tmp/greeting /link; rm -r /usr/sbin; "
        "mkdir /usr/sbin; echo only > /usr/sbin/only'");
    if (ran.status != 0)
        return "run failed: " + RealFixture::join(ran.err).toStdString();
    const auto committed = m_lab->docker("commit writer " + name);
    if (committed.status != 0 || committed.out.size() != 1)
        return "commit failed: " + RealFixture::join(committed.err).toStdString();
    return committed.out.front();
}

void RealCommitTest::aCommittedImageRunsWithTheContainersChanges() {
    const std::string id = commitChanges("lab/snap:1");
    QVERIFY2(id.rfind("sha256:", 0) == 0, id.c_str());
    // The ID is the digest of the config the store wrote, which names the container and has one
    // more layer than busybox.
    const std::string configPath = store() + "/blobs/sha256/" + id.substr(7);
    const std::string config = lab::test::readAll(configPath);
    QCOMPARE(QString::fromStdString("sha256:" + lab::sha256Hex(config)),
             QString::fromStdString(id));
    QVERIFY2(config.find("\"container\":\"" + m_lab->idOf("writer") + "\"") != std::string::npos,
             config.c_str());
    auto stored = lab::real::OciStore(store()).findById(id);
    QVERIFY2(stored.has_value(), stored.has_value() ? "" : stored.error().message.c_str());
    QCOMPARE(stored->layerSizes.size(), std::size_t(2));
    QCOMPARE(m_lab->out("images lab/snap:1 -q --no-trunc"), QString::fromStdString(id));
    const std::vector<std::string>& trace = m_lab->backend->trace(m_lab->idOf("writer"));
    QVERIFY(std::any_of(trace.begin(), trace.end(), [&](const std::string& line) {
        return line.rfind("commit: config " + id + ", layer sha256:", 0) == 0;
    }));

    // A real process of the new image sees what the container wrote, deleted and changed.
    const auto inside = m_lab->docker(
        "run --rm lab/snap:1 sh -c 'cat /tmp/greeting /etc/passwd /data/file; ls /usr/sbin; "
        "readlink /link; stat -c \"%a %u:%g %n\" /tmp/greeting /data/file; ls /etc/group'");
    QCOMPARE(RealFixture::join(inside.out),
             QString("hello\nchanged\nx\nonly\n/tmp/greeting\n600 0:0 /tmp/greeting\n"
                     "644 65534:65534 /data/file"));
    QCOMPARE(RealFixture::join(inside.err), QString("ls: /etc/group: No such file or directory"));
    // The committed files are the image's: a fresh container of it has written nothing.
    QCOMPARE(m_lab->docker("create --name fresh lab/snap:1").status, 0);
    const auto diff = m_lab->docker("diff fresh");
    QCOMPARE(diff.status, 0);
    QCOMPARE(RealFixture::join(diff.out), QString());
    QCOMPARE(m_lab->docker("rm fresh writer").status, 0);
    QCOMPARE(m_lab->leftovers(), QStringList());
}

void RealCommitTest::anEmptyDiffAddsNoLayer() {
    QCOMPARE(m_lab->docker("create --name blank busybox echo committed").status, 0);
    const QString id = m_lab->out("commit blank lab/blank");
    auto stored = lab::real::OciStore(store()).findById(id.toStdString());
    QVERIFY2(stored.has_value(), stored.has_value() ? "" : stored.error().message.c_str());
    QCOMPARE(stored->layerSizes.size(), std::size_t(1)); // busybox's only
    // The container's command is the image's.
    QCOMPARE(m_lab->out("run --rm lab/blank"), QString("committed"));
}

void RealCommitTest::tagThenRmiKeepsTheImageUnderTheOtherName() {
    const std::string id = commitChanges("lab/snap:1");
    QCOMPARE(m_lab->docker("tag lab/snap:1 lab/other").status, 0);
    QCOMPARE(m_lab->out("rmi lab/snap:1"), QString("Untagged: lab/snap:1"));
    QCOMPARE(m_lab->out("run --rm lab/other cat /tmp/greeting"), QString("hello"));
    QCOMPARE(m_lab->out("images lab/other -q --no-trunc"), QString::fromStdString(id));
    QVERIFY(fs::exists(store() + "/blobs/sha256/" + id.substr(7)));
}

void RealCommitTest::rmiOfAnImageAContainerUsesIsDockersConflict() {
    const std::string id = commitChanges("lab/snap:1");
    QCOMPARE(m_lab->docker("run -d --name user lab/snap:1 sleep 100").status, 0);
    const QString user = QString::fromStdString(m_lab->idOf("user").substr(0, 12));
    const QString shortId = QString::fromStdString(id.substr(7, 12));
    const auto byName = m_lab->docker("rmi lab/snap:1");
    QCOMPARE(byName.status, 1);
    QCOMPARE(RealFixture::join(byName.err),
             "Error response from daemon: conflict: unable to remove repository reference "
             "\"lab/snap:1\" (must force) - container " +
                 user + " is using its referenced image " + shortId);
    const auto forced = m_lab->docker("rmi -f " + id);
    QCOMPARE(forced.status, 1);
    QCOMPARE(RealFixture::join(forced.err),
             "Error response from daemon: conflict: unable to delete " + shortId +
                 " (cannot be forced) - image is being used by running container " + user);
    // Nothing went: the running container's image is whole, and a new one starts from it.
    QCOMPARE(m_lab->out("run --rm lab/snap:1 cat /tmp/greeting"), QString("hello"));
    QCOMPARE(m_lab->docker("rm -f user writer").status, 0);
}

void RealCommitTest::theLastRmiDeletesWhatTheLabMadeForTheImageAndNothingElse() {
    // busybox unpacked first: its root filesystem is the lab's too, and must stay.
    QCOMPARE(m_lab->out("run --rm busybox echo ok"), QString("ok"));
    // Files the lab did not make, in the store's own directories.
    std::ofstream(store() + "/blobs/sha256/notes.txt") << "mine";
    std::ofstream(store() + "/rootfs/keep") << "mine";
    const QStringList before = listing(store());

    const std::string id = commitChanges("lab/snap:1");
    QCOMPARE(m_lab->out("run --rm lab/snap:1 cat /tmp/greeting"), QString("hello"));
    QVERIFY(listing(store()).size() > before.size()); // config, layer, manifest, rootfs
    QCOMPARE(m_lab->docker("rm writer").status, 0);
    const auto removed = m_lab->docker("rmi lab/snap:1");
    QCOMPARE(RealFixture::join(removed.err), QString());
    QVERIFY2(RealFixture::join(removed.out).contains(QString::fromStdString("Deleted: " + id)),
             qPrintable(RealFixture::join(removed.out)));
    QCOMPARE(listing(store()), before);
    QCOMPARE(m_lab->out("run --rm busybox echo still"), QString("still"));
}

void RealCommitTest::rmiForcedUnderAStoppedContainerDeletesItsRootfsWithTheContainer() {
    const std::string id = commitChanges("lab/snap:1");
    QCOMPARE(m_lab->docker("rm writer").status, 0);
    QCOMPARE(m_lab->docker("create --name stopped lab/snap:1 true").status, 0);
    const QStringList withImage = listing(store());
    const auto forced = m_lab->docker("rmi -f lab/snap:1");
    QCOMPARE(RealFixture::join(forced.err), QString());
    // Its blobs went; the root filesystem under the stopped container stays while it is there.
    QVERIFY(!fs::exists(store() + "/blobs/sha256/" + id.substr(7)));
    const auto rootfsDirs = [&] {
        return listing(store()).filter(QRegularExpression("^rootfs/[0-9a-f]{64}$"));
    };
    QCOMPARE(rootfsDirs().size(), 2); // busybox's and the committed image's
    QCOMPARE(m_lab->docker("rm stopped").status, 0);
    QCOMPARE(rootfsDirs().size(), 1);
    QVERIFY(withImage.size() > listing(store()).size());
    QCOMPARE(m_lab->out("run --rm busybox echo still"), QString("still"));
}

void RealCommitTest::anImageLoadedWithoutANameRunsByItsId() {
    QTemporaryDir work;
    const std::string dir = work.path().toStdString();
    const std::string id = writeNamelessSave(dir);
    QCOMPARE(m_lab->out("load -i " + dir + "/save.tar"),
             QString::fromStdString("Loaded image ID: " + id));
    const auto byId = m_lab->docker("run --rm " + id);
    QCOMPARE(RealFixture::join(byId.err), QString());
    QCOMPARE(RealFixture::join(byId.out), QString("nameless")); // the config's Cmd
    QCOMPARE(m_lab->out("run --rm " + id.substr(7, 12) + " cat /etc/motd"), QString("nameless"));
    // docker import without a name too: the ID it prints runs.
    const QString imported = m_lab->out("import " + dir + "/layer.tar");
    QVERIFY2(imported.startsWith("sha256:"), qPrintable(imported));
    QCOMPARE(m_lab->out("run --rm " + imported.toStdString() + " cat /etc/motd"),
             QString("nameless"));
    const auto removed = m_lab->docker("rmi " + id);
    QCOMPARE(RealFixture::join(removed.out), QString::fromStdString("Deleted: " + id));
    QVERIFY(!fs::exists(store() + "/blobs/sha256/" + id.substr(7)));
    QCOMPARE(m_lab->docker("run --rm " + id.substr(7)).status, 125); // gone
    QCOMPARE(m_lab->leftovers(), QStringList());
}

QTEST_GUILESS_MAIN(RealCommitTest)
#include "tst_real_commit.moc"
