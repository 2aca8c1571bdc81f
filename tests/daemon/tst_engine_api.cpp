// The real docker CLI (/usr/local/bin/docker) against `lifecycle-lab daemon` on a temporary
// socket with the virtual clock: each command's output, stderr and exit status equal what the
// lab's own console answers for the same command on the same world and seed.
#include "DockerCliAnswer.h"
#include "session/SimulatedSession.h"
#include "session/WorldFile.h"

#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using lab::test::Answer;
using lab::test::kDocker;
using lab::test::kPatience;
using lab::test::lines;

class EngineApiTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void versionIsNegotiatedAt141();
    void lifecycleMatchesTheConsole();
    void foregroundRunStreamsAndExitsWithTheStatus();
    void errorsMatchTheConsole();
    void imageArchivesLoadAsInTheConsole();
    void tooNewVersionIsRefusedAsDockerDoes();
    void concurrentClientsLeaveTheEngineConsistent();

private:
    Answer docker(const QStringList& args);
    QProcess* dockerAsync(const QStringList& args);
    Answer console(const QStringList& args);
    QByteArray request(const QByteArray& raw);
    /// Lets engine time pass in the daemon and the console alike; answers the daemon's time
    /// afterwards, "seconds.nanoseconds" (empty on failure).
    QString advance(double seconds);
    void expectSame(const QStringList& args);

    QTemporaryDir m_dir;
    QString m_socket;
    QProcess m_daemon;
    std::unique_ptr<lab::SimulatedSession> m_console;
};

