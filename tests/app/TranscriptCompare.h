#pragma once
// Comparing a transcript with one Docker recorded: both normalized by the reference's own
// normalize.sh (IDs, digests, ages and table padding differ between any two runs), and the
// first difference shown with a few lines either side.

#include "base/Expected.h"

#include <QDir>
#include <QFile>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <string>

namespace lab::test {

inline const QString kGoldenDir = QStringLiteral(LAB_SOURCE_DIR "/tests/golden");
inline const QString kReferenceDir = QStringLiteral(LAB_SHARED_DIR "/reference/transcripts");

// Runs normalize.sh itself, so the comparison is exactly the reference's.
inline Expected<QStringList> normalized(const QString& transcriptPath) {
    QProcess sed;
    sed.start(QStringLiteral("bash"),
              {kReferenceDir + QStringLiteral("/normalize.sh"), transcriptPath});
    if (!sed.waitForFinished(60'000) || sed.exitStatus() != QProcess::NormalExit ||
        sed.exitCode() != 0)
        return Error{"normalize.sh " + transcriptPath.toStdString() +
                     " failed: " + sed.readAllStandardError().toStdString()};
    QString text = QString::fromUtf8(sed.readAllStandardOutput());
    if (text.endsWith(u'\n'))
        text.chop(1);
    return text.split(u'\n');
}

// The first difference with a few lines either side, numbered as in the files.
inline QString firstDifference(const QStringList& expected, const QStringList& actual) {
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
                          "replayed %3)\nrecorded by Docker:\n%4replayed:\n%5")
        .arg(at + 1)
        .arg(expected.size())
        .arg(actual.size())
        .arg(excerpt(expected), excerpt(actual));
}

/// Every recorded script, tests/golden/*.script and the reference's: (row name, path).
inline QList<QPair<QString, QString>> recordedScripts() {
    QList<QPair<QString, QString>> scripts;
    for (const QString& dir : {kGoldenDir, kReferenceDir}) {
        const QDir folder(dir);
        for (const QString& name :
             folder.entryList({QStringLiteral("*.script")}, QDir::Files, QDir::Name))
            scripts.append(
                {QStringLiteral("%1 (%2)").arg(name, folder.dirName()), folder.filePath(name)});
    }
    return scripts;
}

/// transcript (of script, replayed) against what Docker recorded for script: empty when they
/// agree once normalized, else the first difference.
inline Expected<QString> differenceFromRecording(const QString& script,
                                                 const std::string& transcript) {
    const QString recordedPath =
        script.chopped(int(qstrlen(".script"))) + QStringLiteral(".transcript");
    if (!QFile::exists(recordedPath))
        return Error{"no recording: " + recordedPath.toStdString()};
    QTemporaryDir dir;
    QFile replayed(dir.filePath(QStringLiteral("replayed.transcript")));
    if (!replayed.open(QIODevice::WriteOnly))
        return Error{"cannot write " + replayed.fileName().toStdString()};
    replayed.write(QByteArray::fromStdString(transcript));
    replayed.close();
    const Expected<QStringList> expected = normalized(recordedPath);
    if (!expected)
        return expected.error();
    const Expected<QStringList> actual = normalized(replayed.fileName());
    if (!actual)
        return actual.error();
    return *expected == *actual ? QString() : firstDifference(*expected, *actual);
}

} // namespace lab::test
