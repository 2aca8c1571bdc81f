// One test table, two backends: the scripts Docker Engine 20.10 answered (tests/golden), which
// tst_golden_transcripts replays on the simulation, replayed here through the same console on
// real processes, namespaces and cgroups, and held to the same recording (states, exit codes,
// events, messages; IDs and ages normalized). Plus what only the real console has: --trace and
// the refusal of an engine that cannot open. Needs root; skips with the backend's own reason
// otherwise.
#include "OciStore.h"
#include "TranscriptCompare.h"
#include "console/Console.h"
#include "console/ScriptRunner.h"
#include "session/WorldFile.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/wait.h>

using namespace lab;
using namespace lab::test;

namespace {

// What the real backend cannot replay yet, and why (the script's words decide).
QString whyNotReal(const QString& scriptText) {
    if (scriptText.contains(QLatin1String("docker pull")) ||
        scriptText.contains(QLatin1String("127.0.0.1:5000")))
        return QStringLiteral("pulls from the registry its recording had (127.0.0.1:5000), "
                              "which this test does not run (tst_real_pull does)");
    return {};
}

std::string readAll(const std::string& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// Things a session may leave when it goes: mounts under its state directory, child processes.
QStringList leftovers(const QString& stateDir) {
    QStringList left;
    if (readAll("/proc/self/mountinfo").find(stateDir.toStdString()) != std::string::npos)
        left << QStringLiteral("a mount under ") + stateDir;
    siginfo_t info{};
    if (::waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) == 0)
        left << QStringLiteral("a child process");
    return left;
}

} // namespace

class TestRealConsole : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void realBackendAnswersAsDocker_data();
    void realBackendAnswersAsDocker();
    void traceFollowsEachCommand();
    void anExitWhileNobodyWaitedIsSeenByTheNextCommand();
    void anEngineThatCannotOpenIsExitStatus2();

private:
    // A real session under a fresh state directory, with busybox:local as the recordings had
    // it; null (and whyNot) where the real backend cannot run.
    std::unique_ptr<EngineSession> openReal(const World& world, QString& whyNot);

    World m_world;
    QTemporaryDir m_state{QDir::tempPath() + QStringLiteral("/lifecycle-lab-console-XXXXXX")};
};

void TestRealConsole::initTestCase() {
    const Expected<World> world = loadWorldFile(kGoldenDir + QStringLiteral("/world.json"));
    QVERIFY2(world.has_value(), world.has_value() ? "" : world.error().message.c_str());
    m_world = *world;
    QVERIFY(m_state.isValid());
}

std::unique_ptr<EngineSession> TestRealConsole::openReal(const World& world, QString& whyNot) {
    SessionSpec spec;
    spec.backend = BackendKind::Real;
    spec.stateDir = m_state.path().toStdString();
    // The recordings' busybox:local is the same busybox: tag it, as `docker tag` would, by
    // importing the store's busybox under the second name before the session reads the store.
    const real::OciStore images(spec.stateDir + "/images");
    for (const Status& step : {images.init(), images.makeBusybox(),
                               images.importLayout(spec.stateDir + "/images", "busybox:local")})
        if (!step) {
            whyNot = QString::fromStdString("tagging busybox:local: " + step.error().message);
            return nullptr;
        }
    // The recordings' image had no user database (tests/golden/setup.sh makes it without one):
    // `docker exec -u nobody` is refused there, and must be here too.
    const Expected<std::string> rootfs = images.rootfs("busybox:local");
    if (!rootfs) {
        whyNot = QString::fromStdString("unpacking busybox:local: " + rootfs.error().message);
        return nullptr;
    }
    for (const char* database : {"/etc/passwd", "/etc/group"})
        std::filesystem::remove(*rootfs + database);
    auto session = openSession(spec, world);
    if (!session) {
        whyNot = QString::fromStdString(session.error().message);
        return nullptr;
    }
    return std::move(*session);
}

void TestRealConsole::realBackendAnswersAsDocker_data() {
    QTest::addColumn<QString>("script");
    for (const auto& [row, path] : recordedScripts())
        QTest::newRow(qPrintable(row)) << path;
}

