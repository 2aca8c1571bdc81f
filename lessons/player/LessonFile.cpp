#include "player/LessonFile.h"

#include "console/ConsoleLine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <initializer_list>

// A static library's resources are registered only when asked for, outside any namespace.
static void initLessonsResource() {
    Q_INIT_RESOURCE(lessons);
}

namespace lab {
namespace {

const QStringList kStates = {QStringLiteral("created"),  QStringLiteral("running"),
                             QStringLiteral("paused"),   QStringLiteral("restarting"),
                             QStringLiteral("removing"), QStringLiteral("exited"),
                             QStringLiteral("dead"),     QStringLiteral("removed")};
const QStringList kAsks = {QStringLiteral("state"), QStringLiteral("exitCode"),
                           QStringLiteral("status"), QStringLiteral("events"),
                           QStringLiteral("duration")};
const QStringList kChecks = {QStringLiteral("state"),        QStringLiteral("exitCode"),
                             QStringLiteral("restartCount"), QStringLiteral("oomKilled"),
                             QStringLiteral("events"),       QStringLiteral("visited")};
const QStringList kFaults = {QStringLiteral("nextRemovalFails"), QStringLiteral("oom")};
const QStringList kPlaceholders = {QStringLiteral("exitCode"), QStringLiteral("state"),
                                   QStringLiteral("restartCount"), QStringLiteral("status")};

QString quoted(const QStringList& words) {
    return u'"' + words.join(QStringLiteral("\", \"")) + u'"';
}

// line:column of a byte offset, as an editor shows it.
QString position(const QByteArray& json, qsizetype offset) {
    const QByteArray before = json.left(offset);
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return QStringLiteral("%1:%2").arg(line).arg(column);
}

class LessonReader {
public:
    LessonReader(QString source, QString worldDirectory)
        : m_source(std::move(source)), m_worldDirectory(std::move(worldDirectory)) {}

    Expected<Lesson> read(const QJsonValue& root, const QString& id) {
        Lesson lesson;
        lesson.id = id;
        lesson.source = m_source;
        const QJsonObject top =
            object(root, QString(),
                   {"title", "summary", "world", "seed", "backend", "whyReal", "steps", "drill"},
                   {"title", "summary"});
        if (!m_error.isEmpty())
            return fail();
        lesson.title = text(top, QStringLiteral("/title"), true);
        lesson.summary = text(top, QStringLiteral("/summary"), true);
        lesson.worldFile = world(top.value(QStringLiteral("world")));
        lesson.seed = wholeNumber(top, QStringLiteral("/seed"), 1);
        const QString backend = choice(top, QStringLiteral("/backend"),
                                       {QStringLiteral("sim"), QStringLiteral("real")}, "sim");
        lesson.needsRealBackend = backend == QLatin1String("real");
        lesson.whyReal = text(top, QStringLiteral("/whyReal"), lesson.needsRealBackend);
        if (!lesson.needsRealBackend && top.contains(QStringLiteral("whyReal")))
            refuse(QStringLiteral("/whyReal"), QStringLiteral("only a lesson with \"backend\": "
                                                              "\"real\" says why it needs it"));
        if (top.contains(QStringLiteral("drill"))) {
            const QJsonObject drill =
                object(top.value(QStringLiteral("drill")), QStringLiteral("/drill"), {"questions"},
                       {"questions"});
            lesson.drillQuestions =
                static_cast<int>(wholeNumber(drill, QStringLiteral("/drill/questions"), 1));
            if (m_error.isEmpty() && (lesson.drillQuestions < 1 || lesson.drillQuestions > 100))
                refuse(QStringLiteral("/drill/questions"),
                       QStringLiteral("expected 1 to 100 questions"));
        }
        const QJsonValue steps = top.value(QStringLiteral("steps"));
        if (!steps.isArray() && !(steps.isUndefined() && lesson.drillQuestions > 0))
            expect(QStringLiteral("/steps"), QStringLiteral("an array of steps"), steps);
        const QJsonArray stepArray = steps.toArray();
        if (m_error.isEmpty() && stepArray.isEmpty() && lesson.drillQuestions == 0)
            refuse(QStringLiteral("/steps"), QStringLiteral("a lesson needs at least one step"));
        for (qsizetype i = 0; i < stepArray.size() && m_error.isEmpty(); ++i)
            lesson.steps.push_back(step(stepArray[i], QStringLiteral("/steps/%1").arg(i)));
        if (!m_error.isEmpty())
            return fail();
        return lesson;
    }

private:
    LessonStep step(const QJsonValue& value, const QString& at) {
        LessonStep result;
        const QJsonObject step =
            object(value, at, {"text", "commands", "fault", "predict", "after", "checks", "hint"},
                   {"text"});
        result.text = text(step, at + QStringLiteral("/text"), true);
        result.after = text(step, at + QStringLiteral("/after"), false);
        result.hint = text(step, at + QStringLiteral("/hint"), false);
        const QJsonArray commands = array(step, at + QStringLiteral("/commands"));
        for (qsizetype i = 0; i < commands.size() && m_error.isEmpty(); ++i)
            result.commands << command(commands[i], at + QStringLiteral("/commands/%1").arg(i));
        if (step.contains(QStringLiteral("fault")))
            result.fault =
                fault(step.value(QStringLiteral("fault")), at + QStringLiteral("/fault"));
        if (step.contains(QStringLiteral("predict"))) {
            result.predict =
                predict(step.value(QStringLiteral("predict")), at + QStringLiteral("/predict"));
            if (m_error.isEmpty() && result.commands.isEmpty())
                refuse(at + QStringLiteral("/predict"),
                       QStringLiteral("a question needs commands whose outcome it asks about"));
        }
        const QJsonArray checks = array(step, at + QStringLiteral("/checks"));
        for (qsizetype i = 0; i < checks.size() && m_error.isEmpty(); ++i)
            result.checks.push_back(check(checks[i], at + QStringLiteral("/checks/%1").arg(i)));
        return result;
    }

