// The real backend's image store: the OCI image layout on disk, busybox stored in it, images
// made with standard tools (GNU tar, gzip) imported, their config used, and layers applied
// safely: whiteouts and opaque directories as the image spec says, nothing written outside the
// root filesystem, every blob checked against its digest. Needs root; skips with the reason.
#include "RealFixture.h"
#include "base/Sha256.h"

#include <QDirIterator>
#include <QProcess>
#include <QtTest>
#include <filesystem>
#include <fstream>
#include <sstream>

using lab::real::CgroupMode;
using lab::test::RealFixture;
namespace fs = std::filesystem;

namespace {

std::string readAll(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

void writeFile(const std::string& path, const std::string& content) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

// Runs a standard tool; its exit status.
int run(const QString& program, const QStringList& arguments) {
    return QProcess::execute(program, arguments);
}

// Writes content as a blob of the layout at root; its descriptor's digest.
std::string addBlob(const std::string& root, const std::string& content) {
    const std::string hex = lab::sha256Hex(content);
    writeFile(root + "/blobs/sha256/" + hex, content);
    return "sha256:" + hex;
}

std::string descriptor(const std::string& mediaType, const std::string& digest, std::size_t size) {
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest +
           "\",\"size\":" + std::to_string(size) + "}";
}

// An OCI image layout at root with one image: the layer tarballs (as files), the config's
// "config" object, the index's ref.name.
void writeLayout(const std::string& root, const std::vector<std::string>& layerFiles,
                 const std::string& config, const std::string& refName) {
    std::string layers;
    for (const std::string& file : layerFiles) {
        const std::string content = readAll(file);
        const bool gzipped = content.size() > 2 && content[0] == '\x1f' && content[1] == '\x8b';
        layers += (layers.empty() ? "" : ",") +
                  descriptor(gzipped ? "application/vnd.oci.image.layer.v1.tar+gzip"
                                     : "application/vnd.oci.image.layer.v1.tar",
                             addBlob(root, content), content.size());
    }
    const std::string configJson =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":" + config +
        ",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";
    const std::string manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
        "\"config\":" +
        descriptor("application/vnd.oci.image.config.v1+json", addBlob(root, configJson),
                   configJson.size()) +
        ",\"layers\":[" + layers + "]}";
    const std::string manifestDigest = addBlob(root, manifest);
    writeFile(root + "/oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}");
    writeFile(root + "/index.json",
              "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/"
              "vnd.oci.image.manifest.v1+json\",\"digest\":\"" +
                  manifestDigest + "\",\"size\":" + std::to_string(manifest.size()) +
                  ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + refName +
                  "\"}}]}");
}

// A directory with a static busybox and the mount points a container needs.
void writeBusyboxTree(const std::string& dir) {
    for (const char* sub : {"bin", "proc", "dev", "sys", "tmp"})
        fs::create_directories(dir + "/" + sub);
    fs::copy_file("/bin/busybox", dir + "/bin/busybox", fs::copy_options::overwrite_existing);
    for (const char* applet : {"sh", "cat", "ls", "pwd", "echo"})
        fs::create_symlink("busybox", dir + "/bin/" + applet);
}

} // namespace

class RealImagesTest : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void busyboxIsStoredInTheOciLayout();
    void anImageMadeWithTarIsImportedAndItsConfigUsed();
    void layersCannotWriteOutsideTheRootFilesystem_data();
    void layersCannotWriteOutsideTheRootFilesystem();
    void aSymlinkInALowerLayerResolvesInsideTheImage();
    void aWhiteoutRemovesOnlyBeneathTheImage_data();
    void aWhiteoutRemovesOnlyBeneathTheImage();
    void aWorkingDirThatIsNotADirectoryIsNamed();
    void damagedImagesGiveClearErrors();
    void loadedAndImportedImagesRunRealProcesses();
    void aRefusedLoadLeavesTheStoreAsItWas();

private:
    std::unique_ptr<QTemporaryDir> m_temporary; // one per test function
    std::unique_ptr<RealFixture> m_lab;
    QString m_whyNot;
};

void RealImagesTest::init() {
    m_lab = RealFixture::open(CgroupMode::Auto, m_whyNot);
    if (!m_lab)
        QSKIP(qPrintable("the real backend cannot run here: " + m_whyNot));
    m_temporary = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temporary->isValid());
}

