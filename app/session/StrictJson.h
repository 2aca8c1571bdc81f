#pragma once
// JSON as RFC 8259 has it, stricter than QJsonDocument where a world file needs it: a duplicate
// key is an error (Qt keeps the last one silently), and a document that is valid JSON but not
// an object or array (`null`, `3`) is parsed, so the caller can say what it expected instead of
// calling it invalid JSON.

#include "base/Expected.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace lab {

/// Parses json; errors read "SOURCE:LINE:COLUMN: invalid JSON: reason".
Expected<QJsonValue> parseStrictJson(const QByteArray& json, const QString& sourceName);

} // namespace lab