    QString command(const QJsonValue& value, const QString& at) {
        if (!value.isString()) {
            expect(at, QStringLiteral("a console line (a docker command or @sleep N)"), value);
            return {};
        }
        const ConsoleLine line = readConsoleLine(value.toString().toStdString());
        if (line.kind == ConsoleLine::Kind::Invalid)
            refuse(at, QString::fromStdString(line.error));
        else if (line.kind == ConsoleLine::Kind::Nothing)
            refuse(at, QStringLiteral("an empty line or a comment is not a command"));
        return value.toString();
    }

    FaultAction fault(const QJsonValue& value, const QString& at) {
        FaultAction result;
        const QJsonObject fault = object(value, at, {"kind", "container"}, {"kind"});
        const QString kind = choice(fault, at + QStringLiteral("/kind"), kFaults, nullptr);
        result.kind = kind == QLatin1String("oom") ? FaultAction::Kind::OutOfMemory
                                                   : FaultAction::Kind::NextRemovalFails;
        result.container = name(fault, at + QStringLiteral("/container"),
                                result.kind == FaultAction::Kind::OutOfMemory);
        return result;
    }

    Predict predict(const QJsonValue& value, const QString& at) {
        Predict result;
        const QJsonObject predict =
            object(value, at, {"ask", "container", "question", "explain"}, {"ask", "question"});
        const QString ask = choice(predict, at + QStringLiteral("/ask"), kAsks, nullptr);
        result.ask = static_cast<AskKind>(std::max<qsizetype>(0, kAsks.indexOf(ask)));
        const bool aboutContainer =
            result.ask != AskKind::CommandStatus && result.ask != AskKind::Seconds;
        result.container = name(predict, at + QStringLiteral("/container"), aboutContainer);
        if (m_error.isEmpty() && !aboutContainer && predict.contains(QStringLiteral("container")))
            refuse(at + QStringLiteral("/container"),
                   QStringLiteral("\"%1\" is about the whole step, not one container").arg(ask));
        result.question = text(predict, at + QStringLiteral("/question"), true);
        result.explain = text(predict, at + QStringLiteral("/explain"), false);
        return result;
    }

    Check check(const QJsonValue& value, const QString& at) {
        Check result;
        result.pointer = at;
        QStringList allowed = kChecks;
        allowed << QStringLiteral("container");
        const QJsonObject check = object(value, at, {}, {"container"}, allowed);
        result.container = name(check, at + QStringLiteral("/container"), true);
        QStringList kinds;
        for (const QString& kind : kChecks)
            if (check.contains(kind))
                kinds << kind;
        if (m_error.isEmpty() && kinds.size() != 1) {
            refuse(at, QStringLiteral("a check tests one thing: give exactly one of %1")
                           .arg(quoted(kChecks)));
            return result;
        }
        if (!m_error.isEmpty())
            return result;
        const QString kind = kinds.front();
        const QString where = at + u'/' + kind;
        result.kind = static_cast<Check::Kind>(kChecks.indexOf(kind));
        switch (result.kind) {
        case Check::Kind::State:
            result.state = choice(check, where, kStates, nullptr);
            break;
        case Check::Kind::ExitCode:
        case Check::Kind::RestartCount:
            result.number = static_cast<int>(wholeNumber(check, where, 0));
            break;
        case Check::Kind::OomKilled:
            if (!check.value(kind).isBool())
                expect(where, QStringLiteral("true or false"), check.value(kind));
            result.flag = check.value(kind).toBool();
            break;
        case Check::Kind::Events:
        case Check::Kind::Visited: {
            const QJsonArray items = array(check, where);
            if (m_error.isEmpty() && items.isEmpty())
                refuse(where, QStringLiteral("expected at least one entry"));
            for (qsizetype i = 0; i < items.size() && m_error.isEmpty(); ++i) {
                const QString item = items[i].toString();
                const QString itemAt = where + QStringLiteral("/%1").arg(i);
                if (!items[i].isString() || item.isEmpty())
                    expect(itemAt, QStringLiteral("a non-empty string"), items[i]);
                else if (result.kind == Check::Kind::Visited && !kStates.contains(item))
                    refuse(itemAt, QStringLiteral("expected one of %1, got \"%2\"")
                                       .arg(quoted(kStates), item));
                result.sequence << item;
            }
            break;
        }
        }
        return result;
    }