// The previous test's backend goes first: backends of one process share a cgroup subtree, which
// the last one to close removes.
void RealImagesTest::cleanup() {
    m_lab.reset();
    m_temporary.reset();
}

void RealImagesTest::busyboxIsStoredInTheOciLayout() {
    const std::string store = m_lab->backend->stateDir() + "/images";
    QCOMPARE(QString::fromStdString(readAll(store + "/oci-layout")),
             QString("{\"imageLayoutVersion\":\"1.0.0\"}"));
    QVERIFY(
        readAll(store + "/index.json")
            .find("\"org.opencontainers.image.ref.name\":\"docker.io/library/busybox:latest\"") !=
        std::string::npos);
    // Every blob is named by the SHA-256 of its content: manifest, config, the layer.
    int blobs = 0;
    for (const auto& blob : fs::directory_iterator(store + "/blobs/sha256")) {
        QCOMPARE(QString::fromStdString(lab::sha256Hex(readAll(blob.path().string()))),
                 QString::fromStdString(blob.path().filename().string()));
        ++blobs;
    }
    QCOMPARE(blobs, 3);
    // The config's Env and Cmd are what the container gets.
    QCOMPARE(m_lab->out("run --rm busybox sh -c 'echo $PATH; echo $HOME; pwd'"),
             QString("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n/root\n/"));
    QCOMPARE(m_lab->docker("create --name box busybox").status, 0);
    QCOMPARE(m_lab->out("inspect -f '{{.Config.Cmd}}' box"), QString("[sh]"));
    QCOMPARE(m_lab->docker("rm box").status, 0);
}

void RealImagesTest::anImageMadeWithTarIsImportedAndItsConfigUsed() {
    const std::string work = m_temporary->path().toStdString();
    const std::string lower = work + "/lower", upper = work + "/upper";
    writeBusyboxTree(lower);
    writeFile(lower + "/etc/motd", "one\n");
    writeFile(lower + "/gone/file", "x");
    writeFile(lower + "/opaque/lower", "x");
    fs::create_directories(upper + "/opaque");
    fs::create_directories(upper + "/work");
    writeFile(upper + "/etc/motd", "two\n");
    writeFile(upper + "/.wh.gone", "");
    writeFile(upper + "/opaque/.wh..wh..opq", "");
    writeFile(upper + "/opaque/upper", "x");
    // Standard tools: GNU tar (gzip for the first layer), as an image builder writes them.
    QCOMPARE(run("tar", {"-czf", m_temporary->filePath("lower.tar.gz"), "-C",
                         m_temporary->filePath("lower"), "."}),
             0);
    QCOMPARE(run("tar", {"-cf", m_temporary->filePath("upper.tar"), "-C",
                         m_temporary->filePath("upper"), "."}),
             0);
    const std::string layout = work + "/layout";
    writeLayout(layout, {work + "/lower.tar.gz", work + "/upper.tar"},
                "{\"Env\":[\"PATH=/bin\",\"GREETING=hi\"],\"Cmd\":[\"cat\",\"/etc/motd\"],"
                "\"WorkingDir\":\"/work\"}",
                "1");
    auto imported = m_lab->backend->importImage(layout, "mine:1");
    QVERIFY2(imported.has_value(), imported.has_value() ? "" : imported.error().message.c_str());
    QCOMPARE(imported->tags, std::vector<std::string>{"mine:1"});
    m_lab->addImage(*imported, "mine:1");

    QCOMPARE(m_lab->out("run --rm mine:1"), QString("two")); // the config's Cmd, upper layer
    const auto inside =
        m_lab->docker("run --rm mine:1 sh -c 'pwd; echo $GREETING; ls /; ls /opaque; ls /gone'");
    QCOMPARE(RealFixture::join(inside.out),
             QString("/work\nhi\nbin\ndev\netc\nopaque\nproc\nsys\ntmp\nwork\nupper"));
    QCOMPARE(RealFixture::join(inside.err), QString("ls: /gone: No such file or directory"));
    QCOMPARE(m_lab->leftovers(), QStringList());
}

void RealImagesTest::layersCannotWriteOutsideTheRootFilesystem_data() {
    QTest::addColumn<bool>("absolute");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a .. entry") << false << "reaches outside the root filesystem (..)";
    QTest::newRow("an absolute entry") << true << "is an absolute path";
}

