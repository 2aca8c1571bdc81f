// The interactive real console as a learner has it: `lifecycle-lab console --backend real` on a
// pseudo-terminal, typed into. What only shows while nobody types (an exit reaped on time, a
// --rm carried out) and how it ends (SIGTERM, a closed terminal, Ctrl-C at the prompt). Needs
// root; skips with the backend's own reason otherwise.
#include "../TerminalRead.h"
#include "Syscalls.h"

#include <QDateTime>
#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <pty.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

namespace {

constexpr int kPatience = 20'000; // ms: a console that has not answered by then is broken

std::string readAll(const std::string& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// The processes whose parent is pid, with their state letter (R, S, Z, ...).
std::vector<std::pair<int, char>> childrenOf(pid_t pid) {
    std::vector<std::pair<int, char>> children;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string stat = readAll(entry.path().string() + "/stat");
        const auto close = stat.rfind(')');
        if (close == std::string::npos)
            continue;
        char state = 0;
        int parent = 0;
        std::istringstream(stat.substr(close + 2)) >> state >> parent;
        if (parent == pid)
            children.emplace_back(std::stoi(entry.path().filename().string()), state);
    }
    return children;
}

// Directories named id anywhere in the cgroup hierarchies.
QStringList cgroupsNamed(const std::string& id) {
    QStringList found;
    std::error_code error;
    for (std::filesystem::recursive_directory_iterator walk("/sys/fs/cgroup", error), end;
         !error && walk != end; walk.increment(error)) {
        if (walk.depth() > 4)
            walk.disable_recursion_pending();
        else if (walk->path().filename() == id)
            found << QString::fromStdString(walk->path().string());
    }
    return found;
}

// The console on a pseudo-terminal; killed if a test leaves it running.
class TerminalConsole {
public:
    explicit TerminalConsole(const QString& stateDir) {
        m_pid = ::forkpty(&m_terminal, nullptr, nullptr, nullptr);
        if (m_pid == 0) {
            const std::string dir = stateDir.toStdString();
            ::execl(LAB_BINARY, LAB_BINARY, "console", "--backend", "real", "--state-dir",
                    dir.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
    }
    ~TerminalConsole() {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_terminal >= 0)
            ::close(m_terminal);
    }
    pid_t pid() const { return m_pid; }
    const std::string& output() const { return m_output; }
    // Closes the terminal: the kernel hangs up on the console (SIGHUP), as a closed window does.
    void hangUp() { ::close(std::exchange(m_terminal, -1)); }
    void type(const std::string& keys) {
        [[maybe_unused]] auto n = ::write(m_terminal, keys.data(), keys.size());
    }
    // Reads until the prompt has been shown count times; false if it was not within kPatience.
    bool awaitPrompts(int count) {
        return lab::test::readTerminalUntil(
            m_terminal, m_output, [this, count] { return prompts() >= count; },
            std::chrono::milliseconds(kPatience));
    }
    // Waits for the console to end; its wait status, or -1 if it did not end within kPatience.
    int awaitEnd() {
        auto pidfd = lab::real::pidfdOpen(m_pid);
        pollfd ended{pidfd ? pidfd->get() : -1, POLLIN, 0};
        if (!pidfd || ::poll(&ended, 1, kPatience) != 1)
            return -1;
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
        return status;
    }

private:
    int prompts() const {
        int count = 0;
        for (auto at = m_output.find("docker> "); at != std::string::npos;
             at = m_output.find("docker> ", at + 1))
            ++count;
        return count;
    }

    pid_t m_pid = -1;
    int m_terminal = -1;
    std::string m_output;
};

QDateTime parseDockerTime(const QString& text) {
    // RFC 3339 with nanoseconds: milliseconds are plenty here.
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d*"));
    QString trimmed = text;
    return QDateTime::fromString(trimmed.replace(fraction, QStringLiteral("\\1")),
                                 Qt::ISODateWithMs);
}

} // namespace

// The console, started and showing its first prompt, or the test skips saying why not.
#define START_OR_SKIP(console)                                                                     \
    QString whyNot;                                                                                \
    auto console = start(whyNot);                                                                  \
    if (!console)                                                                                  \
    QSKIP(qPrintable(QStringLiteral("the real console cannot run here: ") + whyNot))

class TestConsoleTerminal : public QObject {
    Q_OBJECT

private slots:
    void theEngineRunsWhileNobodyTypes();
    void aSignalEndsTheConsoleCleanly_data();
    void aSignalEndsTheConsoleCleanly();
    void ctrlCDropsTheLineNotTheConsole();

private:
    // The console, started and showing its first prompt; null and whyNot where it cannot run.
    std::unique_ptr<TerminalConsole> start(QString& whyNot);
    QTemporaryDir m_state{QDir::tempPath() + QStringLiteral("/lifecycle-lab-terminal-XXXXXX")};
};

std::unique_ptr<TerminalConsole> TestConsoleTerminal::start(QString& whyNot) {
    auto console = std::make_unique<TerminalConsole>(m_state.path());
    if (console->pid() < 0) {
        whyNot = QStringLiteral("forkpty failed");
        return nullptr;
    }
    if (!console->awaitPrompts(1)) {
        whyNot = QString::fromStdString(console->output()).trimmed();
        return nullptr;
    }
    return console;
}

void TestConsoleTerminal::theEngineRunsWhileNobodyTypes() {
    START_OR_SKIP(console);
    console->type("run -d --rm busybox true\n");
    QVERIFY(console->awaitPrompts(2));
    console->type("run -d --name idle busybox true\n");
    QVERIFY(console->awaitPrompts(3));
    // Nobody types. Both exits are reaped, the --rm container is gone (only idle's directory
    // is left), as Docker's daemon would have it.
    const std::string containers = m_state.path().toStdString() + "/containers";
    const auto settled = [&] {
        const auto children = childrenOf(console->pid());
        std::size_t directories = 0;
        for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(containers))
            ++directories;
        return children.empty() && directories == 1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(settled(), kPatience);
    const QDateTime seenSettled = QDateTime::currentDateTimeUtc();
    // Exited when it did, not when the next command looked.
    console->type("inspect -f '{{.State.StartedAt}} {{.State.FinishedAt}}' idle\n");
    QVERIFY(console->awaitPrompts(4));
    static const QRegularExpression times(QStringLiteral("(\\S+Z) (\\S+Z)"));
    const auto match = times.match(QString::fromStdString(console->output()));
    QVERIFY2(match.hasMatch(), console->output().c_str());
    const QDateTime startedAt = parseDockerTime(match.captured(1));
    const QDateTime finishedAt = parseDockerTime(match.captured(2));
    QVERIFY2(startedAt.isValid() && finishedAt.isValid(), console->output().c_str());
    QVERIFY2(startedAt <= finishedAt && finishedAt <= seenSettled,
             qPrintable(match.captured(0) + QStringLiteral(", settled at ") +
                        seenSettled.toString(Qt::ISODateWithMs)));
    console->type("exit\n");
    const int status = console->awaitEnd();
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    QVERIFY(std::filesystem::is_empty(containers));
}

void TestConsoleTerminal::aSignalEndsTheConsoleCleanly_data() {
    QTest::addColumn<int>("sent");
    QTest::addColumn<bool>("closeTerminal");
    QTest::newRow("SIGTERM") << SIGTERM << false;
    QTest::newRow("SIGHUP") << SIGHUP << false;
    QTest::newRow("the terminal closed") << SIGHUP << true;
}

void TestConsoleTerminal::aSignalEndsTheConsoleCleanly() {
    QFETCH(int, sent);
    QFETCH(bool, closeTerminal);
    START_OR_SKIP(console);
    console->type("run -d --name long busybox sleep 1000\n");
    QVERIFY(console->awaitPrompts(2));
    static const QRegularExpression fullId(QStringLiteral("\\b[0-9a-f]{64}\\b"));
    const std::string id =
        fullId.match(QString::fromStdString(console->output())).captured().toStdString();
    QVERIFY2(!id.empty(), console->output().c_str());
    const auto children = childrenOf(console->pid());
    QCOMPARE(children.size(), std::size_t(1));
    auto container = lab::real::pidfdOpen(children.front().first);
    QVERIFY(container);
    QVERIFY(!cgroupsNamed(id).isEmpty());

    if (closeTerminal)
        console->hangUp();
    else
        ::kill(console->pid(), sent);
    const int status = console->awaitEnd();
    // It left as exit does (a hung-up terminal may first read as the end of input).
    QVERIFY2(WIFEXITED(status) && (closeTerminal || WEXITSTATUS(status) == 128 + sent),
             qPrintable(QStringLiteral("wait status %1").arg(status)));
    pollfd exited{container->get(), POLLIN, 0};
    QCOMPARE(::poll(&exited, 1, 0), 1);
    QVERIFY(readAll("/proc/self/mountinfo").find(m_state.path().toStdString()) ==
            std::string::npos);
    QCOMPARE(cgroupsNamed(id), QStringList());
    QVERIFY(std::filesystem::is_empty(m_state.path().toStdString() + "/containers"));
}

void TestConsoleTerminal::ctrlCDropsTheLineNotTheConsole() {
    START_OR_SKIP(console);
    // --init forwards SIGINT to the command: a container in the terminal's process group would
    // die of the Ctrl-C meant for the prompt.
    console->type("run -d --init --name guarded busybox sleep 1000\n");
    QVERIFY(console->awaitPrompts(2));
    console->type("half a lin");
    console->type("\x03"); // Ctrl-C
    QVERIFY(console->awaitPrompts(3));
    console->type("ps -a --format '{{.Names}} {{.State}}'\n");
    QVERIFY(console->awaitPrompts(4));
    const QString shown = QString::fromStdString(console->output());
    QVERIFY2(shown.contains(QLatin1String("guarded running")), qPrintable(shown));
    console->type("exit\n");
    const int status = console->awaitEnd();
    QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0,
             qPrintable(QStringLiteral("wait status %1").arg(status)));
    QVERIFY(std::filesystem::is_empty(m_state.path().toStdString() + "/containers"));
}

QTEST_GUILESS_MAIN(TestConsoleTerminal)
#include "tst_console_terminal.moc"
