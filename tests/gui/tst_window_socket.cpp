// The window serves Docker's Engine API while it runs (issue 14): Engine > Serve Docker API
// socket opens the socket safely, requests from outside act on the engine the window animates,
// the status bar counts the clients, and turning it off removes the socket.
#include "GuiFixture.h"
#include "gui/architecture/ArchitectureView.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/panels/ContainerTable.h"
#include "gui/socket/SocketControls.h"
#include "gui/socket/WindowSocket.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"
#include "gui/window/WindowHost.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>
#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace lab;

class TestWindowSocket : public QObject {
    Q_OBJECT
private slots:
    void init();
    void rawRequestsDriveTheWindowsEngine();
    void dockerRunThroughTheSocketAnimatesTheWindow();
    void servingIsRemembered();
    void stepBackOpensTheSocketOnTheReplayedEngine();
    void aNewWindowTakesTheSocketOver();
    void liveSocketIsRefusedWithTheReason();

private:
    QTemporaryDir m_runtime;
};

namespace {

QString socketPath(const QTemporaryDir& runtime) {
    return runtime.path() + QStringLiteral("/lifecycle-lab/docker.sock");
}

// A client of the socket: connects, and reads answers while the window's event loop runs.
class RawClient {
public:
    explicit RawClient(const QString& path) : m_fd(::socket(AF_UNIX, SOCK_STREAM, 0)) {
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray bytes = path.toLocal8Bit();
        std::memcpy(address.sun_path, bytes.constData(), std::size_t(bytes.size()));
        m_connected =
            ::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
        ::fcntl(m_fd, F_SETFL, O_NONBLOCK);
    }
    ~RawClient() { close(); }
    bool connected() const { return m_connected; }
    void close() {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    /// Sends a request and returns the status line of its answer ("" after 5 s of silence).
    QByteArray exchange(const QByteArray& method, const QByteArray& target,
                        const QByteArray& body = {}) {
        const QByteArray request =
            method + ' ' + target + " HTTP/1.1\r\nHost: docker\r\n" +
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
            "\r\n\r\n" + body;
        if (::write(m_fd, request.constData(), std::size_t(request.size())) != request.size())
            return {};
        QByteArray answer;
        QDeadlineTimer deadline(5000);
        while (!answerComplete(answer) && !deadline.hasExpired()) {
            char buffer[4096];
            const ssize_t got = ::read(m_fd, buffer, sizeof buffer);
            if (got > 0)
                answer.append(buffer, got);
            else
                QTest::qWait(2);
        }
        return answer.left(answer.indexOf("\r\n"));
    }

private:
    static bool answerComplete(const QByteArray& answer) {
        const qsizetype end = answer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray lower = answer.left(end).toLower();
        const qsizetype length = lower.indexOf("content-length: ");
        if (length < 0)
            return true; // 204 and 304 carry no body
        const qsizetype eol = lower.indexOf("\r\n", length);
        const int size = lower.mid(length + 16, eol - length - 16).toInt();
        return answer.size() >= end + 4 + size;
    }

    int m_fd;
    bool m_connected = false;
};

bool drewSocketHop(MainWindow& window, const QString& label) {
    const std::vector<ApiHop> hops = window.architecture().shownHops();
    return std::any_of(hops.begin(), hops.end(),
                       [&](const ApiHop& hop) { return hop.fromSocket && hop.label() == label; });
}

int rowsNamed(MainWindow& window, const QString& name) {
    QAbstractItemModel* model = window.containerTable().model();
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        count += model->index(row, 0).data().toString() == name;
    return count;
}

} // namespace

void TestWindowSocket::init() {
    QVERIFY(m_runtime.isValid());
    // The default socket lives under XDG_RUNTIME_DIR: here, a directory of this test's own.
    qputenv("XDG_RUNTIME_DIR", m_runtime.path().toLocal8Bit());
    QSettings().clear(); // each test starts with the socket off, as a first run does
}

void TestWindowSocket::rawRequestsDriveTheWindowsEngine() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    QAction* serve = window.socketControls().serveAction();
    QVERIFY(!serve->isChecked()); // off by default
    QVERIFY(!window.socketControls().statusLabel().isVisibleTo(&window));
    serve->trigger();
    QVERIFY(window.apiSocket().isServing());
    const QString path = socketPath(m_runtime);
    QCOMPARE(window.apiSocket().path(), path);
    struct stat info {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QVERIFY(S_ISSOCK(info.st_mode));
    QCOMPARE(info.st_mode & 0777, 0600u);
    QCOMPARE(::stat(QFile::encodeName(m_runtime.path() + "/lifecycle-lab").constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0700u);
    QVERIFY(window.socketControls().statusLabel().text().contains(path));
    QCOMPARE(window.socketControls().exportLine(), "export DOCKER_HOST=unix://" + path);

    {
        RawClient client(path);
        QVERIFY(client.connected());
        QTRY_COMPARE(window.apiSocket().clients(), 1);
        QVERIFY(window.socketControls().statusLabel().text().contains("clients: 1"));
        QCOMPARE(client.exchange("POST", "/v1.41/containers/create?name=web",
                                 R"({"Image":"busybox","Cmd":["sleep","300"]})"),
                 QByteArray("HTTP/1.1 201 Created"));
        QCOMPARE(client.exchange("POST", "/v1.41/containers/web/start"),
                 QByteArray("HTTP/1.1 204 No Content"));
        // The window shows what the socket did: a row in the table, a token on the diagram.
        QTRY_COMPARE(rowsNamed(window, "web"), 1);
        QVERIFY(window.diagram().token(fixture.idOf("web")) != nullptr);
        // The architecture view draws the requests as the socket answered them.
        QTRY_VERIFY(drewSocketHop(window, "POST /containers/web/start → 204"));
        QCOMPARE(window.diagram().activeNode(), std::optional(LifecycleState::Running));
        // Engine time is the window's: stop's timeout runs down as the playback plays.
        QCOMPARE(client.exchange("POST", "/v1.41/containers/web/stop?t=1"),
                 QByteArray("HTTP/1.1 204 No Content"));
        QCOMPARE(client.exchange("POST", "/lab/advance?seconds=1").left(12),
                 QByteArray("HTTP/1.1 409"));
        // A second client counts too.
        RawClient second(path);
        QTRY_COMPARE(window.apiSocket().clients(), 2);
    }
    QTRY_COMPARE(window.apiSocket().clients(), 0);
    serve->trigger();
    QVERIFY(!window.apiSocket().isServing());
    QVERIFY(!QFile::exists(path));
    QVERIFY(!window.socketControls().statusLabel().isVisibleTo(&window));
}

void TestWindowSocket::dockerRunThroughTheSocketAnimatesTheWindow() {
    const QString docker = QStringLiteral("/usr/local/bin/docker");
    if (!QFile::exists(docker))
        QSKIP("the docker CLI is not installed at /usr/local/bin/docker");
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.socketControls().serveAction()->trigger();
    QVERIFY(window.apiSocket().isServing());
    QProcess cli;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("DOCKER_HOST", "unix://" + window.apiSocket().path());
    environment.insert("DOCKER_CONFIG", m_runtime.path()); // no user configuration
    cli.setProcessEnvironment(environment);
    cli.start(docker, {"run", "-d", "--name", "from-terminal", "busybox", "sleep", "300"});
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 20000);
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.readAllStandardOutput().trimmed(), fixture.idOf("from-terminal").toLatin1());
    QTRY_COMPARE(rowsNamed(window, "from-terminal"), 1);
    QVERIFY(window.diagram().token(fixture.idOf("from-terminal")) != nullptr);
    QTRY_COMPARE(window.apiSocket().clients(), 0);
}

