#pragma once
// How the lab's JSON readers (world files, session files) name a place and a type in their
// errors: paths as a reader of the file would write them, images[2].tags[0],
// registries[0].repositories["library/busybox"]["1.36"].cmd.

#include <QJsonValue>
#include <QString>

namespace lab {

/// "a string", "an array", "null": what a value is, for "expected X, got Y".
QString jsonTypeName(const QJsonValue& value);

/// path's member key: path.key, or path["key"] when key is not an identifier.
QString jsonMember(const QString& path, const QString& key);

/// path's element index: path[index].
QString jsonElement(const QString& path, qsizetype index);

} // namespace lab
