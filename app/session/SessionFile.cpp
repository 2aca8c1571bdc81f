#include "session/SessionFile.h"

#include "cli/Commands.h"
#include "session/InputFile.h"
#include "session/JsonReader.h"
#include "session/KernelRecordJson.h"
#include "session/StrictJson.h"
#include "session/WorldFile.h"
#include "session/WorldJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>
#include <cmath>

namespace lab {
namespace {

const QString kFormatName = QStringLiteral("lifecycle-lab session");
// Sizes no honest file reaches: a lesson is tens of commands, a long class a few thousand.
constexpr qsizetype kMaxEntries = 100000;
constexpr qsizetype kMaxWords = 10000;
// JSON numbers are doubles: integers are exact up to 2^53 ns of engine time (104 days).
constexpr double kLatest = 9007199254740992.0;

bool knownCommand(const std::vector<std::string>& command) {
    if (command.empty())
        return false;
    const auto& specs = cli::commandSpecs();
    return std::any_of(specs.begin(), specs.end(),
                       [&](const cli::CommandSpec& spec) { return spec.name == command.front(); });
}

QJsonObject entryToJson(const SessionEntry& entry) {
    QJsonObject json{{QStringLiteral("at"), qint64(entry.at.count())}};
    if (entry.action) {
        json.insert(QStringLiteral("action"),
                    QString::fromStdString(std::string(actionName(entry.action->kind))));
        if (!entry.action->container.empty())
            json.insert(QStringLiteral("container"),
                        QString::fromStdString(entry.action->container));
        return json;
    }
    QJsonArray words;
    for (const std::string& word : entry.command)
        words.append(QString::fromStdString(word));
    json.insert(QStringLiteral("command"), words);
    if (entry.typed.empty())
        return json;
    QJsonArray typed;
    for (const TimedInput& each : entry.typed) {
        QJsonObject item{{QStringLiteral("at"), qint64(each.at.count())}};
        if (each.input.kind == TypedInput::Kind::Stdin)
            item.insert(QStringLiteral("stdin"), QString::fromStdString(each.input.bytes));
        else
            item.insert(QStringLiteral("keys"),
                        QString::fromStdString(std::string(keysName(each.input.kind))));
        typed.append(item);
    }
    json.insert(QStringLiteral("typed"), typed);
    return json;
}

class SessionReader : public JsonReader {
public:
    explicit SessionReader(QString source) : JsonReader(std::move(source)) {}

    Expected<SessionRecording> read(const QJsonValue& root) const {
        // First: a world or lesson file opened by mistake is named as such, not picked apart.
        if (root.toObject().value(QStringLiteral("format")) != kFormatName)
            return fail(
                QStringLiteral("format"),
                QStringLiteral("expected \"%1\": this is not a session file").arg(kFormatName));
        auto object = this->object(
            root, {},
            {"format", "version", "backend", "seed", "start", "world", "entries", "kernel"},
            {"version", "backend", "seed", "world", "entries"});
        if (!object)
            return object.error();
        const QJsonObject& top = *object;
        if (auto version = this->version(top.value(QStringLiteral("version"))); !version)
            return version.error();
        const QJsonValue backend = top.value(QStringLiteral("backend"));
        if (backend != QStringLiteral("simulation") && backend != QStringLiteral("real"))
            return fail(QStringLiteral("backend"),
                        QStringLiteral("expected \"simulation\" or \"real\""));
        SessionRecording recording;
        auto seed = this->digits(top.value(QStringLiteral("seed")), QStringLiteral("seed"));
        if (!seed)
            return seed.error();
        recording.seed = *seed;
        if (auto kernel = this->kernel(top, backend == QStringLiteral("real"), recording); !kernel)
            return kernel.error();
        auto world =
            readWorld(top.value(QStringLiteral("world")), m_source, QStringLiteral("world"));
        if (!world)
            return world.error();
        recording.world = std::move(*world);
        auto entries = this->entries(top.value(QStringLiteral("entries")));
        if (!entries)
            return entries.error();
        recording.entries = std::move(*entries);
        return recording;
    }

private:
    Status version(const QJsonValue& value) const {
        const QString path = QStringLiteral("version");
        if (!value.isDouble() || value.toDouble() != std::floor(value.toDouble()))
            return wrongType(value, path, "a whole number");
        if (value.toDouble() != kSessionFormatVersion)
            return fail(path, QStringLiteral("version %1 is not one this lab reads (it reads "
                                             "version %2%3)")
                                  .arg(value.toDouble())
                                  .arg(kSessionFormatVersion)
                                  .arg(value.toDouble() > kSessionFormatVersion
                                           ? QStringLiteral("; a newer lab wrote it")
                                           : QString()));
        return Ok{};
    }

