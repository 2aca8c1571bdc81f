#pragma once
// Comparing a transcript with one Docker recorded: both normalized (TranscriptNormalizer.h:
// IDs, digests, ages and table padding differ between any two runs), and the first difference
// shown with a few lines either side.

#include "TranscriptNormalizer.h"
#include "base/Expected.h"

#include <QDir>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <string>

namespace lab::test {

inline const QString kGoldenDir = QStringLiteral(LAB_SOURCE_DIR "/tests/golden");

/// The transcript in the file at path, normalized.
inline Expected<QStringList> normalized(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{"cannot read " + path.toStdString() + ": " + file.errorString().toStdString()};
    return normalizedTranscript(QString::fromUtf8(file.readAll()));
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

/// Every recorded script, tests/golden/*.script: (row name, path).
inline QList<QPair<QString, QString>> recordedScripts() {
    QList<QPair<QString, QString>> scripts;
    const QDir folder(kGoldenDir);
    for (const QString& name :
         folder.entryList({QStringLiteral("*.script")}, QDir::Files, QDir::Name))
        scripts.append({name, folder.filePath(name)});
    return scripts;
}

/// transcript (of script, replayed) against what Docker recorded for script: empty when they
/// agree once normalized, else the first difference.
inline Expected<QString> differenceFromRecording(const QString& script,
                                                 const std::string& transcript) {
    const QString recordedPath =
        script.chopped(int(qstrlen(".script"))) + QStringLiteral(".transcript");
    const Expected<QStringList> expected = normalized(recordedPath);
    if (!expected)
        return expected.error();
    const QStringList actual = normalizedTranscript(QString::fromStdString(transcript));
    return *expected == actual ? QString() : firstDifference(*expected, actual);
}

} // namespace lab::test