void EngineApiTest::initTestCase() {
    if (!QFile::exists(kDocker))
        QSKIP("the docker CLI is not installed at /usr/local/bin/docker");
    QVERIFY(m_dir.isValid());
    m_socket = m_dir.filePath("docker.sock");
    m_daemon.start(LAB_BINARY,
                   {"daemon", "--socket", m_socket, "--clock", "virtual", "--seed", "1"});
    QVERIFY(m_daemon.waitForReadyRead(kPatience));
    QCOMPARE(QString::fromUtf8(m_daemon.readLine()).trimmed(),
             "export DOCKER_HOST=unix://" + m_socket);
    QCOMPARE(QFile::permissions(m_socket) & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
    auto world = lab::loadDefaultWorld();
    QVERIFY(world.has_value());
    m_console = std::make_unique<lab::SimulatedSession>(*world, 1);
}

void EngineApiTest::cleanupTestCase() {
    if (m_daemon.state() == QProcess::Running) {
        m_daemon.terminate();
        QVERIFY(m_daemon.waitForFinished(kPatience));
        QCOMPARE(m_daemon.exitCode(), 0);
        QVERIFY(!QFile::exists(m_socket)); // the daemon removes its socket when it ends
    }
}

QProcess* EngineApiTest::dockerAsync(const QStringList& args) {
    auto* process = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("DOCKER_HOST", "unix://" + m_socket);
    environment.insert("DOCKER_CONFIG", m_dir.filePath("config"));
    environment.insert("TZ", "UTC");
    environment.remove("DOCKER_API_VERSION");
    process->setProcessEnvironment(environment);
    process->start(kDocker, args);
    return process;
}

Answer EngineApiTest::docker(const QStringList& args) {
    QProcess* process = dockerAsync(args);
    const bool finished = process->waitForFinished(kPatience);
    Answer answer{lines(process->readAllStandardOutput()), lines(process->readAllStandardError()),
                  process->exitCode()};
    process->deleteLater();
    if (!finished)
        answer.status = -1;
    return answer;
}

Answer EngineApiTest::console(const QStringList& args) {
    std::vector<std::string> words;
    for (const QString& arg : args)
        words.push_back(arg.toStdString());
    const lab::CliOutput output = m_console->run(words);
    Answer answer;
    for (const std::string& line : output.out)
        answer.out << QString::fromStdString(line);
    for (const std::string& line : output.err)
        answer.err << QString::fromStdString(line);
    answer.status = output.status;
    return answer;
}

QByteArray EngineApiTest::request(const QByteArray& raw) {
    QLocalSocket socket;
    socket.connectToServer(m_socket);
    if (!socket.waitForConnected(kPatience))
        return {};
    socket.write(raw);
    socket.waitForBytesWritten(kPatience);
    QByteArray answer;
    while (socket.waitForReadyRead(kPatience)) {
        answer += socket.readAll();
        if (answer.contains("\r\n\r\n"))
            break;
    }
    return answer;
}

QString EngineApiTest::advance(double seconds) {
    const QByteArray answer = request("POST /lab/advance?seconds=" + QByteArray::number(seconds) +
                                      " HTTP/1.1\r\nHost: lab\r\nContent-Length: 0\r\n\r\n");
    m_console->sleep(
        std::chrono::duration_cast<lab::Duration>(std::chrono::duration<double>(seconds)));
    const QRegularExpressionMatch now =
        QRegularExpression(R"re(\{"Now":"(\d+\.\d+)"\})re").match(QString::fromUtf8(answer));
    return answer.startsWith("HTTP/1.1 200") && now.hasMatch() ? now.captured(1) : QString();
}

void EngineApiTest::expectSame(const QStringList& args) {
    const Answer lab = console(args);
    const Answer real = docker(args);
    const QString command = "docker " + args.join(' ');
    QVERIFY2(real.out == lab.out, qPrintable(command + "\nCLI:     " + real.out.join(" | ") +
                                             "\nconsole: " + lab.out.join(" | ")));
    QVERIFY2(real.err == lab.err, qPrintable(command + "\nCLI:     " + real.err.join(" | ") +
                                             "\nconsole: " + lab.err.join(" | ")));
    QVERIFY2(real.status == lab.status,
             qPrintable(command + ": CLI " + QString::number(real.status) + ", console " +
                        QString::number(lab.status)));
}

void EngineApiTest::versionIsNegotiatedAt141() {
    const Answer version = docker({"version", "--format", "{{.Server.APIVersion}} {{.Server.Os}}"});
    QCOMPARE(version.status, 0);
    QCOMPARE(version.out, QStringList{"1.41 linux"});
    const QByteArray ping = request("HEAD /_ping HTTP/1.1\r\nHost: lab\r\n\r\n");
    QVERIFY2(ping.startsWith("HTTP/1.1 200 OK\r\n"), ping.constData());
    QVERIFY(ping.contains("Api-Version: 1.41\r\n"));
}

void EngineApiTest::lifecycleMatchesTheConsole() {
    const QString rows = "{{.ID}} {{.Names}} {{.Image}} {{.Command}} {{.Status}}";
    expectSame({"run", "-d", "--name", "web", "busybox", "sleep", "1000"});
    expectSame({"create", "--name", "idle", "busybox", "echo", "hello"});
    expectSame({"ps", "--format", rows});
    expectSame({"ps", "-a", "--filter", "status=created", "--format", rows});
    advance(5);
    expectSame({"ps", "-a", "--format", rows});
    expectSame({"pause", "web"});
    expectSame({"ps", "--format", rows});
    expectSame({"unpause", "web"});
    expectSame({"stop", "web"}); // ten seconds of engine time: sleep ignores SIGTERM
    expectSame({"ps", "-a", "--format", rows});
    expectSame({"inspect", "--format", "{{.State.Status}} {{.State.ExitCode}} {{.Name}}", "web"});
    expectSame({"start", "web"});
    expectSame({"start", "web"}); // already running: 304, still printed
    expectSame({"rename", "web", "site"});
    expectSame({"start", "idle"});
    advance(1);
    expectSame({"logs", "idle"});
    expectSame({"wait", "idle"});
    expectSame({"rm", "-f", "site"});
    expectSame({"ps", "-a", "--format", rows});
    expectSame({"inspect", "idle"});
    expectSame({"images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}"});
    expectSame({"pull", "alpine"});
    expectSame({"images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}"});
    const QString now = advance(1);
    QVERIFY(!now.isEmpty());
    expectSame({"events", "--since", "0", "--until", now});
    expectSame({"events", "--since", "0", "--until", now, "--filter", "event=die", "--format",
                "{{.Actor.Attributes.name}} {{.Actor.Attributes.exitCode}}"});
}

void EngineApiTest::foregroundRunStreamsAndExitsWithTheStatus() {
    QProcess* run =
        dockerAsync({"run", "--rm", "busybox", "sh", "-c", "echo out; echo err >&2; exit 3"});
    // The streams wait for the container, and engine time moves only when told.
    while (!run->waitForFinished(100))
        QVERIFY(!advance(0.5).isEmpty());
    QCOMPARE(lines(run->readAllStandardOutput()), QStringList{"out"});
    QCOMPARE(lines(run->readAllStandardError()), QStringList{"err"});
    QCOMPARE(run->exitCode(), 3);
    const Answer left = docker({"ps", "-aq", "--filter", "status=exited"});
    QCOMPARE(left.status, 0);
}

void EngineApiTest::errorsMatchTheConsole() {
    expectSame({"stop", "nosuch"});
    expectSame({"start", "nosuch"});
    expectSame({"kill", "nosuch"});
    expectSame({"create", "--name", "idle", "busybox", "true"}); // name in use: 409
    expectSame({"unpause", "idle"});
    expectSame({"pull", "nosuchhost.example:5000/app"});
}

void EngineApiTest::imageArchivesLoadAsInTheConsole() {
    // The archive travels as the request body (POST /images/load, /images/create?fromSrc=-).
    const QString images = LAB_SOURCE_DIR "/tests/statemachine/data/images/";
    expectSame({"load", "-i", images + "tiny-save.tar.gz"});
    expectSame({"load", "-i", images + "tampered-layer-save.tar.gz"});
    expectSame({"load", "-i", images + "traversal-save.tar.gz"});
    expectSame({"import", LAB_SOURCE_DIR "/README.md"}); // no tar: the daemon says so
    expectSame({"images", "tiny", "--format", "{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}"});
    const Answer imported = docker({"import", images + "tiny-rootfs.tar.gz", "lab/motd:1"});
    QCOMPARE(imported.status, 0);
    QCOMPARE(docker({"images", "lab/motd", "--format", "{{.Size}}"}).out, QStringList{"29B"});
}

void EngineApiTest::tooNewVersionIsRefusedAsDockerDoes() {
    const QByteArray answer = request("GET /v1.99/version HTTP/1.1\r\nHost: lab\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
    const QByteArray notHttp = request("\x01\x02 garbage\r\n\r\n");
    QVERIFY2(notHttp.startsWith("HTTP/1.1 400"), notHttp.constData());
    // The daemon is still there for the next client.
    QCOMPARE(docker({"version", "--format", "{{.Server.APIVersion}}"}).out, QStringList{"1.41"});
}

void EngineApiTest::concurrentClientsLeaveTheEngineConsistent() {
    std::vector<QProcess*> clients;
    for (int i = 0; i < 20; ++i)
        clients.push_back(dockerAsync(
            {"run", "-d", "--name", QString("many%1").arg(i), "busybox", "sleep", "100"}));
    for (QProcess* client : clients) {
        QVERIFY(client->waitForFinished(kPatience));
        QCOMPARE(client->exitCode(), 0);
    }
    const Answer running =
        docker({"ps", "--filter", "name=many", "--format", "{{.Names}} {{.State}}"});
    QCOMPARE(running.out.size(), 20);
    for (const QString& row : running.out)
        QVERIFY2(row.endsWith(" running"), qPrintable(row));
    const QString now = advance(0);
    QVERIFY(!now.isEmpty());
    const Answer starts =
        docker({"events", "--since", "0", "--until", now, "--filter", "event=start", "--filter",
                "container=many", "--format", "{{.Actor.Attributes.name}}"});
    QCOMPARE(starts.out.size(), 20);
}

QTEST_GUILESS_MAIN(EngineApiTest)
#include "tst_engine_api.moc"
