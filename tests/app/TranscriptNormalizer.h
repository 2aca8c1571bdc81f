#pragma once
// What may differ between two recordings of the same script on the same engine, and nothing
// else, replaced by placeholders so that two transcripts compare line for line:
//   sha256:<64 hex>                 -> sha256:<DIGEST>
//   a word of 64 / 12 hex digits    -> <ID> / <SHORTID>            (container and image IDs)
//   "5 seconds ago", "Up 2 minutes" -> "<AGO> ago", "Up <DUR>"     (go-units HumanDuration,
//                                                                   up to days)
//   "> 2026-11-27T18:53:12.59Z ..." -> "> <TIME> ..."              (a docker events line)
//   two or more spaces              -> two spaces; trailing spaces go (table padding follows
//                                                                   the widths of the above)
//   the digits of `docker top` rows -> <PID>                       (host PIDs)
//   the rows of `docker diff`       -> sorted                      (Docker prints no order)
// Exit statuses, names, states, exit codes and every message word stay as recorded.

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <algorithm>
#include <utility>

namespace lab::test {

/// One line with IDs, digests, ages, timestamps and padding replaced by placeholders.
inline QString normalizedLine(QString line) {
    // \b as a UTF-8 shell sees it: a letter of any script is part of a word.
    const auto re = [](const QString& pattern) {
        return QRegularExpression(pattern, QRegularExpression::UseUnicodePropertiesOption);
    };
    static const QString humanDuration =
        QStringLiteral("(?:Less than a second|About a minute|About an hour|[0-9]+ "
                       "(?:seconds?|minutes?|hours?|days?))");
    static const QRegularExpression digest = re(QStringLiteral("sha256:[0-9a-f]{64}"));
    static const QRegularExpression longId = re(QStringLiteral("\\b[0-9a-f]{64}\\b"));
    static const QRegularExpression shortId = re(QStringLiteral("\\b[0-9a-f]{12}\\b"));
    static const QRegularExpression ago = re(humanDuration + QStringLiteral(" ago"));
    static const QRegularExpression up = re(QStringLiteral("Up ") + humanDuration);
    static const QRegularExpression eventTime =
        re(QStringLiteral("^([>!] )[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z "));
    static const QRegularExpression padding = re(QStringLiteral(" {2,}"));
    static const QRegularExpression trailingSpaces = re(QStringLiteral(" +$"));
    line.replace(digest, QStringLiteral("sha256:<DIGEST>"));
    line.replace(longId, QStringLiteral("<ID>"));
    line.replace(shortId, QStringLiteral("<SHORTID>"));
    line.replace(ago, QStringLiteral("<AGO> ago"));
    line.replace(up, QStringLiteral("Up <DUR>"));
    line.replace(eventTime, QStringLiteral("\\1<TIME> "));
    line.replace(padding, QStringLiteral("  "));
    line.replace(trailingSpaces, QString());
    return line;
}

/// A whole transcript ($ command, > stdout, ! stderr, [rc=N], @ sleep N lines), normalized.
inline QStringList normalizedTranscript(QString text) {
    static const QRegularExpression top(QStringLiteral("^\\$ docker (container )?top "));
    static const QRegularExpression diff(QStringLiteral("^\\$ docker (container )?diff "));
    static const QRegularExpression digits(QStringLiteral("[0-9]+"));
    if (text.endsWith(u'\n'))
        text.chop(1);
    QStringList lines;
    QStringList diffRows; // stdout of the current `docker diff`, until its output ends
    bool inTop = false;
    bool inDiff = false;
    for (const QString& raw : text.split(u'\n')) {
        QString line = normalizedLine(raw);
        const bool isStdout = line.startsWith(QLatin1String("> "));
        if (!isStdout) {
            std::sort(diffRows.begin(), diffRows.end());
            lines += std::exchange(diffRows, {});
        }
        if (line.startsWith(QLatin1String("$ "))) {
            inTop = top.match(line).hasMatch();
            inDiff = diff.match(line).hasMatch();
        } else if (isStdout && inTop) {
            line.replace(digits, QStringLiteral("<PID>"));
        } else if (isStdout && inDiff) {
            diffRows << line;
            continue;
        }
        lines << line;
    }
    std::sort(diffRows.begin(), diffRows.end());
    return lines + diffRows;
}

} // namespace lab::test