void RealImagesTest::layersCannotWriteOutsideTheRootFilesystem() {
    QFETCH(bool, absolute);
    QFETCH(QString, expected);
    const std::string work = m_temporary->path().toStdString();
    writeFile(work + "/src/inside", "x");
    const std::string victim = work + "/victim";
    writeFile(victim, "original");
    // -P keeps "../" and a leading "/" in the member names, as a hostile layer has them.
    QCOMPARE(
        run("tar", {"-cPf", m_temporary->filePath("evil.tar"), "-C", m_temporary->filePath("src"),
                    "inside", absolute ? QString::fromStdString(victim) : "../victim"}),
        0);
    fs::remove(victim);
    writeLayout(work + "/layout", {work + "/evil.tar"}, "{\"Cmd\":[\"true\"]}", "latest");
    auto imported = m_lab->backend->importImage(work + "/layout", "evil");
    QVERIFY(imported.has_value()); // the blobs are sound; the layer is refused when it is applied
    m_lab->addImage(*imported, "evil");
    const auto created = m_lab->docker("create --name evil evil");
    QCOMPARE(created.status, 1);
    QVERIFY2(RealFixture::join(created.err).contains(expected),
             qPrintable(RealFixture::join(created.err)));
    QVERIFY(!fs::exists(victim));
    QCOMPARE(m_lab->out("ps -aq"), QString());
    QCOMPARE(m_lab->leftovers(), QStringList());
}

void RealImagesTest::aSymlinkInALowerLayerResolvesInsideTheImage() {
    const std::string work = m_temporary->path().toStdString();
    const std::string marker = "lifecycle-lab-escape-" + std::to_string(::getpid());
    writeBusyboxTree(work + "/lower");
    fs::create_symlink("/", work + "/lower/escape");      // "escape" is the root...
    writeFile(work + "/upper/escape/tmp/" + marker, "x"); // ...so this aims at the host's /tmp
    QCOMPARE(run("tar", {"-cf", m_temporary->filePath("lower.tar"), "-C",
                         m_temporary->filePath("lower"), "."}),
             0);
    // Only the file, no entries for its directories: they must be found through the symlink.
    QCOMPARE(
        run("tar", {"-cf", m_temporary->filePath("upper.tar"), "-C", m_temporary->filePath("upper"),
                    QString::fromStdString("escape/tmp/" + marker)}),
        0);
    writeLayout(work + "/layout", {work + "/lower.tar", work + "/upper.tar"},
                "{\"Cmd\":[\"ls\",\"/escape/tmp\"]}", "latest");
    auto imported = m_lab->backend->importImage(work + "/layout", "tricky");
    QVERIFY(imported.has_value());
    m_lab->addImage(*imported, "tricky");
    const auto created = m_lab->docker("create --name tricky tricky");
    QVERIFY2(created.status == 0, qPrintable(RealFixture::join(created.err)));
    QVERIFY(!fs::exists("/tmp/" + marker));
    // It landed in the image's own /tmp.
    const std::string rootfs = m_lab->backend->rootfsPath(m_lab->idOf("tricky"));
    QVERIFY(fs::exists(rootfs + "/tmp/" + marker));
    QCOMPARE(m_lab->docker("rm tricky").status, 0);
    QCOMPARE(m_lab->leftovers(), QStringList());
}

void RealImagesTest::aWhiteoutRemovesOnlyBeneathTheImage_data() {
    QTest::addColumn<QString>("whiteout");
    QTest::newRow("a whiteout of ..") << ".wh...";
    QTest::newRow("a whiteout of .") << ".wh..";
    QTest::newRow("a whiteout of nothing") << ".wh.";
}

