#include "gui/panels/KernelLine.h"

#include <QRegularExpression>

namespace lab {

QString shortKernelLine(const QString& line) {
    static const QRegularExpression longId(QStringLiteral("\\b([0-9a-f]{12})[0-9a-f]{52}\\b"));
    static const QRegularExpression longPath(QStringLiteral("(?:/[^/\\s]+)+(/[^/\\s]+/[^/\\s]+)"));
    QString shorter = line;
    shorter.replace(longId, QStringLiteral("\\1"));
    QString result;
    qsizetype done = 0;
    for (auto match = longPath.globalMatch(shorter); match.hasNext();) {
        const QRegularExpressionMatch path = match.next();
        result += shorter.mid(done, path.capturedStart() - done);
        result += path.capturedLength() > path.capturedLength(1) ? u'…' + path.captured(1)
                                                                 : path.captured(0);
        done = path.capturedEnd();
    }
    return result + shorter.mid(done);
}

} // namespace lab
