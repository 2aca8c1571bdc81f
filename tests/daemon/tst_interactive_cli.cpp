// The real docker CLI (/usr/local/bin/docker) typed into on a pseudo-terminal, against
// `lifecycle-lab daemon` on a temporary socket: `docker run -it busybox sh` and `docker start
// -ai` give the simulated shell over the TTY stream (echo and erase, the terminal's size, exit
// with the shell's status, Ctrl-D, Ctrl-P Ctrl-Q), and `docker run -i` reads piped stdin.
#include "../TerminalRead.h"

#include <QDateTime>
#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <chrono>
#include <csignal>
#include <poll.h>
#include <pty.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

constexpr const char* kDocker = "/usr/local/bin/docker";
constexpr int kPatience = 20'000; // ms: a CLI that has not answered by then is stuck
constexpr unsigned short kRows = 30;
constexpr unsigned short kColumns = 100;

// The docker CLI on a terminal of kRows x kColumns; killed if a test leaves it running.
class CliOnTerminal {
public:
    CliOnTerminal(const QString& socket, const QStringList& args) {
        winsize size{kRows, kColumns, 0, 0};
        std::vector<std::string> words{kDocker};
        for (const QString& arg : args)
            words.push_back(arg.toStdString());
        const std::string host = "unix://" + socket.toStdString();
        m_pid = ::forkpty(&m_terminal, nullptr, nullptr, &size);
        if (m_pid == 0) {
            ::setenv("DOCKER_HOST", host.c_str(), 1);
            std::vector<char*> argv;
            for (std::string& word : words)
                argv.push_back(word.data());
            argv.push_back(nullptr);
            ::execv(kDocker, argv.data());
            ::_exit(127);
        }
    }
    ~CliOnTerminal() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_terminal >= 0)
            ::close(m_terminal);
    }
    CliOnTerminal(const CliOnTerminal&) = delete;
    CliOnTerminal& operator=(const CliOnTerminal&) = delete;

    const std::string& screen() const { return m_screen; }
    void type(const std::string& keys) {
        [[maybe_unused]] auto n = ::write(m_terminal, keys.data(), keys.size());
    }
    // Reads the terminal until text has appeared; false if it did not within kPatience.
    bool awaitText(const std::string& text) {
        return lab::test::readTerminalUntil(
            m_terminal, m_screen,
            [this, &text] { return m_screen.find(text) != std::string::npos; },
            std::chrono::milliseconds(kPatience));
    }
    // The CLI's exit status once it ended (128 + a signal that killed it), -1 if it did not
    // end within kPatience.
    int awaitExitStatus() {
        const int ended = int(::syscall(SYS_pidfd_open, m_pid, 0));
        const auto deadline =
            std::chrono::steady_clock::now() + std::chrono::milliseconds(kPatience);
        bool terminalOpen = true;
        while (ended >= 0 && std::chrono::steady_clock::now() < deadline) {
            // The terminal is kept drained meanwhile, as a learner's would be.
            pollfd watched[2] = {{ended, POLLIN, 0}, {terminalOpen ? m_terminal : -1, POLLIN, 0}};
            if (::poll(watched, 2, 100) < 0)
                break;
            if (watched[0].revents != 0) {
                int status = 0;
                ::waitpid(m_pid, &status, 0);
                ::close(ended);
                m_pid = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            }
            if (watched[1].revents != 0) {
                char chunk[4096];
                const ssize_t got = ::read(m_terminal, chunk, sizeof chunk);
                if (got > 0)
                    m_screen.append(chunk, std::size_t(got));
                else
                    terminalOpen = false; // the CLI closed it on its way out
            }
        }
        if (ended >= 0)
            ::close(ended);
        return -1;
    }

private:
    pid_t m_pid = -1;
    int m_terminal = -1;
    std::string m_screen;
};

} // namespace

class InteractiveCliTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void runItIsTheShellOnATerminal();
    void startAiEntersTheShellAgain();
    void detachKeysLeaveTheShellRunning();
    void pipedStdinWithoutATerminal();
    void resizeIsChecked();

private:
    /// docker ARGS (stdin: input, closed after it); stdout, and the exit status in status.
    QString docker(const QStringList& args, int& status, const QByteArray& input = {});
    /// Waits until the container's process runs (the CLI attached before it started it).
    bool awaitRunning(const QString& name);
    /// The status line docker ps -a shows for name ("Exited (3) 1 second ago").
    QString statusOf(const QString& name);
    /// The status line of a raw POST to path.
    QByteArray post(const QByteArray& path);

    QTemporaryDir m_dir;
    QString m_socket;
    QProcess m_daemon;
};

void InteractiveCliTest::initTestCase() {
    if (!QFile::exists(kDocker))
        QSKIP("the docker CLI is not installed at /usr/local/bin/docker");
    QVERIFY(m_dir.isValid());
    m_socket = m_dir.filePath("docker.sock");
    // The wall clock: the shell's exit is noticed after a moment of engine time, as on Docker.
    m_daemon.start(LAB_BINARY, {"daemon", "--socket", m_socket, "--clock", "wall", "--seed", "1"});
    QVERIFY(m_daemon.waitForReadyRead(kPatience));
}

void InteractiveCliTest::cleanupTestCase() {
    if (m_daemon.state() != QProcess::Running)
        return;
    m_daemon.terminate();
    QVERIFY(m_daemon.waitForFinished(kPatience));
}

QString InteractiveCliTest::docker(const QStringList& args, int& status, const QByteArray& input) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("DOCKER_HOST", "unix://" + m_socket);
    environment.insert("DOCKER_CONFIG", m_dir.filePath("config"));
    process.setProcessEnvironment(environment);
    process.start(kDocker, args);
    process.write(input);
    process.closeWriteChannel();
    status = process.waitForFinished(kPatience) ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput());
}

bool InteractiveCliTest::awaitRunning(const QString& name) {
    for (int waited = 0; waited < kPatience; waited += 50) {
        int status = 0;
        if (docker({"inspect", "-f", "{{.State.Running}}", name}, status).trimmed() == "true")
            return true;
        QTest::qWait(50);
    }
    return false;
}

QString InteractiveCliTest::statusOf(const QString& name) {
    int status = 0;
    return docker({"ps", "-a", "--filter", "name=^" + name + "$", "--format", "{{.Status}}"},
                  status)
        .trimmed();
}

QByteArray InteractiveCliTest::post(const QByteArray& path) {
    QLocalSocket socket;
    socket.connectToServer(m_socket);
    if (!socket.waitForConnected(kPatience))
        return {};
    socket.write("POST " + path + " HTTP/1.1\r\nHost: lab\r\nContent-Length: 0\r\n\r\n");
    while (!socket.canReadLine() && socket.waitForReadyRead(kPatience)) {
    }
    return socket.readLine().trimmed();
}

void InteractiveCliTest::runItIsTheShellOnATerminal() {
    CliOnTerminal cli(m_socket, {"run", "-it", "--name", "tty1", "busybox", "sh"});
    QVERIFY(awaitRunning("tty1"));
    // The terminal echoes what is typed, erases with Backspace, and hands the shell the line.
    cli.type("echo hellx\x7fo\r");
    QVERIFY2(cli.awaitText("echo hellx\b \bo\r\nhello\r\n"), cli.screen().c_str());
    cli.type("exit 3\r");
    QCOMPARE(cli.awaitExitStatus(), 3);
    QVERIFY2(statusOf("tty1").startsWith("Exited (3)"), qPrintable(statusOf("tty1")));
    // The CLI told the daemon its terminal's size once the container started. (The CLI sends
    // --until in whole seconds: the next second, so that this one is all in.)
    int status = 0;
    const QString until = QString::number(QDateTime::currentSecsSinceEpoch() + 1);
    const QString resized = docker({"events", "--since", "0", "--until", until, "--filter",
                                    "event=resize", "--filter", "container=tty1", "--format",
                                    "{{.Actor.Attributes.height}}x{{.Actor.Attributes.width}}"},
                                   status);
    QCOMPARE(status, 0);
    QCOMPARE(resized.trimmed(), QString("%1x%2").arg(kRows).arg(kColumns));
}

