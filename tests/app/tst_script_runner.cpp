// The console's formats, independent of the engine: a session that replays what a real engine
// answered must give back the real transcript byte for byte; lines are read as record.sh and
// a POSIX shell read them.
#include "console/ConsoleLine.h"
#include "console/ScriptRunner.h"
#include "session/InputFile.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <deque>
#include <functional>
#include <sstream>

using namespace lab;

namespace {

using Words = std::vector<std::string>;

// Answers each command with the next recorded output, and remembers what it was asked.
class ReplaySession final : public Session {
public:
    std::deque<CliOutput> answers;
    std::vector<Words> asked;
    std::vector<Duration> slept;

    std::function<void()> beforeEachRun;

    CliOutput run(const Words& args) override {
        if (beforeEachRun)
            beforeEachRun();
        asked.push_back(args);
        if (answers.empty())
            return CliOutput{{}, {"no recorded answer"}, 99};
        CliOutput next = std::move(answers.front());
        answers.pop_front();
        return next;
    }
    void sleep(Duration duration) override { slept.push_back(duration); }
    std::vector<std::string> commands() const override {
        return {"ps [OPTIONS]", "stop CONTAINER"};
    }
};

// Keeps only what has been flushed: what a crash would leave of a transcript.
class FlushedText final : public std::stringbuf {
public:
    std::string flushed;

protected:
    int sync() override {
        flushed = str();
        return 0;
    }
};

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The answers a transcript records, in order ("> x" is stdout, "! x" stderr, "[rc=N]" ends one).
std::deque<CliOutput> answersOf(const QByteArray& transcript) {
    std::deque<CliOutput> answers;
    std::istringstream lines(transcript.toStdString());
    std::string line;
    CliOutput current;
    while (std::getline(lines, line)) {
        if (line.rfind("> ", 0) == 0)
            current.out.push_back(line.substr(2));
        else if (line.rfind("! ", 0) == 0)
            current.err.push_back(line.substr(2));
        else if (line.rfind("[rc=", 0) == 0) {
            current.status = std::stoi(line.substr(4));
            answers.push_back(std::exchange(current, CliOutput{}));
        }
    }
    return answers;
}

std::string transcriptOf(const std::string& script, ReplaySession& session) {
    std::istringstream input(script);
    std::ostringstream transcript;
    const Status ran = runScript(input, session, transcript);
    return ran.has_value() ? transcript.str() : "error: " + ran.error().message;
}

} // namespace

class TestScriptRunner : public QObject {
    Q_OBJECT

private slots:
    void replayedEngineGivesTheRecordedTranscript_data();
    void replayedEngineGivesTheRecordedTranscript();
    void transcriptFollowsRecordSh();
    void linesAreReadAsByAShell_data();
    void linesAreReadAsByAShell();
    void sleepDurations_data();
    void sleepDurations();
    void plainModeKeepsTheLastStatus();
    void transcriptIsStreamed();
    void scriptStopsWhereDockerWouldWaitForever();
    void endlessScriptFileIsRefused();
};

