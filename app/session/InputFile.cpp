#include "session/InputFile.h"

#include "base/Limits.h"

#include <QFile>

namespace lab {

Expected<QByteArray> readInputFile(const QString& path, const QString& what) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot read %1 %2: %3")
                         .arg(what, path, file.errorString())
                         .toStdString()};
    constexpr auto limit = static_cast<qint64>(limits::kInputFileBytes);
    QByteArray content = file.read(limit + 1);
    if (content.size() > limit)
        return Error{QStringLiteral("cannot read %1 %2: larger than %3 bytes (the lab's limit)")
                         .arg(what, path)
                         .arg(limit)
                         .toStdString()};
    return content;
}

} // namespace lab
