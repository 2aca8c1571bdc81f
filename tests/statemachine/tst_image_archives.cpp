// docker load and docker import on the simulated engine, from archives recorded at Docker
// Engine 20.10.24 (tiny-*: a 29-byte /etc/motd) and hostile ones made beside them
// (tests/statemachine/data/images/README.md): the image IDs Docker computes, a loaded image
// that runs, and every refusal leaving the store as it was. docker attach's rows at the end.
#include "EngineFixture.h"
#include "docker/GoTime.h"
#include "engine/ImageArchive.h"

#include <QtTest>

using lab::test::EngineFixture;

namespace {

const std::string kImages = LAB_SOURCE_DIR "/tests/statemachine/data/images/";

QString text(const std::vector<std::string>& lines) {
    return QString::fromStdString(EngineFixture::join(lines));
}

// The ID of the image tiny:1 had at the real engine (docker import of tiny-rootfs.tar, then
// docker save of it as tiny-save.tar).
const QString kTinyId = "sha256:9ca132f0e732a73bfcee8d4f991fa28607f15aefa7c18ae8f104eaa978594138";

} // namespace

class ImageArchivesTest : public QObject {
    Q_OBJECT
private slots:
    void loadOfADockerSaveKeepsDockersIdAndRuns();
    void loadOfAnOciLayoutGivesTheSameImage();
    void loadingAgainMovesNoTag();
    void importMakesTheImageDockerMade();
    void importGivesOneLayerOfTheFilesSize();
    void checksRefuseAndStoreNothing_data();
    void checksRefuseAndStoreNothing();
    void filesThatCannotBeReadSayWhy();
    void attachFollowsARunningContainerToItsExit();
    void attachRefusesWhatDoesNotRun();
};

void ImageArchivesTest::loadOfADockerSaveKeepsDockersIdAndRuns() {
    EngineFixture lab;
    const auto loaded = lab.docker("load -i " + kImages + "tiny-save.tar.gz");
    QCOMPARE(text(loaded.err), QString());
    QCOMPARE(text(loaded.out), QString("Loaded image: tiny:1"));
    QCOMPARE(lab.out("images tiny --no-trunc --format '{{.ID}} {{.Size}}'"), kTinyId + " 29B");
    QCOMPARE(lab.out("run --rm tiny:1 cat /etc/motd"), QString("hello from an imported layer"));
}

void ImageArchivesTest::loadOfAnOciLayoutGivesTheSameImage() {
    EngineFixture lab;
    QCOMPARE(lab.out("load -i " + kImages + "tiny-oci.tar.gz"), QString("Loaded image: tiny:oci"));
    QCOMPARE(lab.out("images tiny:oci -q --no-trunc"), kTinyId);
}

void ImageArchivesTest::loadingAgainMovesNoTag() {
    EngineFixture lab;
    QCOMPARE(lab.docker("load -i " + kImages + "tiny-save.tar.gz").status, 0);
    QCOMPARE(lab.out("load -i " + kImages + "tiny-save.tar.gz"), QString("Loaded image: tiny:1"));
    // A name another image had moves, and Docker says so.
    QCOMPARE(lab.docker("tag busybox tiny:1").status, 0);
    const QString busyboxId = lab.out("images busybox -q --no-trunc");
    QCOMPARE(lab.out("load -i " + kImages + "tiny-save.tar.gz"),
             "The image tiny:1 already exists, renaming the old one with ID " + busyboxId +
                 " to empty string\nLoaded image: tiny:1");
}

void ImageArchivesTest::importMakesTheImageDockerMade() {
    // The import's config records when it happened: at the recording's instant, the lab's
    // config hashes to the ID the real engine gave.
    auto second = lab::docker::parseEventTime("2026-12-07T04:17:15Z", {});
    QVERIFY(second.has_value());
    const lab::TimePoint created = *second + std::chrono::nanoseconds(502268605);
    const std::string rootfs = [] {
        QFile file(QString::fromStdString(kImages + "tiny-rootfs.tar.gz"));
        return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
    }();
    auto image = lab::importRootfs(rootfs, created);
    QVERIFY(image.has_value());
    QCOMPARE(QString::fromStdString(image->id), kTinyId);
}

void ImageArchivesTest::importGivesOneLayerOfTheFilesSize() {
    EngineFixture lab;
    const auto imported = lab.docker("import " + kImages + "tiny-rootfs.tar.gz motd:1");
    QCOMPARE(text(imported.err), QString());
    QCOMPARE(text(imported.out).left(7), QString("sha256:"));
    QCOMPARE(lab.out("images motd:1 --format '{{.Size}}'"), QString("29B"));
    auto image = lab.engine.findImage("motd:1");
    QVERIFY(image.has_value());
    QCOMPARE((*image)->layerDigests.size(), std::size_t(1));
    QCOMPARE(lab.out("run --rm motd:1 cat /etc/motd"), QString("hello from an imported layer"));
}

