// The normalizer the golden tests compare through: what differs between two runs of the same
// engine (IDs, digests, ages, event times, table padding, host PIDs, `docker diff` order) is
// forgiven, and nothing else: a wrong exit status, exit code, state or message word still fails
// the comparison with a real recording.
#include "TranscriptCompare.h"

#include <QFile>
#include <QTest>

using namespace lab::test;

namespace {

const QString kId1 =
    QStringLiteral("1a94108b026550c40fe8bc79f597288943af52f8a07eb4d7197a587c0ef827c5");
const QString kId2 =
    QStringLiteral("280427eebfcdeee8e86ce9de900e096dc19a4f9d05cd8ec05cf247871903b7a2");

QString readText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestTranscriptNormalizer : public QObject {
    Q_OBJECT

private slots:
    void placeholders_data();
    void placeholders();
    void twoTranscriptsCompare_data();
    void twoTranscriptsCompare();
    void aWrongRecordingFailsTheComparison_data();
    void aWrongRecordingFailsTheComparison();
};

void TestTranscriptNormalizer::placeholders_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("full ID") << "> " + kId1 << "> <ID>";
    QTest::newRow("ID in a message")
        << "! Error response from daemon: Container " + kId2 + " is not running"
        << "! Error response from daemon: Container <ID> is not running";
    QTest::newRow("short ID") << "> 1a94108b0265"
                              << "> <SHORTID>";
    QTest::newRow("digest") << "> Digest: sha256:" + kId1 << "> Digest: sha256:<DIGEST>";
    QTest::newRow("exited age") << "> c1 exited Exited (137) 3 seconds ago"
                                << "> c1 exited Exited (137) <AGO> ago";
    QTest::newRow("up time, paused") << "> c1 paused Up Less than a second (Paused)"
                                     << "> c1 paused Up <DUR> (Paused)";
    QTest::newRow("about an hour") << "> Up About an hour"
                                   << "> Up <DUR>";
    QTest::newRow("event time") << "> 2026-11-27T18:53:12.590472279Z container kill " + kId1 +
                                       " (signal=15)"
                                << "> <TIME> container kill <ID> (signal=15)";
    QTest::newRow("table padding") << "> 1a94108b0265   busybox:local   \"sleep 1000\"   c1   "
                                   << "> <SHORTID>  busybox:local  \"sleep 1000\"  c1";
    QTest::newRow("13 hex digits are no ID") << "> 1a94108b02655"
                                             << "> 1a94108b02655";
    QTest::newRow("11 hex digits are no ID") << "> 1a94108b026"
                                             << "> 1a94108b026";
    QTest::newRow("hex inside a word is no ID") << "> x1a94108b0265"
                                                << "> x1a94108b0265";
    QTest::newRow("a date elsewhere stays") << "> started 2026-11-27T18:53:12Z ok"
                                            << "> started 2026-11-27T18:53:12Z ok";
    QTest::newRow("exit codes and states stay") << "> c2 restarting Restarting (1) 2 seconds ago"
                                                << "> c2 restarting Restarting (1) <AGO> ago";
}

void TestTranscriptNormalizer::placeholders() {
    QFETCH(QString, line);
    QFETCH(QString, normalized);
    QCOMPARE(normalizedLine(line), normalized);
}

