#include "session/JsonReader.h"

#include <QRegularExpression>
#include <QStringList>

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

Error JsonReader::fail(const QString& path, const QString& reason) const {
    const QString where = path.isEmpty() ? QStringLiteral("top level") : path;
    return Error{
        (m_source + QStringLiteral(": ") + where + QStringLiteral(": ") + reason).toStdString()};
}

Error JsonReader::wrongType(const QJsonValue& value, const QString& path,
                            const char* expected) const {
    return fail(
        path,
        QStringLiteral("expected %1, got %2").arg(QLatin1String(expected), jsonTypeName(value)));
}

Expected<QJsonObject> JsonReader::object(const QJsonValue& value, const QString& path,
                                         std::initializer_list<const char*> allowed,
                                         std::initializer_list<const char*> required) const {
    if (!value.isObject())
        return wrongType(value, path, "an object");
    const QJsonObject result = value.toObject();
    QStringList names;
    for (const char* name : allowed)
        names << QLatin1String(name);
    for (auto it = result.begin(); it != result.end(); ++it)
        if (!names.contains(it.key()))
            return fail(jsonMember(path, it.key()), QStringLiteral("unknown key (allowed here: %1)")
                                                        .arg(names.join(QStringLiteral(", "))));
    for (const char* name : required)
        if (!result.contains(QLatin1String(name)))
            return fail(path, QStringLiteral("missing key \"%1\"").arg(QLatin1String(name)));
    return result;
}

} // namespace lab
