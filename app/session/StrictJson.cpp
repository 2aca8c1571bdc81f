#include "session/StrictJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>
#include <QVector>
#include <algorithm>

namespace lab {
namespace {

// QJsonParseError gives a byte offset; people look for a line and a column.
QString position(const QByteArray& json, qsizetype offset) {
    const QByteArray before = json.left(std::clamp<qsizetype>(offset, 0, json.size()));
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const QString column = QString::fromUtf8(before.mid(lineStart));
    return QStringLiteral("%1:%2").arg(before.count('\n') + 1).arg(column.size() + 1);
}

// The end of the string literal that starts at json[start] (a '"'), past its closing quote.
qsizetype stringEnd(const QByteArray& json, qsizetype start) {
    qsizetype i = start + 1;
    while (i < json.size() && json[i] != '"')
        i += json[i] == '\\' ? 2 : 1;
    return i + 1;
}

// The offset of the first key that repeats within its object, or -1. Runs on text Qt has
// already accepted, so only strings, brackets and colons need telling apart.
qsizetype firstDuplicateKey(const QByteArray& json) {
    QVector<QSet<QByteArray>> objects; // one key set per open object; arrays hold none
    QVector<bool> isObject;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '{' || c == '[') {
            isObject.push_back(c == '{');
            objects.push_back({});
        } else if (c == '}' || c == ']') {
            isObject.pop_back();
            objects.pop_back();
        } else if (c == '"') {
            const qsizetype end = stringEnd(json, i);
            qsizetype next = end;
            while (next < json.size() && QByteArrayView(" \t\r\n").contains(json[next]))
                ++next;
            const bool key =
                !isObject.isEmpty() && isObject.back() && next < json.size() && json[next] == ':';
            if (key) {
                const QByteArray name = json.mid(i, end - i);
                if (objects.back().contains(name))
                    return i;
                objects.back().insert(name);
            }
            i = end - 1;
        }
    }
    return -1;
}

Error invalid(const QByteArray& json, const QString& sourceName, qsizetype offset,
              const QString& reason) {
    return Error{
        (sourceName + u':' + position(json, offset) + QStringLiteral(": invalid JSON: ") + reason)
            .toStdString()};
}

} // namespace

Expected<QJsonValue> parseStrictJson(const QByteArray& json, const QString& sourceName) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // A lone value (null, 3, "x") is valid JSON that QJsonDocument refuses at the top level:
        // hand it on, so the caller can say it is not what it expected.
        QJsonParseError wrappedError;
        const QJsonDocument wrapped = QJsonDocument::fromJson('[' + json + ']', &wrappedError);
        if (wrappedError.error == QJsonParseError::NoError && wrapped.array().size() == 1)
            return wrapped.array().at(0);
        return invalid(json, sourceName, parseError.offset, parseError.errorString());
    }
    if (const qsizetype duplicate = firstDuplicateKey(json); duplicate >= 0)
        return invalid(json, sourceName, duplicate,
                       QStringLiteral("duplicate key %1")
                           .arg(QString::fromUtf8(
                               json.mid(duplicate, stringEnd(json, duplicate) - duplicate))));
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

} // namespace lab
