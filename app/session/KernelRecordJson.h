#pragma once
// A KernelRecord in a session file (docs/SESSION-FORMAT.md, "kernel"): times are whole
// nanoseconds since the session's start, as the entries' are. The reader trusts nothing.

#include "base/Expected.h"
#include "session/KernelRecord.h"

#include <QJsonObject>
#include <QString>

namespace lab {

/// The "kernel" object of a session file; times count from start.
QJsonObject kernelRecordToJson(const KernelRecord& record, TimePoint start);

/// Checks and reads the "kernel" object at path of source; times count from start.
Expected<KernelRecord> readKernelRecord(const QJsonValue& value, TimePoint start,
                                        const QString& source, const QString& path);

} // namespace lab