void TestRealConsole::realBackendAnswersAsDocker() {
    QFETCH(QString, script);
    QFile scriptFile(script);
    QVERIFY2(scriptFile.open(QIODevice::ReadOnly), qPrintable(scriptFile.errorString()));
    const QByteArray text = scriptFile.readAll();
    if (const QString reason = whyNotReal(QString::fromUtf8(text)); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QString whyNot;
    auto session = openReal(m_world, whyNot);
    if (!session)
        QSKIP(qPrintable(QStringLiteral("the real backend cannot run here: ") + whyNot));

    std::istringstream input(text.toStdString());
    std::ostringstream transcript;
    const Status ran = runScript(input, *session, transcript);
    QVERIFY2(ran.has_value(), ran.has_value() ? "" : ran.error().message.c_str());
    session.reset();
    QCOMPARE(leftovers(m_state.path()), QStringList());
    const Expected<QString> difference = differenceFromRecording(script, transcript.str());
    QVERIFY2(difference.has_value(),
             difference.has_value() ? "" : difference.error().message.c_str());
    if (!difference->isEmpty())
        QFAIL(qPrintable(*difference));
}

void TestRealConsole::traceFollowsEachCommand() {
    QString whyNot;
    auto session = openReal(m_world, whyNot);
    if (!session)
        QSKIP(qPrintable(QStringLiteral("the real backend cannot run here: ") + whyNot));
    std::ostringstream out, err, trace;
    CommandLoop loop(*session, out, err, &trace);
    loop.feed("run --rm --name once busybox:local echo hi");
    QCOMPARE(QString::fromStdString(out.str()), QStringLiteral("hi\n")); // stdout stays exact
    QCOMPARE(QString::fromStdString(err.str()), QString());
    const QStringList lines = QString::fromStdString(trace.str()).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() > 5, qPrintable(lines.join(u'\n')));
    // The container came and went within the command: its whole life is there, in order.
    const QRegularExpression kernelLine(QStringLiteral("^  \\[kernel\\] [0-9a-f]{12} \\S"));
    for (const QString& line : lines)
        QVERIFY2(kernelLine.match(line).hasMatch(), qPrintable(line));
    const auto indexOf = [&lines](const QString& operation) {
        for (qsizetype i = 0; i < lines.size(); ++i)
            if (lines[i].contains(operation))
                return i;
        return qsizetype(-1);
    };
    const qsizetype clone = indexOf(QStringLiteral("clone3(CLONE_NEWPID|CLONE_NEWNS|CLONE_NEWUTS"));
    const qsizetype reaped = indexOf(QStringLiteral("waitid(P_PIDFD)"));
    const qsizetype unmounted = indexOf(QStringLiteral("umount2(") + m_state.path()); // the rootfs
    QVERIFY2(indexOf(QStringLiteral("mkdir ")) == 0, qPrintable(lines.join(u'\n')));
    QVERIFY2(0 < clone && clone < reaped && reaped < unmounted, qPrintable(lines.join(u'\n')));

    // Only what is new: a command that does nothing in the kernel adds no lines.
    trace.str({});
    loop.feed("ps -a");
    QCOMPARE(QString::fromStdString(trace.str()), QString());
    loop.feed("run -d --name web busybox:local sleep 100");
    loop.feed("pause web");
    const QString paused = QString::fromStdString(trace.str());
    QVERIFY2(paused.contains(QLatin1String("cgroup.freeze <- 1")) ||
                 paused.contains(QLatin1String("freezer.state <- FROZEN")),
             qPrintable(paused));
    trace.str({});
    loop.feed("rm -f web");
    QVERIFY2(QString::fromStdString(trace.str()).contains(QLatin1String("rmdir ")),
             qPrintable(QString::fromStdString(trace.str())));
    session.reset();
    QCOMPARE(leftovers(m_state.path()), QStringList());
}

void TestRealConsole::anExitWhileNobodyWaitedIsSeenByTheNextCommand() {
    QString whyNot;
    auto session = openReal(m_world, whyNot);
    if (!session)
        QSKIP(qPrintable(QStringLiteral("the real backend cannot run here: ") + whyNot));
    std::ostringstream out, err;
    CommandLoop loop(*session, out, err);
    loop.feed("run -d --name brief busybox:local sh -c 'exit 3'");
    QCOMPARE(loop.status(), 0);
    // As a learner typing the next line: the process ends meanwhile (waited for here without
    // reaping it, so the backend's pidfd still has the news to give).
    siginfo_t info{};
    QCOMPARE(::waitid(P_ALL, 0, &info, WEXITED | WNOWAIT), 0);
    out.str({});
    loop.feed("inspect -f '{{.State.Status}} {{.State.ExitCode}}' brief");
    QCOMPARE(QString::fromStdString(out.str()), QStringLiteral("exited 3\n"));
    loop.feed("rm brief");
    QCOMPARE(loop.status(), 0);
    session.reset();
    QCOMPARE(leftovers(m_state.path()), QStringList());
}

void TestRealConsole::anEngineThatCannotOpenIsExitStatus2() {
    ConsoleOptions options;
    options.engine.backend = BackendKind::Real;
    options.engine.stateDir = QStringLiteral("/proc/lifecycle-lab"); // nothing can be made there
    options.scriptFile = QStringLiteral("/dev/null");
    std::ostringstream err;
    std::streambuf* const original = std::cerr.rdbuf(err.rdbuf());
    const int status = runConsole(options);
    std::cerr.rdbuf(original);
    QCOMPARE(status, 2);
    QVERIFY2(QString::fromStdString(err.str()).startsWith(
                 QLatin1String("lifecycle-lab: the real backend cannot open: ")),
             qPrintable(QString::fromStdString(err.str())));
}

QTEST_GUILESS_MAIN(TestRealConsole)
#include "tst_real_console.moc"