    // A real session's start and what its kernel told it; neither on the simulation.
    Status kernel(const QJsonObject& top, bool real, SessionRecording& recording) const {
        for (const char* key : {"start", "kernel"})
            if (top.contains(QLatin1String(key)) != real)
                return real ? fail({}, QStringLiteral("missing key \"%1\"").arg(QLatin1String(key)))
                            : fail(QLatin1String(key),
                                   QStringLiteral("only a session on the real backend has it"));
        if (!real)
            return Ok{};
        auto start = digits(top.value(QStringLiteral("start")), QStringLiteral("start"));
        if (!start)
            return start.error();
        if (*start > std::uint64_t(std::numeric_limits<Duration::rep>::max()))
            return fail(QStringLiteral("start"), QStringLiteral("past the clock's range"));
        recording.start = TimePoint(Duration(Duration::rep(*start)));
        auto kernel = readKernelRecord(top.value(QStringLiteral("kernel")), recording.start,
                                       m_source, QStringLiteral("kernel"));
        if (!kernel)
            return kernel.error();
        recording.kernel = std::make_shared<const KernelRecord>(std::move(*kernel));
        return Ok{};
    }

    // A string of digits: a double cannot hold every 64-bit number.
    Expected<std::uint64_t> digits(const QJsonValue& value, const QString& path) const {
        if (!value.isString())
            return wrongType(value, path, "a whole number as a string, such as \"1\"");
        const QString text = value.toString();
        bool ok = !text.isEmpty() &&
                  std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
        const qulonglong seed = ok ? text.toULongLong(&ok, 10) : 0;
        if (!ok)
            return fail(path, QStringLiteral("expected a whole number from 0 to %1, got \"%2\"")
                                  .arg(std::numeric_limits<std::uint64_t>::max())
                                  .arg(text));
        return std::uint64_t{seed};
    }

    Expected<std::vector<SessionEntry>> entries(const QJsonValue& value) const {
        const QString path = QStringLiteral("entries");
        if (!value.isArray())
            return wrongType(value, path, "an array");
        const QJsonArray list = value.toArray();
        if (list.size() > kMaxEntries)
            return fail(path, QStringLiteral("%1 entries is more than the lab reads (%2)")
                                  .arg(list.size())
                                  .arg(kMaxEntries));
        std::vector<SessionEntry> result;
        Duration latest{}; // of the entries and what was typed into them
        for (qsizetype i = 0; i < list.size(); ++i) {
            auto entry = this->entry(list.at(i), jsonElement(path, i));
            if (!entry)
                return entry.error();
            if (auto forward = inOrder(entry->at, latest,
                                       jsonMember(jsonElement(path, i), QStringLiteral("at")));
                !forward)
                return forward.error();
            latest = entry->at;
            for (std::size_t k = 0; k < entry->typed.size(); ++k) {
                const QString typedPath = jsonElement(
                    jsonMember(jsonElement(path, i), QStringLiteral("typed")), qsizetype(k));
                if (auto forward = inOrder(entry->typed[k].at, latest,
                                           jsonMember(typedPath, QStringLiteral("at")));
                    !forward)
                    return forward.error();
                latest = entry->typed[k].at;
            }
            result.push_back(std::move(*entry));
        }
        return result;
    }

    Status inOrder(Duration at, Duration latest, const QString& path) const {
        if (at < latest)
            return fail(path, QStringLiteral("engine time goes backwards (%1 ns, after %2 ns)")
                                  .arg(at.count())
                                  .arg(latest.count()));
        return Ok{};
    }

    Expected<Duration> engineTime(const QJsonValue& at, const QString& path) const {
        if (!at.isDouble() || at.toDouble() != std::floor(at.toDouble()))
            return wrongType(at, path, "whole nanoseconds of engine time");
        if (at.toDouble() < 0 || at.toDouble() > kLatest)
            return fail(path, QStringLiteral("%1 ns is outside 0 to 2^53 ns").arg(at.toDouble()));
        return Duration(static_cast<Duration::rep>(at.toDouble()));
    }

