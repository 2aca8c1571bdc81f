// Session files (docs/SESSION-FORMAT.md): what `console --record` writes replays to the same
// output on a fresh engine, the documented example reads, and every kind of bad file (an unknown
// version, a truncated or tampered one, absurd sizes) is refused with the file, the place and the
// reason. Mutated files never crash the reader nor the replay.
#include "console/ScriptRunner.h"
#include "console/SessionRecorder.h"
#include "engine/Engine.h"
#include "session/SessionFile.h"
#include "session/SimulatedSession.h"
#include "session/WorldFile.h"
#include "session/WorldJson.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <random>
#include <sstream>

using namespace lab;

namespace {

const QString kSource = QStringLiteral("class.json");

World defaultWorld() {
    Expected<World> world = loadDefaultWorld();
    if (!world)
        qFatal("%s", world.error().message.c_str());
    return *world;
}

// A class's demonstration: a pull, a stop that times out into SIGKILL, a restart policy, a fault.
const char* const kScript = "run -d --name web nginx\n"
                            "run -d --name job --restart on-failure:2 busybox sh -c 'exit 3'\n"
                            "@sleep 5\n"
                            "create --name doomed busybox\n"
                            "stop web\n"
                            "@sleep 2\n"
                            "ps -a\n";

// Runs the script through the recorder, as `console --record` does; returns the transcript.
std::string record(SessionRecording& recording) {
    SimulatedSession session(defaultWorld(), 7);
    SessionRecorder recorder(session);
    std::istringstream script(kScript);
    std::ostringstream transcript;
    if (!runScript(script, recorder, transcript).has_value())
        qFatal("the script did not run");
    recording = recorder.recording();
    return transcript.str();
}

// Replays a recording on a fresh engine as the window's player does; answers what the commands
// printed on standard output and their statuses. keep, when given, keeps the engine.
std::vector<std::string> replay(const SessionRecording& recording,
                                std::unique_ptr<SimulatedSession>* keep = nullptr) {
    auto session = std::make_unique<SimulatedSession>(recording.world, recording.seed);
    std::vector<std::string> outputs;
    replayEntries(*session, session->engine().clock().now(), recording.entries,
                  [&](const SessionEntry& entry) {
                      if (entry.action) {
                          (void)applyEngineAction(*entry.action, session->engine());
                          return;
                      }
                      const CliOutput output = session->run(entry.command);
                      outputs.insert(outputs.end(), output.out.begin(), output.out.end());
                      outputs.push_back("[rc=" + std::to_string(output.status) + "]");
                  });
    if (keep)
        *keep = std::move(session);
    return outputs;
}

QByteArray recordedText() {
    SessionRecording recording;
    record(recording);
    return sessionToJson(recording);
}

} // namespace

class TestSessionFile : public QObject {
    Q_OBJECT

private slots:
    void recordedSessionReplaysTheSameOutput();
    void writtenFileReadsBackTheSame();
    void documentedExampleReads();
    void missingFileIsNamed();
    void badFilesAreRefused_data();
    void badFilesAreRefused();
    void mutatedFilesNeverCrash();
};

void TestSessionFile::recordedSessionReplaysTheSameOutput() {
    SessionRecording recording;
    const std::string transcript = record(recording);
    QCOMPARE(recording.entries.size(), std::size_t(5)); // the commands; @sleep is time passing
    QCOMPARE(recording.entries[2].command,
             (std::vector<std::string>{"create", "--name", "doomed", "busybox"}));
    QVERIFY(recording.entries[2].at >= std::chrono::seconds(5));
    // What each command printed on standard output, in the transcript's own words.
    std::vector<std::string> recorded;
    std::istringstream lines(transcript);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("> ", 0) == 0)
            recorded.push_back(line.substr(2));
        else if (line.rfind("[rc=", 0) == 0)
            recorded.push_back(line);
    QCOMPARE(replay(recording), recorded);
}

void TestSessionFile::writtenFileReadsBackTheSame() {
    SessionRecording recording;
    record(recording);
    // What the window's console typed into a waiting command is kept with it, in its order.
    const Duration stopAt = recording.entries.at(3).at;
    recording.entries[3].typed = {{stopAt, {TypedInput::Kind::Stdin, "echo \"hi\"\n"}},
                                  {stopAt, {TypedInput::Kind::EndOfInput, {}}},
                                  {stopAt, {TypedInput::Kind::Interrupt, {}}},
                                  {stopAt, {TypedInput::Kind::Detach, {}}}};
    recording.entries.push_back(
        {std::chrono::seconds(20), {}, EngineAction{EngineAction::Kind::OutOfMemory, "web"}, {}});
    recording.entries.push_back(
        {std::chrono::seconds(21), {}, EngineAction{EngineAction::Kind::RestartDaemon, {}}, {}});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("class.json"));
    QVERIFY(saveSessionFile(recording, path).has_value());
    const Expected<SessionRecording> read = loadSessionFile(path);
    QVERIFY2(read.has_value(), read ? "" : read.error().message.c_str());
    QCOMPARE(read->seed, recording.seed);
    QCOMPARE(read->entries, recording.entries);
    QCOMPARE(worldToJson(read->world), worldToJson(recording.world));
    // And the engine started from the world read back answers as the one recorded did.
    std::unique_ptr<SimulatedSession> first;
    std::unique_ptr<SimulatedSession> second;
    QCOMPARE(replay(*read, &second), replay(recording, &first));
    QCOMPARE(second->engine().events().size(), first->engine().events().size());
    QVERIFY(first->engine().events().size() > 10);
}