void TestScriptRunner::replayedEngineGivesTheRecordedTranscript_data() {
    QTest::addColumn<QString>("base");
    const QDir dir(QStringLiteral(LAB_SOURCE_DIR "/tests/golden"));
    for (const QString& script :
         dir.entryList({QStringLiteral("*.script")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(script)) << dir.filePath(script.chopped(int(qstrlen(".script"))));
}

void TestScriptRunner::replayedEngineGivesTheRecordedTranscript() {
    QFETCH(QString, base);
    const QByteArray recorded = readFile(base + QStringLiteral(".transcript"));
    QVERIFY(!recorded.isEmpty());
    ReplaySession session;
    session.answers = answersOf(recorded);
    const std::string transcript =
        transcriptOf(readFile(base + QStringLiteral(".script")).toStdString(), session);
    QCOMPARE(QByteArray::fromStdString(transcript), recorded);
    QVERIFY(session.answers.empty());
}

// record.sh captures stdout with $(...), so trailing blank lines vanish; stderr is copied whole,
// a blank line in it becoming "! " (see 02-illegal-ops: docker run's conflict error).
void TestScriptRunner::transcriptFollowsRecordSh() {
    ReplaySession session;
    session.answers = {CliOutput{{"a", "", "b", "", ""}, {"x", "", "y"}, 125},
                       CliOutput{{"", ""}, {}, 0}};
    const std::string transcript =
        transcriptOf("# a comment\n\ndocker logs c1\n  @sleep 2.5\nps --format '{{.Names}}'\r\n"
                     "docker inspect 'unterminated\n@wait 3\n",
                     session);
    QCOMPARE(
        QByteArray::fromStdString(transcript),
        QByteArray("$ docker logs c1\n> a\n> \n> b\n! x\n! \n! y\n[rc=125]\n"
                   "@ sleep 2.5\n"
                   "$ ps --format '{{.Names}}'\n[rc=0]\n"
                   "$ docker inspect 'unterminated\n"
                   "! unexpected EOF while looking for matching `''\n[rc=2]\n"
                   "$ @wait 3\n! unknown directive \"@wait 3\" (the console knows @sleep SECONDS)\n"
                   "[rc=2]\n"));
    QCOMPARE(session.asked, (std::vector<Words>{{"logs", "c1"}, {"ps", "--format", "{{.Names}}"}}));
    QCOMPARE(session.slept, std::vector<Duration>{2500ms});
}

void TestScriptRunner::linesAreReadAsByAShell_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");

    QTest::newRow("docker in front") << "docker ps -a" << QStringList{"ps", "-a"};
    QTest::newRow("docker left out") << "ps -a" << QStringList{"ps", "-a"};
    QTest::newRow("single quotes keep a format")
        << "docker ps -a --format '{{.Names}} {{.State}}'"
        << QStringList{"ps", "-a", "--format", "{{.Names}} {{.State}}"};
    QTest::newRow("double quotes and an escaped quote")
        << R"(run busybox sh -c "echo \"hi\"; exit 3")"
        << QStringList{"run", "busybox", "sh", "-c", R"(echo "hi"; exit 3)"};
    QTest::newRow("an empty argument") << "docker rename c1 ''" << QStringList{"rename", "c1", ""};
    QTest::newRow("docker as an argument stays")
        << "docker run docker docker" << QStringList{"run", "docker", "docker"};
    QTest::newRow("docker alone") << "  docker  " << QStringList{};
}

void TestScriptRunner::linesAreReadAsByAShell() {
    QFETCH(QString, line);
    QFETCH(QStringList, words);
    const ConsoleLine read = readConsoleLine(line.toStdString());
    QCOMPARE(int(read.kind), int(ConsoleLine::Kind::Docker));
    QStringList args;
    for (const auto& arg : read.args)
        args << QString::fromStdString(arg);
    QCOMPARE(args, words);
}