void InteractiveCliTest::startAiEntersTheShellAgain() {
    int status = 0;
    docker({"create", "-it", "--name", "tty2", "busybox", "sh"}, status);
    QCOMPARE(status, 0);
    for (const char* word : {"first", "second"}) {
        CliOnTerminal cli(m_socket, {"start", "-ai", "tty2"});
        QVERIFY(awaitRunning("tty2"));
        cli.type("echo " + std::string(word) + "\r");
        QVERIFY2(cli.awaitText(std::string(word) + "\r\n" + word + "\r\n"), cli.screen().c_str());
        cli.type("false\r\x04"); // Ctrl-D on an empty line: the shell ends with the last status
        QCOMPARE(cli.awaitExitStatus(), 1);
        QVERIFY2(statusOf("tty2").startsWith("Exited (1)"), qPrintable(statusOf("tty2")));
    }
}

void InteractiveCliTest::detachKeysLeaveTheShellRunning() {
    {
        CliOnTerminal cli(m_socket, {"run", "-it", "--name", "tty3", "busybox", "sh"});
        QVERIFY(awaitRunning("tty3"));
        cli.type("\x10\x11"); // Ctrl-P Ctrl-Q
        QCOMPARE(cli.awaitExitStatus(), 0);
    }
    QVERIFY2(statusOf("tty3").startsWith("Up"), qPrintable(statusOf("tty3")));
    CliOnTerminal again(m_socket, {"attach", "tty3"}); // back into the same shell
    again.type("exit 7\r");
    QCOMPARE(again.awaitExitStatus(), 7);
    QVERIFY2(statusOf("tty3").startsWith("Exited (7)"), qPrintable(statusOf("tty3")));
}

void InteractiveCliTest::pipedStdinWithoutATerminal() {
    int status = 0;
    const QString out =
        docker({"run", "-i", "--name", "piped", "busybox", "sh"}, status, "echo hi; exit 3\n");
    QCOMPARE(out, QString("hi\n"));
    QCOMPARE(status, 3);
    QVERIFY2(statusOf("piped").startsWith("Exited (3)"), qPrintable(statusOf("piped")));
    // Without -i the shell meets end of file at once, whatever is piped.
    docker({"run", "busybox", "sh"}, status, "exit 3\n");
    QCOMPARE(status, 0);
}

void InteractiveCliTest::resizeIsChecked() {
    int status = 0;
    docker({"run", "-d", "--name", "sleeper", "busybox", "sleep", "1000"}, status);
    QCOMPARE(status, 0);
    QCOMPARE(post("/v1.41/containers/sleeper/resize?h=40&w=120"), QByteArray("HTTP/1.1 200 OK"));
    QCOMPARE(post("/v1.41/containers/sleeper/resize?h=forty&w=120"),
             QByteArray("HTTP/1.1 400 Bad Request"));
    QCOMPARE(post("/v1.41/containers/sleeper/resize?h=40"), QByteArray("HTTP/1.1 400 Bad Request"));
    QCOMPARE(post("/v1.41/containers/nosuch/resize?h=40&w=120"),
             QByteArray("HTTP/1.1 404 Not Found"));
    QCOMPARE(post("/v1.41/containers/piped/resize?h=40&w=120"),
             QByteArray("HTTP/1.1 409 Conflict"));
}

QTEST_GUILESS_MAIN(InteractiveCliTest)
#include "tst_interactive_cli.moc"
