#pragma once
// What the lab's JSON readers (world files, session files) share: errors that name the file, the
// place (a path as a reader of the file would write it: images[2].tags[0],
// registries[0].repositories["library/busybox"]["1.36"].cmd) and the reason.

#include "base/Expected.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <initializer_list>

namespace lab {

/// "a string", "an array", "null": what a value is, for "expected X, got Y".
QString jsonTypeName(const QJsonValue& value);

/// path's member key: path.key, or path["key"] when key is not an identifier.
QString jsonMember(const QString& path, const QString& key);

/// path's element index: path[index].
QString jsonElement(const QString& path, qsizetype index);

/// The checks every reader makes, with errors "SOURCE: PLACE: reason".
class JsonReader {
public:
    explicit JsonReader(QString source) : m_source(std::move(source)) {}

protected:
    /// The error at path (empty: the top level).
    Error fail(const QString& path, const QString& reason) const;
    /// "expected EXPECTED, got a number".
    Error wrongType(const QJsonValue& value, const QString& path, const char* expected) const;
    /// An object whose keys are all among allowed, with every required key present.
    Expected<QJsonObject> object(const QJsonValue& value, const QString& path,
                                 std::initializer_list<const char*> allowed,
                                 std::initializer_list<const char*> required) const;

    QString m_source; ///< the file, as errors name it
};

} // namespace lab
