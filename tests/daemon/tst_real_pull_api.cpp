// The real docker CLI (/usr/local/bin/docker) against `lifecycle-lab daemon --backend real`:
// docker pull and docker run of an image in Debian's docker-registry on 127.0.0.1 stream the
// daemon's progress as Docker 20.10 does, the image runs, and a missing tag and a closed port
// answer Docker's words. Needs root, the CLI and docker-registry; skips with the reason.
#include "../realbackend/LocalRegistry.h"
#include "DockerCliAnswer.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lab::test; // Answer, kDocker, kPatience, lines, LocalRegistry

class RealPullApiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pullStreamsDockersProgressAndTheImageRuns();
    void errorsAreDockers();

private:
    Answer docker(const QStringList& args);

    QTemporaryDir m_dir;
    QString m_socket;
    QProcess m_daemon;
    LocalRegistry m_registry;
};

void RealPullApiTest::initTestCase() {
    if (::geteuid() != 0)
        QSKIP("the real backend's image store and containers need root here");
    if (!QFile::exists(kDocker))
        QSKIP("the docker CLI is not installed at /usr/local/bin/docker");
    if (!QFile::exists(LocalRegistry::kProgram))
        QSKIP("Debian's docker-registry is not installed (scripts/install-deps.sh installs it)");
    QString whyNot;
    if (!m_registry.start(whyNot))
        QSKIP(qPrintable(whyNot));
    QVERIFY(m_dir.isValid());
    m_socket = m_dir.filePath("docker.sock");
    m_daemon.start(LAB_BINARY, {"daemon", "--socket", m_socket, "--backend", "real", "--state-dir",
                                m_dir.filePath("state")});
    QVERIFY(m_daemon.waitForReadyRead(kPatience));
    QCOMPARE(QString::fromUtf8(m_daemon.readLine()).trimmed(),
             "export DOCKER_HOST=unix://" + m_socket);
}

void RealPullApiTest::cleanupTestCase() {
    if (m_daemon.state() == QProcess::Running) {
        m_daemon.terminate();
        QVERIFY(m_daemon.waitForFinished(kPatience));
        QCOMPARE(m_daemon.exitCode(), 0);
    }
}

Answer RealPullApiTest::docker(const QStringList& args) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("DOCKER_HOST", "unix://" + m_socket);
    environment.insert("DOCKER_CONFIG", m_dir.filePath("config"));
    environment.remove("DOCKER_API_VERSION");
    process.setProcessEnvironment(environment);
    process.start(kDocker, args);
    const bool finished = process.waitForFinished(kPatience);
    return {lines(process.readAllStandardOutput()), lines(process.readAllStandardError()),
            finished ? process.exitCode() : -1};
}

void RealPullApiTest::pullStreamsDockersProgressAndTheImageRuns() {
    const PushedImage pushed = m_registry.pushBusyboxImage(
        "lab/api", "1", "pulled through the socket", m_dir.filePath("image").toStdString());
    QVERIFY(!pushed.manifestDigest.empty());
    const QString reference = QString::fromStdString(m_registry.host()) + "/lab/api:1";
    const QString layer = QString::fromStdString(pushed.layerDigest.substr(7, 12));
    const QString digest = QString::fromStdString(pushed.manifestDigest);

    const Answer pulled = docker({"pull", reference});
    QCOMPARE(pulled.status, 0);
    QCOMPARE(pulled.out,
             QStringList({"1: Pulling from lab/api", layer + ": Pulling fs layer",
                          layer + ": Verifying Checksum", layer + ": Download complete",
                          layer + ": Pull complete", "Digest: " + digest,
                          "Status: Downloaded newer image for " + reference, reference}));
    const Answer ran = docker({"run", "--rm", reference});
    QCOMPARE(ran.status, 0);
    QCOMPARE(ran.out, QStringList{"pulled through the socket"});
    QCOMPARE(docker({"pull", reference}).out,
             QStringList({"1: Pulling from lab/api", "Digest: " + digest,
                          "Status: Image is up to date for " + reference, reference}));
}

void RealPullApiTest::errorsAreDockers() {
    const QString missing = QString::fromStdString(m_registry.host()) + "/lab/api:9.9";
    const Answer unknown = docker({"pull", missing});
    QCOMPARE(unknown.status, 1);
    QCOMPARE(unknown.err, QStringList{"Error response from daemon: manifest for " + missing +
                                      " not found: manifest unknown: manifest unknown"});
    const QString closed = "127.0.0.1:" + QString::number(unusedPort());
    const Answer refused = docker({"pull", closed + "/lab/api:1"});
    QCOMPARE(refused.status, 1);
    QCOMPARE(refused.err,
             QStringList{"Error response from daemon: Get \"http://" + closed +
                         "/v2/\": dial tcp " + closed + ": connect: connection refused"});
}

QTEST_GUILESS_MAIN(RealPullApiTest)
#include "tst_real_pull_api.moc"
