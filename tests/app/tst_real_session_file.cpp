// Sessions recorded on the real backend (docs/SESSION-FORMAT.md, "kernel"): a class recorded as
// root on real processes is saved, read back and replayed without the kernel, and answers the
// same words, takes the same steps and shows the same kernel operations and figures. A tampered
// kernel record is refused with the file, the place and the reason.
#include "console/ScriptRunner.h"
#include "console/SessionRecorder.h"
#include "engine/Container.h"
#include "engine/Engine.h"
#include "session/KernelRecordJson.h"
#include "session/ReplayedRealSession.h"
#include "session/SessionFile.h"
#include "session/WorldFile.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <sstream>

using namespace lab;

namespace {

const QString kSource = QStringLiteral("class.json");

// A class on real processes: a run that prints and fails, a long one paused, looked into
// (top, exec, stats, diff), committed, stopped and removed.
const char* const kScript = "run --name job busybox sh -c 'echo hello; exit 3'\n"
                            "run -d --name web busybox sh -c 'echo up; sleep 300'\n"
                            "exec web sh -c 'echo inside; touch /made'\n"
                            "diff web\n"
                            "commit web lab/web\n"
                            "run --rm lab/web ls /made\n"
                            "rmi lab/web\n"
                            "pause web\n"
                            "ps -a --format '{{.Names}} {{.Status}}'\n"
                            "unpause web\n"
                            "inspect -f '{{.State.Pid}}' web\n"
                            "logs job\n"
                            "stop -t 1 web\n"
                            "ps -a --format '{{.Names}} {{.Status}}'\n"
                            "rm web job\n";

World defaultWorld() {
    Expected<World> world = loadDefaultWorld();
    if (!world)
        qFatal("%s", world.error().message.c_str());
    return *world;
}

// Every command's standard output and error, and its status, as one list.
std::vector<std::string> outputsOf(EngineSession& session, TimePoint start,
                                   const std::vector<SessionEntry>& entries) {
    std::vector<std::string> outputs;
    replayEntries(session, start, entries, [&](const SessionEntry& entry) {
        const CliOutput output = session.run(entry.command);
        outputs.insert(outputs.end(), output.out.begin(), output.out.end());
        outputs.insert(outputs.end(), output.err.begin(), output.err.end());
        outputs.push_back("[rc=" + std::to_string(output.status) + "]");
    });
    return outputs;
}

// What the engine published, as `docker events` names it: the story of the session.
QStringList eventsOf(Engine& engine) {
    QStringList events;
    for (const DockerEvent& event : engine.events())
        events << QString::fromStdString(event.type + " " + event.action + " " + event.actorId);
    return events;
}

// A small record with one of each kind, for the refusals.
SessionRecording smallRecording() {
    const std::string id(64, 'a');
    const TimePoint start(std::chrono::seconds(1'800'000'000));
    auto kernel = std::make_shared<KernelRecord>();
    kernel->cpus = 2;
    kernel->reports.push_back(
        {start + std::chrono::milliseconds(5),
         id,
         OutcomeEvent{Outcome::ProcessStarted, start + std::chrono::milliseconds(4), 0, 0, {}},
         {},
         false});
    kernel->reports.push_back({start + std::chrono::milliseconds(6), id, {}, "hello", false});
    KernelAnswer prepared;
    prepared.at = start + std::chrono::milliseconds(1);
    prepared.container = id;
    kernel->answers.push_back(prepared);
    kernel->pids.push_back({start + std::chrono::milliseconds(5), id, 4242, {}});
    kernel->trace.push_back({start + std::chrono::milliseconds(2), id, 0, "mkdir /x"});
    kernel->samples.push_back(
        {id, ResourceSample{start + std::chrono::seconds(1), 900, 4096, 1, {}}});
    SessionRecording recording{1, defaultWorld(), {{{}, {"ps"}, {}}}, start, kernel};
    return recording;
}

} // namespace

class TestRealSessionFile : public QObject {
    Q_OBJECT

private slots:
    void realSessionReplaysWithoutTheKernel();
    void smallRecordReadsBackTheSame();
    void tamperedKernelRecordIsRefused_data();
    void tamperedKernelRecordIsRefused();
};

void TestRealSessionFile::realSessionReplaysWithoutTheKernel() {
    QTemporaryDir state(QDir::tempPath() + QStringLiteral("/lifecycle-lab-session-XXXXXX"));
    auto opened =
        openSession(SessionSpec{BackendKind::Real, 1, state.path().toStdString()}, defaultWorld());
    if (!opened)
        QSKIP(qPrintable(QStringLiteral("the real backend cannot run here: ") +
                         QString::fromStdString(opened.error().message)));
    EngineSession& live = **opened;

    // Recorded as `console --record` does, then saved and read back.
    SessionRecorder recorder(live);
    std::istringstream script(kScript);
    std::ostringstream transcript;
    const Status ran = runScript(script, recorder, transcript);
    QVERIFY2(ran.has_value(), ran.has_value() ? "" : ran.error().message.c_str());
    const QString path = state.filePath(QStringLiteral("class.json"));
    QVERIFY(saveSessionFile(recorder.recording(), path).has_value());
    const Expected<SessionRecording> read = loadSessionFile(path);
    QVERIFY2(read.has_value(), read.has_value() ? "" : read.error().message.c_str());
    QVERIFY(read->kernel != nullptr);

    // The live answers, command by command, as the transcript shows them.
    const std::string liveText = transcript.str();
    QVERIFY2(liveText.find("hello") != std::string::npos, liveText.c_str());
    QVERIFY2(liveText.find("inside") != std::string::npos, liveText.c_str());
    QVERIFY2(liveText.find("A /made") != std::string::npos, liveText.c_str());

    // The replay: no kernel, the same words, events and kernel operations.
    ReplayedRealSession replayed(*read);
    const std::vector<std::string> outputs =
        outputsOf(replayed, replayed.engine().clock().now(), read->entries);
    std::ostringstream replayedText;
    for (const std::string& line : outputs)
        replayedText << line << '\n';
    // The committed image ran with the file the container made.
    QVERIFY(std::find(outputs.begin(), outputs.end(), "/made") != outputs.end());
    for (const char* expected :
         {"hello", "inside", "A /made", "Untagged: lab/web:latest", "Deleted: sha256:", "web Up",
          "(Paused)", "job Exited (3)", "web Exited (137)", "[rc=3]"})
        QVERIFY2(replayedText.str().find(expected) != std::string::npos,
                 qPrintable(QString::fromStdString(replayedText.str() + "\nmissing: ") + expected));
    QCOMPARE(eventsOf(replayed.engine()), eventsOf(live.engine()));
    for (const DockerEvent& event : live.engine().events())
        if (event.type == "container")
            QCOMPARE(replayed.kernelTrace(event.actorId), live.kernelTrace(event.actorId));
    // Every command answered as it did live: the transcript's answers, in order.
    std::size_t from = 0;
    for (const std::string& line : outputs) {
        if (line.starts_with("[rc="))
            continue;
        const std::size_t found = liveText.find(line, from);
        QVERIFY2(found != std::string::npos,
                 qPrintable(QString::fromStdString("not answered live: " + line)));
        from = found + line.size();
    }
}

void TestRealSessionFile::smallRecordReadsBackTheSame() {
    const SessionRecording recording = smallRecording();
    const QByteArray text = sessionToJson(recording);
    const Expected<SessionRecording> read = readSessionJson(text, kSource);
    QVERIFY2(read.has_value(), read.has_value() ? "" : read.error().message.c_str());
    QCOMPARE(read->start, recording.start);
    QCOMPARE(sessionToJson(*read), text);
    const KernelRecord& kernel = *read->kernel;
    QCOMPARE(kernel.reports.size(), 2u);
    QCOMPARE(kernel.reports[0].outcome->outcome, Outcome::ProcessStarted);
    QCOMPARE(kernel.reports[0].outcome->at, recording.kernel->reports[0].outcome->at);
    QCOMPARE(kernel.reports[1].line, std::string("hello"));
    QCOMPARE(kernel.pids.at(0).pid, 4242);
    QCOMPARE(kernel.samples.at(0).sample.memoryBytes, std::optional<std::int64_t>(4096));

    // Replayed: the sample and the trace show once engine time reaches them.
    ReplayedRealSession replayed(*read);
    const std::string id(64, 'a');
    QVERIFY(replayed.kernelTrace(id).empty());
    QVERIFY(!replayed.resources(id).has_value());
    replayed.sleep(std::chrono::seconds(2));
    QCOMPARE(replayed.kernelTrace(id), std::vector<std::string>{"mkdir /x"});
    QCOMPARE(replayed.resources(id)->cpuMicroseconds, std::optional<std::int64_t>(900));
}

void TestRealSessionFile::tamperedKernelRecordIsRefused_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    const QByteArray good = sessionToJson(smallRecording());
    const auto replaced = [&good](const char* from, const char* to) {
        QByteArray text = good;
        const qsizetype at = text.indexOf(from);
        if (at < 0)
            qFatal("the written file has no %s", from);
        return text.replace(at, qsizetype(qstrlen(from)), to);
    };
    QTest::newRow("no kernel record")
        << replaced("\"kernel\"", "\"kernal\"")
        << "class.json: kernal: unknown key (allowed here: format, version, backend, seed, start, "
           "world, entries, kernel)";
    QTest::newRow("a start that is no number")
        << replaced("\"start\": \"1800000000000000000\"", "\"start\": \"soon\"")
        << "class.json: start: expected a whole number from 0 to 18446744073709551615, got "
           "\"soon\"";
    QTest::newRow("an unknown outcome")
        << replaced("\"process started\"", "\"process flew\"")
        << "class.json: kernel.reports[0].outcome: unknown \"process flew\" (known: process "
           "started, start failed, signalled, stop timed out, frozen, freeze failed, thawed, "
           "process exited, back-off elapsed, removal done, removal failed, out of memory, "
           "daemon stopping, daemon restored)";
    QTest::newRow("a container that is no ID")
        << replaced("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"line\"",
                    "\"../etc\",\"line\"")
        << "class.json: kernel.trace[0].container: expected a container's ID (64 hexadecimal "
           "digits)";
    QTest::newRow("an unknown call") << replaced("\"prepare\"", "\"reboot\"")
                                     << "class.json: kernel.answers[0].call: unknown \"reboot\" "
                                        "(known: prepare, exec, processes, usage, diff, limits, "
                                        "fault, commit)";
    QTest::newRow("a PID out of range")
        << replaced("\"pid\":4242", "\"pid\":-1")
        << "class.json: kernel.pids[0].pid: -1 is outside 0 to 1073741824";
    QTest::newRow("a report both outcome and output")
        << replaced("\"output\":\"hello\"", "\"output\":\"hello\",\"outcome\":\"frozen\"")
        << "class.json: kernel.reports[1]: expected either \"outcome\" or \"output\"";
    QTest::newRow("a sample of text")
        << replaced("\"memoryBytes\":4096", "\"memoryBytes\":\"4 KiB\"")
        << "class.json: kernel.samples[0].sample.memoryBytes: expected a whole number, got a "
           "string";
}

void TestRealSessionFile::tamperedKernelRecordIsRefused() {
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const Expected<SessionRecording> read = readSessionJson(text, kSource);
    QVERIFY(!read.has_value());
    QCOMPARE(QString::fromStdString(read.error().message), error);
}

QTEST_GUILESS_MAIN(TestRealSessionFile)
#include "tst_real_session_file.moc"
