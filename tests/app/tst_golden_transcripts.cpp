// The simulated engine against the real one: every recorded script (tests/golden/*.script and
// the reference transcripts) runs through the console's script runner on the recording world,
// and what it prints must equal what Docker printed, once both are normalized by the reference's
// own normalize.sh (IDs, digests, ages and table padding differ between any two runs).
#include "console/SimulatedSession.h"
#include "world/WorldFile.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>

using namespace lab;

namespace {

const QString kGoldenDir = QStringLiteral(LAB_SOURCE_DIR "/tests/golden");
const QString kReferenceDir = QStringLiteral(LAB_SHARED_DIR "/reference/transcripts");
constexpr std::uint64_t kSeed = 1;

// Runs normalize.sh itself, so the comparison is exactly the reference's.
Expected<QStringList> normalized(const QString& transcriptPath) {
    QProcess sed;
    sed.start(QStringLiteral("bash"), {kReferenceDir + QStringLiteral("/normalize.sh"), transcriptPath});
    if (!sed.waitForFinished(60'000) || sed.exitStatus() != QProcess::NormalExit || sed.exitCode() != 0)
        return Error{"normalize.sh " + transcriptPath.toStdString() + " failed: " +
                     sed.readAllStandardError().toStdString()};
    QString text = QString::fromUtf8(sed.readAllStandardOutput());
    if (text.endsWith(u'\n'))
        text.chop(1);
    return text.split(u'\n');
}

// The first difference with a few lines either side, numbered as in the files.
QString firstDifference(const QStringList& expected, const QStringList& actual) {
    qsizetype at = 0;
    while (at < expected.size() && at < actual.size() && expected[at] == actual[at])
        ++at;
    const auto excerpt = [at](const QStringList& lines) {
        QString text;
        for (qsizetype i = std::max<qsizetype>(0, at - 3); i < std::min(lines.size(), at + 4); ++i)
            text += QStringLiteral("  %1%2 | %3\n")
                        .arg(i == at ? QStringLiteral(">") : QStringLiteral(" "))
                        .arg(i + 1, 4)
                        .arg(lines[i]);
        return text.isEmpty() ? QStringLiteral("  (end of file)\n") : text;
    };
    return QStringLiteral("normalized transcripts differ from line %1 (recorded %2 lines, "
                          "simulated %3)\nrecorded by Docker:\n%4simulated:\n%5")
        .arg(at + 1)
        .arg(expected.size())
        .arg(actual.size())
        .arg(excerpt(expected), excerpt(actual));
}

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
    QVERIFY2(world.ok(), world.ok() ? "" : world.error().message.c_str());
    m_world = *world;
}

void TestGoldenTranscripts::simulatedEngineAnswersAsDocker_data() {
    QTest::addColumn<QString>("script");
    for (const QString& dir : {kGoldenDir, kReferenceDir}) {
        const QDir folder(dir);
        for (const QString& name : folder.entryList({QStringLiteral("*.script")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(QStringLiteral("%1 (%2)").arg(name, folder.dirName())))
                << folder.filePath(name);
    }
}

void TestGoldenTranscripts::simulatedEngineAnswersAsDocker() {
    QFETCH(QString, script);
    const QString recordedPath = script.chopped(int(qstrlen(".script"))) + QStringLiteral(".transcript");
    QVERIFY2(QFile::exists(recordedPath), qPrintable(QStringLiteral("no recording: ") + recordedPath));

    QFile scriptFile(script);
    QVERIFY2(scriptFile.open(QIODevice::ReadOnly), qPrintable(scriptFile.errorString()));
    std::istringstream input(scriptFile.readAll().toStdString());
    std::ostringstream transcript;
    const Status ran = runScript(input, m_world, kSeed, transcript);
    QVERIFY2(ran.ok(), ran.ok() ? "" : ran.error().message.c_str());

    QTemporaryDir dir;
    QFile simulated(dir.filePath(QStringLiteral("simulated.transcript")));
    QVERIFY(simulated.open(QIODevice::WriteOnly));
    simulated.write(QByteArray::fromStdString(transcript.str()));
    simulated.close();

    const Expected<QStringList> expected = normalized(recordedPath);
    QVERIFY2(expected.ok(), expected.ok() ? "" : expected.error().message.c_str());
    const Expected<QStringList> actual = normalized(simulated.fileName());
    QVERIFY2(actual.ok(), actual.ok() ? "" : actual.error().message.c_str());
    if (*expected != *actual)
        QFAIL(qPrintable(firstDifference(*expected, *actual)));
}

QTEST_GUILESS_MAIN(TestGoldenTranscripts)
#include "tst_golden_transcripts.moc"