    // A text in both languages; required texts must exist, and no language may be left empty.
    LocalText text(const QJsonObject& parent, const QString& at, bool required) {
        const QString key = at.section(u'/', -1);
        if (!m_error.isEmpty() || (!required && !parent.contains(key)))
            return {};
        if (!parent.contains(key)) {
            refuse(at, QStringLiteral("missing"));
            return {};
        }
        const QJsonObject languages =
            object(parent.value(key), at, {"en", "zh_CN"}, {"en", "zh_CN"});
        LocalText result;
        result.en = nonEmpty(languages, at + QStringLiteral("/en"));
        result.zhCN = nonEmpty(languages, at + QStringLiteral("/zh_CN"));
        placeholders(result.en, at + QStringLiteral("/en"));
        placeholders(result.zhCN, at + QStringLiteral("/zh_CN"));
        return result;
    }

    // {exitCode:web} and friends are filled from the engine; a mistyped one is an error, and
    // docker's own templates ({{.State.Status}}) are left alone.
    void placeholders(const QString& text, const QString& at) {
        for (auto it = placeholderPattern().globalMatch(text); it.hasNext() && m_error.isEmpty();) {
            const auto match = it.next();
            const QString kind = match.captured(1);
            if (!kPlaceholders.contains(kind))
                refuse(at, QStringLiteral("unknown placeholder \"%1\": expected one of %2")
                               .arg(match.captured(0), quoted(kPlaceholders)));
            else if ((kind == QLatin1String("status")) != match.captured(2).isEmpty())
                refuse(at, QStringLiteral("placeholder \"%1\": {status} takes no container, the "
                                          "others need one ({exitCode:NAME})")
                               .arg(match.captured(0)));
        }
    }

    QString nonEmpty(const QJsonObject& parent, const QString& at) {
        const QJsonValue value = parent.value(at.section(u'/', -1));
        if (m_error.isEmpty() && (!value.isString() || value.toString().trimmed().isEmpty()))
            expect(at, QStringLiteral("a non-empty string"), value);
        return value.toString();
    }

    QString name(const QJsonObject& parent, const QString& at, bool required) {
        const QJsonValue value = parent.value(at.section(u'/', -1));
        if (!m_error.isEmpty() || (value.isUndefined() && !required))
            return {};
        if (!value.isString() || value.toString().isEmpty())
            expect(at, QStringLiteral("a container name"), value);
        return value.toString();
    }

    QString choice(const QJsonObject& parent, const QString& at, const QStringList& choices,
                   const char* fallback) {
        const QJsonValue value = parent.value(at.section(u'/', -1));
        if (!m_error.isEmpty())
            return {};
        if (value.isUndefined() && fallback)
            return QString::fromLatin1(fallback);
        if (!value.isString() || !choices.contains(value.toString()))
            expect(at, QStringLiteral("one of %1").arg(quoted(choices)), value);
        return value.toString();
    }

    qint64 wholeNumber(const QJsonObject& parent, const QString& at, qint64 fallback) {
        const QJsonValue value = parent.value(at.section(u'/', -1));
        if (!m_error.isEmpty() || value.isUndefined())
            return fallback;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number < 0 || number > 1e15 || number != qint64(number))
            expect(at, QStringLiteral("a whole number, 0 or more"), value);
        return qint64(number);
    }

    QJsonArray array(const QJsonObject& parent, const QString& at) {
        const QJsonValue value = parent.value(at.section(u'/', -1));
        if (m_error.isEmpty() && !value.isUndefined() && !value.isArray())
            expect(at, QStringLiteral("an array"), value);
        return value.toArray();
    }

