#pragma once
// Reading a file the user named (a script, a world) without trusting it to end: /dev/zero or a
// pipe that never closes is refused once it passes limits::kInputFileBytes.

#include "base/Expected.h"

#include <QByteArray>
#include <QString>

namespace lab {

/// The whole file at path; `what` names it in errors ("script", "world file").
Expected<QByteArray> readInputFile(const QString& path, const QString& what);

} // namespace lab