    Expected<SessionEntry> entry(const QJsonValue& value, const QString& path) const {
        auto object =
            this->object(value, path, {"at", "command", "typed", "action", "container"}, {"at"});
        if (!object)
            return object.error();
        const QJsonObject& json = *object;
        SessionEntry entry;
        auto at =
            engineTime(json.value(QStringLiteral("at")), jsonMember(path, QStringLiteral("at")));
        if (!at)
            return at.error();
        entry.at = *at;
        const bool isCommand = json.contains(QStringLiteral("command"));
        if (isCommand == json.contains(QStringLiteral("action")))
            return fail(path, QStringLiteral("expected either \"command\" or \"action\""));
        if (isCommand) {
            auto command = words(json.value(QStringLiteral("command")),
                                 jsonMember(path, QStringLiteral("command")));
            if (!command)
                return command.error();
            entry.command = std::move(*command);
            if (json.contains(QStringLiteral("container")))
                return fail(jsonMember(path, QStringLiteral("container")),
                            QStringLiteral("only an action has a container"));
            if (json.contains(QStringLiteral("typed"))) {
                auto typed = this->typed(json.value(QStringLiteral("typed")),
                                         jsonMember(path, QStringLiteral("typed")));
                if (!typed)
                    return typed.error();
                entry.typed = std::move(*typed);
            }
            return entry;
        }
        if (json.contains(QStringLiteral("typed")))
            return fail(jsonMember(path, QStringLiteral("typed")),
                        QStringLiteral("only a command has what was typed into it"));
        auto action = this->action(json, path);
        if (!action)
            return action.error();
        entry.action = std::move(*action);
        return entry;
    }

    // What was typed into a waiting command: {"at", "keys"} or {"at", "stdin"} each.
    Expected<std::vector<TimedInput>> typed(const QJsonValue& value, const QString& path) const {
        if (!value.isArray())
            return wrongType(value, path, "an array");
        const QJsonArray list = value.toArray();
        if (list.size() > kMaxEntries)
            return fail(path, QStringLiteral("%1 inputs is more than the lab reads (%2)")
                                  .arg(list.size())
                                  .arg(kMaxEntries));
        std::vector<TimedInput> result;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString itemPath = jsonElement(path, i);
            auto object = this->object(list.at(i), itemPath, {"at", "keys", "stdin"}, {"at"});
            if (!object)
                return object.error();
            auto at = engineTime(object->value(QStringLiteral("at")),
                                 jsonMember(itemPath, QStringLiteral("at")));
            if (!at)
                return at.error();
            const QJsonValue keys = object->value(QStringLiteral("keys"));
            const QJsonValue stdinText = object->value(QStringLiteral("stdin"));
            if (keys.isUndefined() == stdinText.isUndefined())
                return fail(itemPath, QStringLiteral("expected either \"keys\" or \"stdin\""));
            if (!stdinText.isUndefined()) {
                if (!stdinText.isString() || stdinText.toString().isEmpty())
                    return wrongType(stdinText, jsonMember(itemPath, QStringLiteral("stdin")),
                                     "the text written to the container's stdin");
                result.push_back(
                    {*at, {TypedInput::Kind::Stdin, stdinText.toString().toStdString()}});
                continue;
            }
            const auto kind =
                keys.isString() ? keysKind(keys.toString().toStdString()) : std::nullopt;
            if (!kind)
                return fail(jsonMember(itemPath, QStringLiteral("keys")),
                            QStringLiteral("expected \"ctrl-c\", \"ctrl-d\" or "
                                           "\"ctrl-p ctrl-q\""));
            result.push_back({*at, {*kind, {}}});
        }
        return result;
    }

    Expected<std::vector<std::string>> words(const QJsonValue& value, const QString& path) const {
        if (!value.isArray())
            return wrongType(value, path, "an array of words");
        const QJsonArray list = value.toArray();
        if (list.isEmpty() || list.size() > kMaxWords)
            return fail(
                path,
                QStringLiteral("expected 1 to %1 words, got %2").arg(kMaxWords).arg(list.size()));
        std::vector<std::string> result;
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (!list.at(i).isString())
                return wrongType(list.at(i), jsonElement(path, i), "a string");
            result.push_back(list.at(i).toString().toStdString());
        }
        if (!knownCommand(result))
            return fail(jsonElement(path, 0), QStringLiteral("unknown command \"%1\"")
                                                  .arg(QString::fromStdString(result.front())));
        return result;
    }