    QString world(const QJsonValue& value) {
        if (!m_error.isEmpty() || value.isUndefined() ||
            value.toString() == QLatin1String("default"))
            return {};
        if (!value.isString() || value.toString().isEmpty()) {
            expect(QStringLiteral("/world"), QStringLiteral("\"default\" or a world file name"),
                   value);
            return {};
        }
        const QString path = QDir(m_worldDirectory).filePath(value.toString());
        if (!QFileInfo::exists(path))
            refuse(QStringLiteral("/world"),
                   QStringLiteral("no world file \"%1\" next to the lesson").arg(value.toString()));
        return path;
    }

    // An object with only the known keys (or the keys of allowed, when given) and the required.
    QJsonObject object(const QJsonValue& value, const QString& at,
                       std::initializer_list<const char*> known,
                       std::initializer_list<const char*> required, QStringList allowed = {}) {
        if (!m_error.isEmpty())
            return {};
        if (!value.isObject()) {
            expect(at.isEmpty() ? QStringLiteral("/") : at, QStringLiteral("an object"), value);
            return {};
        }
        for (const char* key : known)
            allowed << QString::fromLatin1(key);
        const QJsonObject result = value.toObject();
        for (auto it = result.begin(); it != result.end() && m_error.isEmpty(); ++it)
            if (!allowed.contains(it.key()))
                refuse(at + u'/' + it.key(),
                       QStringLiteral("unknown key; expected one of %1").arg(quoted(allowed)));
        for (const char* key : required)
            if (m_error.isEmpty() && !result.contains(QLatin1String(key)))
                refuse(at + u'/' + QLatin1String(key), QStringLiteral("missing"));
        return result;
    }

    void expect(const QString& at, const QString& what, const QJsonValue& got) {
        QString shown =
            QString::fromUtf8(QJsonDocument(QJsonArray{got}).toJson(QJsonDocument::Compact));
        shown = got.isUndefined() ? QStringLiteral("nothing") : shown.mid(1, shown.size() - 2);
        refuse(at, QStringLiteral("expected %1, got %2").arg(what, shown));
    }

    void refuse(const QString& at, const QString& reason) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: %2: %3").arg(m_source, at, reason);
    }

    Error fail() const { return Error{m_error.toStdString()}; }

    QString m_source;
    QString m_worldDirectory;
    QString m_error; ///< the first refusal; later ones would only follow from it
};

} // namespace

const QRegularExpression& placeholderPattern() {
    static const QRegularExpression pattern(
        QStringLiteral(R"((?<!\{)\{([A-Za-z]+)(?::([^{}]*))?\}(?!\}))"));
    return pattern;
}

QString languageCode(Language language) {
    return language == Language::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

Language languageFor(const QLocale& locale) {
    return locale.language() == QLocale::Chinese ? Language::Chinese : Language::English;
}

Expected<Lesson> loadLessonJson(const QByteArray& json, const QString& sourceName,
                                const QString& id, const QString& worldDirectory) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{
            QStringLiteral("%1:%2: invalid JSON: %3")
                .arg(sourceName, position(json, parseError.offset), parseError.errorString())
                .toStdString()};
    const QJsonValue root =
        document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    return LessonReader(sourceName, worldDirectory).read(root, id);
}

Expected<Lesson> loadLessonFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot read lesson %1: %2")
                         .arg(path, file.errorString())
                         .toStdString()};
    const QFileInfo info(path);
    return loadLessonJson(file.readAll(), path, info.completeBaseName(), info.absolutePath());
}

QString builtInLessonDirectory() {
    initLessonsResource();
    return QStringLiteral(":/lessons");
}

Expected<std::vector<Lesson>> loadLessonDirectory(const QString& directory) {
    const QStringList names =
        QDir(directory).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    std::vector<Lesson> lessons;
    for (const QString& name : names) {
        auto lesson = loadLessonFile(QDir(directory).filePath(name));
        if (!lesson)
            return lesson.error();
        lessons.push_back(std::move(*lesson));
    }
    return lessons;
}

Expected<Lesson> findLesson(const QString& idOrPath) {
    if (idOrPath.endsWith(QLatin1String(".json")))
        return loadLessonFile(idOrPath);
    auto lessons = loadLessonDirectory(builtInLessonDirectory());
    if (!lessons)
        return lessons.error();
    QStringList ids;
    for (Lesson& lesson : *lessons) {
        // "03-run-flow", "run-flow" and "03" all name the same lesson.
        if (lesson.id == idOrPath || lesson.id.section(u'-', 1) == idOrPath ||
            lesson.id.section(u'-', 0, 0) == idOrPath)
            return std::move(lesson);
        ids << lesson.id;
    }
    return Error{QStringLiteral("no lesson \"%1\"; the lessons are: %2")
                     .arg(idOrPath, ids.join(QStringLiteral(", ")))
                     .toStdString()};
}

} // namespace lab
