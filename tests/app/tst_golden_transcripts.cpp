// The simulated engine against the real one: every recorded script (tests/golden/*.script)
// runs through the console's script runner on the recording world, and what it prints must
// equal what Docker printed, once both are normalized (TranscriptNormalizer.h: IDs, digests,
// ages and table padding differ between any two runs).
#include "TranscriptCompare.h"
#include "console/ScriptRunner.h"
#include "session/SimulatedSession.h"
#include "session/WorldFile.h"

#include <QFile>
#include <QTest>
#include <sstream>

using namespace lab;
using namespace lab::test;

namespace {

constexpr std::uint64_t kSeed = 1;

} // namespace

class TestGoldenTranscripts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void simulatedEngineAnswersAsDocker_data();
    void simulatedEngineAnswersAsDocker();

private:
    World m_world;
};

void TestGoldenTranscripts::initTestCase() {
    const Expected<World> world = loadWorldFile(kGoldenDir + QStringLiteral("/world.json"));
    QVERIFY2(world.has_value(), world.has_value() ? "" : world.error().message.c_str());
    m_world = *world;
}

void TestGoldenTranscripts::simulatedEngineAnswersAsDocker_data() {
    QTest::addColumn<QString>("script");
    for (const auto& [row, path] : recordedScripts())
        QTest::newRow(qPrintable(row)) << path;
}

void TestGoldenTranscripts::simulatedEngineAnswersAsDocker() {
    QFETCH(QString, script);
    QFile scriptFile(script);
    QVERIFY2(scriptFile.open(QIODevice::ReadOnly), qPrintable(scriptFile.errorString()));
    std::istringstream input(scriptFile.readAll().toStdString());
    std::ostringstream transcript;
    SimulatedSession session(m_world, kSeed);
    const Status ran = runScript(input, session, transcript);
    QVERIFY2(ran.has_value(), ran.has_value() ? "" : ran.error().message.c_str());
    const Expected<QString> difference = differenceFromRecording(script, transcript.str());
    QVERIFY2(difference.has_value(),
             difference.has_value() ? "" : difference.error().message.c_str());
    if (!difference->isEmpty())
        QFAIL(qPrintable(*difference));
}

QTEST_GUILESS_MAIN(TestGoldenTranscripts)
#include "tst_golden_transcripts.moc"