// ".wh..." would delete "..": the directory holding the image being unpacked, where the other
// unpacked images are. Unpacking busybox first puts one there.
void RealImagesTest::aWhiteoutRemovesOnlyBeneathTheImage() {
    QFETCH(QString, whiteout);
    QCOMPARE(m_lab->docker("run --rm busybox true").status, 0);
    const std::string unpacked = m_lab->backend->stateDir() + "/images/rootfs";
    std::vector<std::string> images;
    for (const auto& image : fs::directory_iterator(unpacked))
        images.push_back(image.path().string() + "/bin/busybox");
    QCOMPARE(images.size(), std::size_t(1));

    const std::string work = m_temporary->path().toStdString();
    writeBusyboxTree(work + "/lower");
    writeFile(work + "/upper/" + whiteout.toStdString(), "");
    QCOMPARE(run("tar", {"-cf", m_temporary->filePath("lower.tar"), "-C",
                         m_temporary->filePath("lower"), "."}),
             0);
    QCOMPARE(run("tar", {"-cf", m_temporary->filePath("upper.tar"), "-C",
                         m_temporary->filePath("upper"), whiteout}),
             0);
    writeLayout(work + "/layout", {work + "/lower.tar", work + "/upper.tar"},
                "{\"Cmd\":[\"true\"]}", "latest");
    auto imported = m_lab->backend->importImage(work + "/layout", "whiteout");
    QVERIFY(imported.has_value());
    m_lab->addImage(*imported, "whiteout");
    const auto created = m_lab->docker("create whiteout");
    QCOMPARE(created.status, 1);
    QVERIFY2(RealFixture::join(created.err).contains("which names no file"),
             qPrintable(RealFixture::join(created.err)));
    QVERIFY(fs::exists(images.front()));
    QCOMPARE(m_lab->docker("run --rm busybox true").status, 0);
    QCOMPARE(m_lab->leftovers(), QStringList());
}

// Each step of the child's set-up has its own words: a failed chdir is not reported as exec.
void RealImagesTest::aWorkingDirThatIsNotADirectoryIsNamed() {
    const std::string work = m_temporary->path().toStdString();
    writeBusyboxTree(work + "/tree");
    writeFile(work + "/tree/etc/motd", "hello\n");
    QCOMPARE(run("tar", {"-cf", m_temporary->filePath("layer.tar"), "-C",
                         m_temporary->filePath("tree"), "."}),
             0);
    writeLayout(work + "/layout", {work + "/layer.tar"},
                "{\"Cmd\":[\"true\"],\"WorkingDir\":\"/etc/motd\"}", "latest");
    auto imported = m_lab->backend->importImage(work + "/layout", "wd");
    QVERIFY(imported.has_value());
    m_lab->addImage(*imported, "wd");
    const auto started = m_lab->docker("run --rm wd");
    QVERIFY(started.status != 0);
    QVERIFY2(RealFixture::join(started.err)
                 .contains("chdir to cwd (\"/etc/motd\") set in config.json: not a directory"),
             qPrintable(RealFixture::join(started.err)));
    QCOMPARE(m_lab->leftovers(), QStringList());
}

void RealImagesTest::damagedImagesGiveClearErrors() {
    const std::string work = m_temporary->path().toStdString();
    auto notALayout = m_lab->backend->importImage(work, "x");
    QVERIFY(!notALayout);
    QCOMPARE(QString::fromStdString(notALayout.error().message),
             QString::fromStdString("importing " + work + ": " + work +
                                    " is not an OCI image layout: no oci-layout file"));

    // A broken index.json is refused with the file and the reason: its 32 characters end early.
    writeFile(work + "/broken/oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}");
    writeFile(work + "/broken/index.json", "{\"schemaVersion\":2,\"manifests\":[");
    auto broken = m_lab->backend->importImage(work + "/broken", "x");
    QVERIFY(!broken);
    QCOMPARE(broken.error().code, lab::ErrorCode::Invalid);
    QVERIFY2(QString::fromStdString(broken.error().message)
                 .contains(QString::fromStdString(work + "/broken/index.json: JSON: parse error at "
                                                         "line 1, column 33")),
             broken.error().message.c_str());

    writeBusyboxTree(work + "/tree");
    QCOMPARE(run("tar", {"-cf", m_temporary->filePath("layer.tar"), "-C",
                         m_temporary->filePath("tree"), "."}),
             0);
    writeLayout(work + "/layout", {work + "/layer.tar"}, "{\"Cmd\":[\"true\"]}", "latest");
    const std::string digest = "sha256:" + lab::sha256Hex(readAll(work + "/layer.tar"));
    const std::string blob = work + "/layout/blobs/sha256/" + digest.substr(7);
    writeFile(blob, readAll(blob) + "tampered");
    auto corrupt = m_lab->backend->importImage(work + "/layout", "x");
    QVERIFY(!corrupt);
    QVERIFY2(QString::fromStdString(corrupt.error().message)
                 .contains(QString::fromStdString("blob " + digest +
                                                  " is corrupt: its content hashes to sha256:")),
             corrupt.error().message.c_str());
    fs::remove(blob);
    auto missing = m_lab->backend->importImage(work + "/layout", "x");
    QVERIFY(!missing);
    QVERIFY(QString::fromStdString(missing.error().message)
                .contains(QString::fromStdString("blob " + digest + " is missing")));

    // A blob damaged in the store after the import is caught when the image is unpacked.
    writeFile(blob, readAll(work + "/layer.tar"));
    auto imported = m_lab->backend->importImage(work + "/layout", "x");
    QVERIFY(imported.has_value());
    const std::string stored =
        m_lab->backend->stateDir() + "/images/blobs/sha256/" + digest.substr(7);
    writeFile(stored, "garbage");
    m_lab->addImage(*imported, "x");
    const auto created = m_lab->docker("create x");
    QCOMPARE(created.status, 1);
    QVERIFY2(RealFixture::join(created.err).contains("is corrupt"),
             qPrintable(RealFixture::join(created.err)));
    QCOMPARE(m_lab->leftovers(), QStringList());
}