// docs/SESSION-FORMAT.md shows one session file; it must stay a valid one.
void TestSessionFile::documentedExampleReads() {
    QFile doc(QStringLiteral(LAB_SOURCE_DIR "/docs/SESSION-FORMAT.md"));
    QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.errorString()));
    const QString text = QString::fromUtf8(doc.readAll());
    const QRegularExpression block(QStringLiteral("```json\\n(.*?)```"),
                                   QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = block.match(text);
    QVERIFY(match.hasMatch());
    const Expected<SessionRecording> read =
        readSessionJson(match.captured(1).toUtf8(), QStringLiteral("SESSION-FORMAT.md"));
    QVERIFY2(read.has_value(), read ? "" : read.error().message.c_str());
    QVERIFY(!read->entries.empty());
    QVERIFY(!replay(*read).empty());
}

void TestSessionFile::missingFileIsNamed() {
    const Expected<SessionRecording> read = loadSessionFile(QStringLiteral("/nonexistent/s.json"));
    QVERIFY(!read.has_value());
    QVERIFY2(read.error().message.starts_with("cannot read session file /nonexistent/s.json: "),
             read.error().message.c_str());
}

void TestSessionFile::badFilesAreRefused_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    const QByteArray good = recordedText();
    const auto replaced = [&good](const char* from, const char* to) {
        QByteArray text = good;
        const qsizetype at = text.indexOf(from);
        if (at < 0)
            qFatal("the recorded file has no %s", from);
        return text.replace(at, qsizetype(qstrlen(from)), to);
    };
    QTest::newRow("empty") << QByteArray("\n")
                           << "class.json: the file is empty (expected a session, "
                              "docs/SESSION-FORMAT.md)";
    QTest::newRow("truncated") << good.left(good.indexOf("\"stop\""))
                               << "class.json:10:33: invalid JSON: unterminated array";
    QTest::newRow("a newer version")
        << replaced("\"version\": 1", "\"version\": 2")
        << "class.json: version: version 2 is not one this lab reads (it reads version 1; a "
           "newer lab wrote it)";
    QTest::newRow("a version that is text")
        << replaced("\"version\": 1", "\"version\": \"1\"")
        << "class.json: version: expected a whole number, got a string";
    QTest::newRow("another kind of file")
        << replaced("lifecycle-lab session", "lifecycle-lab lesson")
        << "class.json: format: expected \"lifecycle-lab session\": this is not a session file";
    QTest::newRow("a seed that is a number") << replaced("\"seed\": \"7\"", "\"seed\": 7")
                                             << "class.json: seed: expected a whole number as a "
                                                "string, such as \"1\", got a number";
    QTest::newRow("an unknown command")
        << replaced("[\"stop\",", "[\"halt\",")
        << "class.json: entries[3].command[0]: unknown command \"halt\"";
    QTest::newRow("time going backwards")
        << replaced("{\"at\":0,", "{\"at\":99000000000,")
        << QStringLiteral("class.json: entries[1].at: engine time goes backwards (%1 ns, after "
                          "99000000000 ns)")
               .arg(readSessionJson(good, kSource)->entries.at(1).at.count());
    QTest::newRow("an absurd time") << replaced("{\"at\":0,", "{\"at\":1e300,")
                                    << "class.json: entries[0].at: 1e+300 ns is outside 0 to "
                                       "2^53 ns";
    QTest::newRow("a time that is not whole")
        << replaced("{\"at\":0,", "{\"at\":0.5,")
        << "class.json: entries[0].at: expected whole nanoseconds of engine time, got a number";
    QTest::newRow("a word that is a number")
        << replaced("[\"stop\",\"web\"]", "[\"stop\",7]")
        << "class.json: entries[3].command[1]: expected a string, got a number";
    QTest::newRow("an unknown key")
        << replaced("\"seed\"", "\"colour\": \"red\", \"seed\"")
        << "class.json: colour: unknown key (allowed here: format, version, backend, seed, "
           "start, world, entries, kernel)";
    QTest::newRow("a real session without what the kernel told it")
        << replaced("\"backend\": \"simulation\"", "\"backend\": \"real\"")
        << "class.json: top level: missing key \"start\"";
    QTest::newRow("a simulated session with a start")
        << replaced("\"seed\"", "\"start\": \"1\", \"seed\"")
        << "class.json: start: only a session on the real backend has it";
    QTest::newRow("an unknown backend")
        << replaced("\"backend\": \"simulation\"", "\"backend\": \"docker\"")
        << "class.json: backend: expected \"simulation\" or \"real\"";
    QTest::newRow("without its backend") << replaced("\"backend\": \"simulation\",", "")
                                         << "class.json: top level: missing key \"backend\"";
    QTest::newRow("a bad world") << replaced("\"busybox:latest\"", "3")
                                 << "class.json: world.images[0].tags[0]: expected a string, "
                                    "got a number";
    QTest::newRow("an unknown action")
        << replaced("{\"at\":0,\"command\":[\"run\",\"-d\",\"--name\",\"web\",\"nginx\"]}",
                    "{\"at\":0,\"action\":\"meteor\"}")
        << "class.json: entries[0].action: unknown action \"meteor\" (known: next-removal-fails, "
           "out-of-memory, restart-daemon)";
    QTest::newRow("out of memory without a target")
        << replaced("{\"at\":0,\"command\":[\"run\",\"-d\",\"--name\",\"web\",\"nginx\"]}",
                    "{\"at\":0,\"action\":\"out-of-memory\"}")
        << "class.json: entries[0]: out-of-memory needs a \"container\"";
    const QString stopAt =
        QString::number(readSessionJson(good, kSource)->entries.at(3).at.count());
    const auto typedIntoStop = [&](const QString& typed) {
        return replaced(
            "[\"stop\",\"web\"]}",
            qPrintable(QStringLiteral("[\"stop\",\"web\"],\"typed\":[%1]}").arg(typed)));
    };
    QTest::newRow("unknown keys typed")
        << typedIntoStop(QStringLiteral("{\"at\":%1,\"keys\":\"ctrl-z\"}").arg(stopAt))
        << "class.json: entries[3].typed[0].keys: expected \"ctrl-c\", \"ctrl-d\" or "
           "\"ctrl-p ctrl-q\"";
    QTest::newRow("keys and stdin at once")
        << typedIntoStop(
               QStringLiteral("{\"at\":%1,\"keys\":\"ctrl-c\",\"stdin\":\"ls\"}").arg(stopAt))
        << "class.json: entries[3].typed[0]: expected either \"keys\" or \"stdin\"";
    QTest::newRow("typed before its command")
        << typedIntoStop(QStringLiteral("{\"at\":0,\"keys\":\"ctrl-c\"}"))
        << QStringLiteral("class.json: entries[3].typed[0].at: engine time goes backwards (0 ns, "
                          "after %1 ns)")
               .arg(stopAt);
    QTest::newRow("typed into an action")
        << replaced("{\"at\":0,\"command\":[\"run\",\"-d\",\"--name\",\"web\",\"nginx\"]}",
                    "{\"at\":0,\"action\":\"restart-daemon\",\"typed\":[]}")
        << "class.json: entries[0].typed: only a command has what was typed into it";
    QTest::newRow("neither command nor action")
        << replaced("{\"at\":0,\"command\":[\"run\",\"-d\",\"--name\",\"web\",\"nginx\"]}",
                    "{\"at\":0}")
        << "class.json: entries[0]: expected either \"command\" or \"action\"";
    QByteArray many = "{\"format\": \"lifecycle-lab session\", \"version\": 1, \"backend\": "
                      "\"simulation\", \"seed\": \"1\", "
                      "\"world\": {}, \"entries\": [";
    for (int i = 0; i <= 100000; ++i)
        many += i == 0 ? "{\"at\":0,\"command\":[\"ps\"]}" : ",{\"at\":0,\"command\":[\"ps\"]}";
    QTest::newRow("absurdly many entries")
        << many + "]}"
        << "class.json: entries: 100001 entries is more than the lab reads (100000)";
}