void TestScriptRunner::sleepDurations_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("nanoseconds"); // -1: refused

    QTest::newRow("whole seconds") << "13" << qint64(13'000'000'000);
    QTest::newRow("a fraction") << "0.5" << qint64(500'000'000);
    QTest::newRow("no leading zero") << ".25" << qint64(250'000'000);
    QTest::newRow("nanoseconds") << "1.000000001" << qint64(1'000'000'001);
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("a unit") << "2s" << qint64(-1);
    QTest::newRow("negative") << "-1" << qint64(-1);
    QTest::newRow("a lone point") << "." << qint64(-1);
    QTest::newRow("nothing") << "" << qint64(-1);
    QTest::newRow("two points") << "1.2.3" << qint64(-1);
    QTest::newRow("too many seconds") << "1234567890" << qint64(-1);
    QTest::newRow("a week") << "0604800.000" << qint64(604'800'000'000'000);
    QTest::newRow("more than a week") << "604800.5" << qint64(-1);
    QTest::newRow("far more than a week") << "999999999" << qint64(-1);
}

void TestScriptRunner::sleepDurations() {
    QFETCH(QString, text);
    QFETCH(qint64, nanoseconds);
    const Expected<Duration> parsed = parseSeconds(text.toStdString());
    QCOMPARE(parsed.has_value(), nanoseconds >= 0);
    if (parsed.has_value())
        QCOMPARE(qint64(parsed->count()), nanoseconds);
}

// Plain mode prints what docker prints and ends with the last command's status; help, exit and
// quit are the console's own words only when typed alone.
void TestScriptRunner::plainModeKeepsTheLastStatus() {
    ReplaySession session;
    session.answers = {CliOutput{{"c1"}, {}, 0}, CliOutput{{}, {"Error: No such container: c9"}, 1},
                       CliOutput{{}, {"docker: 'exit' is not a docker command."}, 1}};
    std::istringstream input("stop c1\n\nhelp\nstop c9\n# note\ndocker exit\nexit\nps\n");
    std::ostringstream out;
    std::ostringstream err;
    CommandLoop loop(session, out, err);
    loop.feedAll(input);

    QCOMPARE(loop.status(), 1);
    QCOMPARE(session.asked, (std::vector<Words>{{"stop", "c1"}, {"stop", "c9"}, {"exit"}}));
    QVERIFY(out.str().starts_with("c1\n"));
    QVERIFY(out.str().find("  docker stop CONTAINER\n") != std::string::npos);
    QCOMPARE(
        err.str(),
        std::string("Error: No such container: c9\ndocker: 'exit' is not a docker command.\n"));

    std::istringstream sleeper("@sleep 1\nquit\n");
    CommandLoop afterSleep(session, out, err);
    afterSleep.feedAll(sleeper);
    QCOMPARE(afterSleep.status(), 0);
    QCOMPARE(session.slept.back(), Duration(1s));
}

// Each record is flushed as soon as its command returns, so a crash loses nothing before it.
void TestScriptRunner::transcriptIsStreamed() {
    ReplaySession session;
    session.answers = {CliOutput{{"a"}, {}, 0}, CliOutput{{"b"}, {}, 0}};
    FlushedText buffer;
    std::ostream transcript(&buffer);
    std::vector<std::string> seenBeforeRuns;
    session.beforeEachRun = [&] { seenBeforeRuns.push_back(buffer.flushed); };
    std::istringstream script("ps\nps\n");
    QVERIFY(runScript(script, session, transcript).has_value());
    QCOMPARE(seenBeforeRuns, (std::vector<std::string>{"$ ps\n", "$ ps\n> a\n[rc=0]\n$ ps\n"}));
}

// A command Docker would never return from ends the script with the console's error; the
// lines after it are not run, the lines before it are already written.
void TestScriptRunner::scriptStopsWhereDockerWouldWaitForever() {
    ReplaySession session;
    CliOutput endless;
    endless.status = 1;
    endless.unfinished = "docker wait would wait forever: container web never exits in the "
                         "simulation";
    session.answers = {CliOutput{{"a"}, {}, 0}, endless};
    std::istringstream script("ps\nwait web\nps\n");
    std::ostringstream transcript;
    const Status ran = runScript(script, session, transcript);
    QVERIFY(!ran.has_value());
    QCOMPARE(ran.error().message, endless.unfinished + " (the script stops here)");
    QCOMPARE(transcript.str(), std::string("$ ps\n> a\n[rc=0]\n$ wait web\n"));
    QCOMPARE(session.asked.size(), std::size_t(2));

    std::istringstream typed("wait web\n");
    session.answers = {endless};
    std::ostringstream out, err;
    CommandLoop loop(session, out, err);
    loop.feedAll(typed);
    QCOMPARE(err.str(), "lifecycle-lab: " + endless.unfinished + "\n");
    QCOMPARE(loop.status(), 1);
}

// /dev/zero never ends: the console refuses it instead of reading until memory runs out.
void TestScriptRunner::endlessScriptFileIsRefused() {
    const auto read = readInputFile(QStringLiteral("/dev/zero"), QStringLiteral("script"));
    QVERIFY(!read.has_value());
    QCOMPARE(read.error().message,
             std::string("cannot read script /dev/zero: larger than 67108864 bytes (the lab's "
                         "limit)"));
}

QTEST_GUILESS_MAIN(TestScriptRunner)
#include "tst_script_runner.moc"
