#include "gui/panels/KernelLine.h"

#include <QRegularExpression>

namespace lab {

QString shortKernelLine(const QString& line) {
    static const QRegularExpression longId(QStringLiteral("\\b([0-9a-f]{12})[0-9a-f]{52}\\b"));
    // A path from its first slash up to the lab's containers/ or images/ directory.
    static const QRegularExpression stateDir(
        QStringLiteral("(?<![^\\s,=(\"'])(?:/[^/\\s,=()\"']+)+?(?=/(?:containers|images)/)"));
    static const QRegularExpression cgroupMount(
        QStringLiteral("(?<![^\\s,=(\"'])/sys/fs/cgroup(?![^/\\s,)\"'])"));
    QString shorter = line;
    shorter.replace(longId, QStringLiteral("\\1"));
    shorter.replace(stateDir, QStringLiteral("…"));
    shorter.replace(cgroupMount, QStringLiteral("cgroup:"));
    return shorter;
}

} // namespace lab
