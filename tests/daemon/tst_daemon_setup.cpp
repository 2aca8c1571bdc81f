// What `lifecycle-lab daemon` checks before it serves: its options, and the socket path (a stale
// socket is replaced, a live one or any other file is refused, a new directory is the user's).
#include "daemon/Daemon.h"
#include "daemon/DaemonSocket.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace lab::daemon;

namespace {

// A socket bound at path; listening when live (someone answers), else left behind as a daemon
// that died would leave it.
int boundSocket(const std::string& path, bool live) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
        return -1;
    if (live)
        ::listen(fd, 1);
    return fd;
}

} // namespace

class DaemonSetupTest : public QObject {
    Q_OBJECT

private slots:
    void optionsAreRead();
    void badOptionsAreRefused_data();
    void badOptionsAreRefused();
    void newDirectoryIsTheUsersAlone();
    void staleSocketIsReplaced();
    void liveSocketIsRefused();
    void otherFilesAreLeftAlone();
};

void DaemonSetupTest::optionsAreRead() {
    const auto defaults = parseDaemonOptions({});
    QVERIFY(defaults.has_value());
    QVERIFY(defaults->socketPath.empty());
    QCOMPARE(defaults->clock, ClockMode::Wall);
    QCOMPARE(defaults->backend, lab::BackendKind::Simulated);
    const auto given = parseDaemonOptions(
        {"--socket", "/tmp/x.sock", "--clock", "virtual", "--seed", "7", "--world", "w.json"});
    QVERIFY(given.has_value());
    QCOMPARE(given->socketPath, std::string("/tmp/x.sock"));
    QCOMPARE(given->clock, ClockMode::Virtual);
    QCOMPARE(given->seed, std::uint64_t(7));
    QCOMPARE(given->worldFile, std::string("w.json"));
}

void DaemonSetupTest::badOptionsAreRefused_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("no value") << QStringList{"--socket"} << "--socket needs a value";
    QTest::newRow("unknown clock")
        << QStringList{"--clock", "fast"} << "invalid option: --clock fast";
    QTest::newRow("seed not a number") << QStringList{"--seed", "x"} << "invalid option: --seed x";
    QTest::newRow("real on virtual time")
        << QStringList{"--backend", "real", "--clock", "virtual"}
        << "--clock virtual needs the simulated backend: real processes run on the wall clock";
}

void DaemonSetupTest::badOptionsAreRefused() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    std::vector<std::string> words;
    for (const QString& argument : arguments)
        words.push_back(argument.toStdString());
    const auto options = parseDaemonOptions(words);
    QVERIFY(!options.has_value());
    QCOMPARE(QString::fromStdString(options.error().message), error);
}

void DaemonSetupTest::newDirectoryIsTheUsersAlone() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("lab/docker.sock").toStdString();
    QVERIFY(prepareSocketPath(path).has_value());
    struct stat info {};
    QCOMPARE(::stat(dir.filePath("lab").toLocal8Bit().constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0700u);
}

void DaemonSetupTest::staleSocketIsReplaced() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("docker.sock").toStdString();
    const int fd = boundSocket(path, false);
    QVERIFY(fd >= 0);
    ::close(fd); // the daemon died; its socket file stays
    QVERIFY(QFile::exists(QString::fromStdString(path)));
    QVERIFY(prepareSocketPath(path).has_value());
    QVERIFY(!QFile::exists(QString::fromStdString(path)));
}

void DaemonSetupTest::liveSocketIsRefused() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("docker.sock").toStdString();
    const int fd = boundSocket(path, true);
    QVERIFY(fd >= 0);
    const auto prepared = prepareSocketPath(path);
    ::close(fd);
    QVERIFY(!prepared.has_value());
    QCOMPARE(QString::fromStdString(prepared.error().message),
             QString::fromStdString("another daemon is listening on " + path +
                                    " (stop it, or pass --socket with another path)"));
}

void DaemonSetupTest::otherFilesAreLeftAlone() {
    QTemporaryDir dir;
    QFile file(dir.filePath("docker.sock"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(!prepareSocketPath(file.fileName().toStdString()).has_value());
    QVERIFY(file.exists());
}

QTEST_GUILESS_MAIN(DaemonSetupTest)
#include "tst_daemon_setup.moc"