void TestWindowSocket::servingIsRemembered() {
    test::GuiFixture fixture;
    {
        MainWindow window(fixture.session);
        window.socketControls().serveAction()->trigger();
        QVERIFY(window.apiSocket().isServing());
    }
    QVERIFY(!QFile::exists(socketPath(m_runtime))); // the window took its socket with it
    MainWindow again(fixture.session);
    QTRY_VERIFY(again.apiSocket().isServing());
    QVERIFY(again.socketControls().serveAction()->isChecked());
}

void TestWindowSocket::stepBackOpensTheSocketOnTheReplayedEngine() {
    test::GuiFixture fixture;
    MainWindow window(fixture.session);
    window.socketControls().serveAction()->trigger();
    window.console().runLine("docker create --name first busybox");
    window.console().runLine("docker create --name second busybox");
    RawClient client(window.apiSocket().path());
    QTRY_COMPARE(window.apiSocket().clients(), 1);
    window.playback().stepBack();
    // The clients of the old engine are gone; the socket serves the replayed one.
    QTRY_VERIFY(window.apiSocket().isServing());
    QCOMPARE(window.apiSocket().clients(), 0);
    RawClient again(window.apiSocket().path());
    QCOMPARE(again.exchange("GET", "/v1.41/containers/second/json").left(12),
             QByteArray("HTTP/1.1 404"));
    QCOMPARE(again.exchange("GET", "/v1.41/containers/first/json").left(12),
             QByteArray("HTTP/1.1 200"));
    window.socketControls().serveAction()->trigger();
}

void TestWindowSocket::aNewWindowTakesTheSocketOver() {
    // A backend switch opens the new window while the old one still serves.
    WindowHost host(test::defaultWorld(), EngineChoice{BackendKind::Simulated, QString()});
    QVERIFY(host.open(BackendKind::Simulated).has_value());
    host.window().socketControls().serveAction()->trigger();
    QVERIFY(host.window().apiSocket().isServing());
    QVERIFY(host.open(BackendKind::Simulated).has_value());
    QTRY_VERIFY(host.window().apiSocket().isServing());
    QVERIFY(host.window().findChild<QMessageBox*>() == nullptr);
    host.window().socketControls().serveAction()->trigger();
}

void TestWindowSocket::liveSocketIsRefusedWithTheReason() {
    test::GuiFixture fixture;
    MainWindow first(fixture.session);
    first.socketControls().serveAction()->trigger();
    QVERIFY(first.apiSocket().isServing());
    test::GuiFixture other;
    MainWindow second(other.session);
    second.socketControls().serveAction()->trigger();
    // The first window answers on the socket: the second does not take it, and says why.
    QVERIFY(!second.apiSocket().isServing());
    QVERIFY(!second.socketControls().serveAction()->isChecked());
    QVERIFY2(second.statusBar()->currentMessage().contains("another daemon is listening"),
             qPrintable(second.statusBar()->currentMessage()));
    QVERIFY(first.apiSocket().isServing());
    QVERIFY(QFile::exists(first.apiSocket().path()));
    first.socketControls().serveAction()->trigger();
}

QTEST_MAIN(TestWindowSocket)
#include "tst_window_socket.moc"