void TestTranscriptNormalizer::twoTranscriptsCompare_data() {
    QTest::addColumn<QString>("recorded");
    QTest::addColumn<QString>("replayed");
    QTest::addColumn<bool>("same");

    QTest::newRow("other IDs and ages") << "$ docker create c1\n> " + kId1 + "\n[rc=0]\n"
                                        << "$ docker create c1\n> " + kId2 + "\n[rc=0]\n"
                                        << true;
    QTest::newRow("another exit status") << "$ docker pause c1\n! x\n[rc=1]\n"
                                         << "$ docker pause c1\n! x\n[rc=0]\n"
                                         << false;
    QTest::newRow("stdout is not stderr") << "$ docker stop c1\n> c1\n[rc=0]\n"
                                          << "$ docker stop c1\n! c1\n[rc=0]\n"
                                          << false;
    QTest::newRow("another exit code") << "> c1 exited Exited (137) 2 seconds ago\n"
                                       << "> c1 exited Exited (143) 2 seconds ago\n"
                                       << false;
    QTest::newRow("another state") << "> c1 paused Up 2 seconds (Paused)\n"
                                   << "> c1 running Up 2 seconds\n"
                                   << false;
    QTest::newRow("numbers outside top stay") << "$ docker logs c1\n> 1000\n[rc=0]\n"
                                              << "$ docker logs c1\n> 2000\n[rc=0]\n"
                                              << false;
    QTest::newRow("one space is not none") << "> a b\n"
                                           << "> ab\n"
                                           << false;
    QTest::newRow("a missing line") << "> a\n> b\n"
                                    << "> a\n"
                                    << false;
    QTest::newRow("order of output lines") << "$ docker ps\n> a\n> b\n"
                                           << "$ docker ps\n> b\n> a\n"
                                           << false;
    QTest::newRow("top: host PIDs") << "$ docker top c1\n> PID  CMD\n> 4242  sleep 1000\n[rc=0]\n"
                                    << "$ docker top c1\n> PID  CMD\n> 17  sleep 1000\n[rc=0]\n"
                                    << true;
    QTest::newRow("top: the command stays") << "$ docker top c1\n> 4242 sleep\n[rc=0]\n"
                                            << "$ docker top c1\n> 4242 sh\n[rc=0]\n"
                                            << false;
    QTest::newRow("diff: any order") << "$ docker diff c1\n> A /a\n> C /b\n[rc=0]\n$ docker ps\n"
                                     << "$ docker diff c1\n> C /b\n> A /a\n[rc=0]\n$ docker ps\n"
                                     << true;
    QTest::newRow("diff: rows stay") << "$ docker diff c1\n> A /a\n> C /b\n[rc=0]\n"
                                     << "$ docker diff c1\n> A /a\n> D /b\n[rc=0]\n"
                                     << false;
    QTest::newRow("diff: order only within its output")
        << "$ docker diff c1\n> A /a\n[rc=0]\n$ docker logs c1\n> b\n> a\n"
        << "$ docker diff c1\n> A /a\n[rc=0]\n$ docker logs c1\n> a\n> b\n"
        << false;
}

void TestTranscriptNormalizer::twoTranscriptsCompare() {
    QFETCH(QString, recorded);
    QFETCH(QString, replayed);
    QFETCH(bool, same);
    QCOMPARE(normalizedTranscript(recorded) == normalizedTranscript(replayed), same);
}

// A real recording with one thing changed, as a replay that got it wrong would print it.
void TestTranscriptNormalizer::aWrongRecordingFailsTheComparison_data() {
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<bool>("fails");

    QTest::newRow("unchanged") << QString() << QString() << false;
    QTest::newRow("another container ID") << kId2 << kId1 << false;
    QTest::newRow("an older container") << "Exited (137) Less than a second ago"
                                        << "Exited (137) 12 minutes ago" << false;
    QTest::newRow("a wrong exit status") << "is already paused\n[rc=1]"
                                         << "is already paused\n[rc=0]" << true;
    QTest::newRow("a wrong message") << "is already paused"
                                     << "is not paused" << true;
    QTest::newRow("a wrong exit code") << "Exited (137)"
                                       << "Exited (143)" << true;
    QTest::newRow("a wrong state") << "c1 paused Up"
                                   << "c1 running Up" << true;
    QTest::newRow("a wrong CLI line") << "Error: failed to start containers: c1"
                                      << "Error: failed to start container: c1" << true;
}

void TestTranscriptNormalizer::aWrongRecordingFailsTheComparison() {
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(bool, fails);
    const QString script = kGoldenDir + QStringLiteral("/reference-02-illegal-ops.script");
    QString replayed =
        readText(kGoldenDir + QStringLiteral("/reference-02-illegal-ops.transcript"));
    QVERIFY(replayed.contains(u'\n'));
    QVERIFY2(replayed.contains(before), qPrintable(before));
    replayed.replace(before, after);
    const auto difference = differenceFromRecording(script, replayed.toStdString());
    QVERIFY2(difference.has_value(),
             difference.has_value() ? "" : difference.error().message.c_str());
    QCOMPARE(!difference->isEmpty(), fails);
}

QTEST_GUILESS_MAIN(TestTranscriptNormalizer)
#include "tst_transcript_normalizer.moc"
