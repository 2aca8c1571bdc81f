#include "session/JsonPlace.h"

#include <QRegularExpression>

namespace lab {

QString jsonTypeName(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString jsonMember(const QString& path, const QString& key) {
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (identifier.match(key).hasMatch())
        return path.isEmpty() ? key : path + u'.' + key;
    return path + QStringLiteral("[\"") + key + QStringLiteral("\"]");
}

QString jsonElement(const QString& path, qsizetype index) {
    return path + u'[' + QString::number(index) + u']';
}

} // namespace lab