void TestSessionFile::badFilesAreRefused() {
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const Expected<SessionRecording> read = readSessionJson(text, kSource);
    QVERIFY(!read.has_value());
    QCOMPARE(QString::fromStdString(read.error().message), error);
}

// Bytes flipped, cut, dropped and doubled: each variant is refused with the file's name in front,
// or reads and replays without a crash (the sanitizer build watches the memory).
void TestSessionFile::mutatedFilesNeverCrash() {
    const QByteArray good = recordedText();
    std::mt19937 random(20261207);
    int refused = 0;
    int read = 0;
    for (int i = 0; i < 300; ++i) {
        QByteArray text = good;
        std::uniform_int_distribution<qsizetype> place(0, text.size() - 1);
        const qsizetype at = place(random);
        switch (i % 4) {
        case 0:
            text[at] = char(random() % 128);
            break;
        case 1:
            text.truncate(at);
            break;
        case 2:
            text.remove(at, qsizetype(random() % 40));
            break;
        default:
            text.insert(at, text.mid(place(random), qsizetype(random() % 40)));
        }
        const Expected<SessionRecording> recording = readSessionJson(text, kSource);
        if (!recording) {
            ++refused;
            QVERIFY2(recording.error().message.starts_with("class.json"),
                     recording.error().message.c_str());
            continue;
        }
        ++read;
        replay(*recording);
    }
    QVERIFY2(refused > 100, qPrintable(QString::number(refused)));
    QVERIFY2(read > 0, "no mutant was a valid session: the replay half went untested");
}

QTEST_GUILESS_MAIN(TestSessionFile)
#include "tst_session_file.moc"