void RealImagesTest::loadedAndImportedImagesRunRealProcesses() {
    const std::string work = m_temporary->path().toStdString();
    writeBusyboxTree(work + "/tree");
    writeFile(work + "/tree/etc/motd", "loaded\n");
    QCOMPARE(run("tar", {"-cf", m_temporary->filePath("rootfs.tar"), "-C",
                         m_temporary->filePath("tree"), "."}),
             0);
    const auto imported = m_lab->docker("import " + work + "/rootfs.tar made:1");
    QCOMPARE(RealFixture::join(imported.err), QString());
    QCOMPARE(m_lab->out("run --rm made:1 /bin/busybox cat /etc/motd"), QString("loaded"));
    // The same layer as docker save writes it: manifest.json, the config, the layer.
    const std::string layer = readAll(work + "/rootfs.tar");
    const std::string config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{"
                               "\"Env\":[\"PATH=/bin\"],\"Cmd\":[\"cat\",\"/etc/motd\"]},"
                               "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" +
                               lab::sha256Hex(layer) + "\"]}}";
    const std::string configName = lab::sha256Hex(config) + ".json";
    writeFile(work + "/save/" + configName, config);
    writeFile(work + "/save/layer/layer.tar", layer);
    writeFile(work + "/save/manifest.json", "[{\"Config\":\"" + configName +
                                                "\",\"RepoTags\":[\"saved:1\"],\"Layers\":["
                                                "\"layer/layer.tar\"]}]");
    QCOMPARE(run("tar", {"-cf", m_temporary->filePath("save.tar"), "-C",
                         m_temporary->filePath("save"), "."}),
             0);
    QCOMPARE(m_lab->out("load -i " + work + "/save.tar"), QString("Loaded image: saved:1"));
    QCOMPARE(m_lab->out("images saved:1 -q --no-trunc"),
             QString::fromStdString("sha256:" + lab::sha256Hex(config)));
    QCOMPARE(m_lab->out("run --rm saved:1"), QString("loaded")); // the config's Cmd, for real
    QCOMPARE(m_lab->leftovers(), QStringList());
}

void RealImagesTest::aRefusedLoadLeavesTheStoreAsItWas() {
    const QString store = QString::fromStdString(m_lab->backend->stateDir() + "/images");
    const auto listing = [&] {
        QStringList files;
        QDirIterator it(store, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        files.sort();
        return files;
    };
    const QStringList before = listing();
    for (const char* file : {"traversal-save.tar.gz", "tampered-layer-save.tar.gz"}) {
        const auto refused = m_lab->docker(
            std::string("load -i " LAB_SOURCE_DIR "/tests/statemachine/data/images/") + file);
        QCOMPARE(refused.status, 1);
    }
    QCOMPARE(listing(), before);
    QVERIFY(!fs::exists(m_temporary->filePath("escaped").toStdString()));
}
QTEST_GUILESS_MAIN(RealImagesTest)
#include "tst_real_images.moc"