    Expected<EngineAction> action(const QJsonObject& json, const QString& path) const {
        const QString actionPath = jsonMember(path, QStringLiteral("action"));
        const QJsonValue name = json.value(QStringLiteral("action"));
        if (!name.isString())
            return wrongType(name, actionPath, "an action's name");
        const auto kind = actionKind(name.toString().toStdString());
        if (!kind)
            return fail(actionPath, QStringLiteral("unknown action \"%1\" (known: "
                                                   "next-removal-fails, out-of-memory, "
                                                   "restart-daemon)")
                                        .arg(name.toString()));
        EngineAction action{*kind, {}};
        const QJsonValue container = json.value(QStringLiteral("container"));
        const bool needsTarget = *kind == EngineAction::Kind::OutOfMemory;
        if (needsTarget != !container.isUndefined())
            return fail(path, needsTarget
                                  ? QStringLiteral("out-of-memory needs a \"container\"")
                                  : QStringLiteral("%1 takes no container").arg(name.toString()));
        if (needsTarget) {
            if (!container.isString() || container.toString().isEmpty())
                return wrongType(container, jsonMember(path, QStringLiteral("container")),
                                 "a container's ID or name");
            action.container = container.toString().toStdString();
        }
        return action;
    }
};

// An object for a teacher to read: one member a line, an array's items one a line.
QByteArray readable(const QJsonObject& object, const QByteArray& indent) {
    const auto compact = [](const QJsonValue& value) {
        return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    };
    QByteArray text = "{";
    const char* separator = "\n";
    for (auto it = object.begin(); it != object.end(); ++it) {
        text += separator + indent + "  \"" + it.key().toUtf8() + "\": ";
        separator = ",\n";
        if (!it.value().isArray()) {
            text += compact(it.value());
            continue;
        }
        text += "[";
        const char* itemSeparator = "\n";
        for (const QJsonValue& item : it.value().toArray()) {
            text += itemSeparator + indent + "    " + compact(item);
            itemSeparator = ",\n";
        }
        text += "\n" + indent + "  ]";
    }
    return text + "\n" + indent + "}";
}

} // namespace

// Written by hand around Qt's writer for a file a teacher can read: the header first, one entry
// a line, the kernel's record one item a line, the world last (QJsonDocument would sort the keys
// and spread each word on a line).
QByteArray sessionToJson(const SessionRecording& recording) {
    const auto compact = [](const QJsonObject& json) {
        return QJsonDocument(json).toJson(QJsonDocument::Compact);
    };
    const bool real = recording.kernel != nullptr;
    QByteArray text = "{\n  \"format\": \"" + kFormatName.toUtf8() +
                      "\",\n  \"version\": " + QByteArray::number(kSessionFormatVersion) +
                      ",\n  \"backend\": \"" + (real ? "real" : "simulation") +
                      "\",\n  \"seed\": \"" + QByteArray::number(qulonglong(recording.seed)) +
                      "\",";
    if (real)
        text += "\n  \"start\": \"" +
                QByteArray::number(qlonglong(recording.start.time_since_epoch().count())) + "\",";
    text += "\n  \"entries\": [";
    const char* separator = "\n    ";
    for (const SessionEntry& entry : recording.entries)
        if (entry.action || knownCommand(entry.command)) {
            text += separator + compact(entryToJson(entry));
            separator = ",\n    ";
        }
    text += "\n  ],";
    if (real)
        text += "\n  \"kernel\": " +
                readable(kernelRecordToJson(*recording.kernel, recording.start), "  ") + ",";
    text += "\n  \"world\": " +
            QJsonDocument(worldToJson(recording.world))
                .toJson(QJsonDocument::Indented)
                .trimmed()
                .replace("\n", "\n  ") +
            "\n}\n";
    return text;
}

Status saveSessionFile(const SessionRecording& recording, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(sessionToJson(recording)) < 0 ||
        !file.commit())
        return Error{QStringLiteral("cannot write session file %1: %2")
                         .arg(path, file.errorString())
                         .toStdString()};
    return Ok{};
}

Expected<SessionRecording> readSessionJson(const QByteArray& json, const QString& sourceName) {
    if (json.trimmed().isEmpty())
        return Error{(sourceName + QStringLiteral(": the file is empty (expected a session, "
                                                  "docs/SESSION-FORMAT.md)"))
                         .toStdString()};
    const auto root = parseStrictJson(json, sourceName);
    if (!root)
        return root.error();
    return SessionReader(sourceName).read(*root);
}

Expected<SessionRecording> loadSessionFile(const QString& path) {
    const auto content = readInputFile(path, QStringLiteral("session file"));
    if (!content)
        return content.error();
    return readSessionJson(*content, path);
}

} // namespace lab