void ImageArchivesTest::checksRefuseAndStoreNothing_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("error");
    QTest::newRow("layer changed") << "tampered-layer-save.tar.gz"
                                   << "invalid diffID for layer 0: expected "
                                      "\"sha256:bab339622036fdf103c5613ab58244f9b33de696c2eab1f6ee"
                                      "48f9339f9b9edc\", got \"sha256:";
    QTest::newRow("blob changed") << "tampered-blob-oci.tar.gz"
                                  << "invalid digest for blobs/sha256/";
    QTest::newRow("..") << "traversal-save.tar.gz"
                        << "layer entry ../../escaped reaches outside the image (..)";
    QTest::newRow("absolute") << "absolute-save.tar.gz"
                              << "layer entry /tmp/escaped is an absolute path";
    QTest::newRow("symlink") << "symlink-save.tar.gz"
                             << "layer entry /out/escaped goes through the symbolic link /out";
    QTest::newRow("hard link") << "hardlink-save.tar.gz"
                               << "hard link /passwd -> ../../etc/passwd reaches outside";
    QTest::newRow("device") << "device-save.tar.gz"
                            << "layer entry /dev/sda is a device node";
}

void ImageArchivesTest::checksRefuseAndStoreNothing() {
    QFETCH(QString, file);
    QFETCH(QString, error);
    EngineFixture lab;
    const QString before = lab.out("images -a --no-trunc");
    const std::size_t events = lab.engine.events().size();
    const auto loaded = lab.docker("load -i " + kImages + file.toStdString());
    QCOMPARE(loaded.status, 1);
    QVERIFY2(text(loaded.err).startsWith(error), qPrintable(text(loaded.err)));
    QCOMPARE(text(loaded.out), QString());
    QCOMPARE(lab.out("images -a --no-trunc"), before);
    QCOMPARE(lab.engine.events().size(), events);
}

void ImageArchivesTest::filesThatCannotBeReadSayWhy() {
    EngineFixture lab;
    // Docker's words, recorded (docs/DOCKER-BEHAVIOUR.md §10.6).
    const auto missing = lab.docker("load -i /nonexistent.tar");
    QCOMPARE(text(missing.err), QString("open /nonexistent.tar: no such file or directory"));
    QCOMPARE(missing.status, 1);
    const auto notTar = lab.docker("load -i " LAB_SOURCE_DIR "/README.md");
    QCOMPARE(text(notTar.err),
             QString("Error processing tar file(exit status 1): archive/tar: invalid tar header"));
    const auto importNotTar = lab.docker("import " LAB_SOURCE_DIR "/README.md");
    QCOMPARE(text(importNotTar.err),
             QString("Error response from daemon: ApplyLayer exit status 1 stdout:  stderr: "
                     "archive/tar: invalid tar header"));
    const auto noInput = lab.docker("load");
    QCOMPARE(text(noInput.err), QString("requested load from stdin, but stdin is empty"));
    // A truncated archive.
    QTemporaryDir dir;
    QFile whole(QString::fromStdString(kImages + "tiny-save.tar.gz"));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    QFile cut(dir.filePath("cut.tar.gz"));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(whole.readAll().left(400));
    cut.close();
    const auto truncated = lab.docker("load -i " + cut.fileName().toStdString());
    QCOMPARE(text(truncated.err),
             QString("Error processing tar file(exit status 1): unexpected EOF"));
    QCOMPARE(lab.out("images tiny -q"), QString());
}

void ImageArchivesTest::attachFollowsARunningContainerToItsExit() {
    EngineFixture lab;
    const auto started = lab.docker(
        "run -d --name follower busybox sh -c 'sleep 1; echo one; echo two >&2; exit 3'");
    QCOMPARE(text(started.err), QString());
    const auto attached = lab.docker("attach follower");
    QCOMPARE(text(attached.out), QString("one"));
    QCOMPARE(text(attached.err), QString("two"));
    QCOMPARE(attached.status, 3);
}

void ImageArchivesTest::attachRefusesWhatDoesNotRun() {
    EngineFixture lab;
    QCOMPARE(lab.docker("create --name created busybox true").status, 0);
    QCOMPARE(lab.docker("run -d --name paused busybox sleep 100").status, 0);
    QCOMPARE(lab.docker("pause paused").status, 0);
    const auto stopped = lab.docker("attach created");
    QCOMPARE(text(stopped.err),
             QString("You cannot attach to a stopped container, start it first"));
    QCOMPARE(stopped.status, 1);
    QCOMPARE(text(lab.docker("attach paused").err),
             QString("You cannot attach to a paused container, unpause it first"));
    QCOMPARE(text(lab.docker("attach nosuch").err),
             QString("Error response from daemon: No such container: nosuch"));
}

QTEST_GUILESS_MAIN(ImageArchivesTest)
#include "tst_image_archives.moc"
