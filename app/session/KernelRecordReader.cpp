// readKernelRecord (KernelRecordJson.h): the "kernel" object of a session file, checked.

#include "session/JsonReader.h"
#include "session/KernelRecordJson.h"

#include <QJsonArray>
#include <QStringList>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>

namespace lab {
namespace {

// JSON numbers are doubles: whole numbers are exact up to 2^53.
constexpr double kLargest = 9007199254740992.0;
// More than a class ever makes; the file's own limit (64 MiB) comes first in practice.
constexpr qsizetype kMaxItems = 1000000;

// The reader of one object's members: each read checks the member's type and range and keeps
// the first error, so that an item reads in one expression and fails with its place and reason.
class Members {
public:
    Members(QJsonObject object, QString path,
            std::function<Error(const QString&, const QString&)> fail, TimePoint start)
        : m_object(std::move(object)), m_path(std::move(path)), m_fail(std::move(fail)),
          m_start(start) {}

    bool has(const char* key) const { return m_object.contains(QLatin1String(key)); }

    std::int64_t whole(const char* key, double least, double most) {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return 0;
        const double number = value.toDouble();
        if (!value.isDouble() || number != std::floor(number))
            note(key, QStringLiteral("expected a whole number, got %1").arg(jsonTypeName(value)));
        else if (number < least || number > most)
            note(key, QStringLiteral("%1 is outside %2 to %3")
                          .arg(number)
                          .arg(qint64(least))
                          .arg(qint64(most)));
        return std::int64_t(number);
    }
    int integer(const char* key) {
        return int(whole(key, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
    }
    /// Nanoseconds since the session's start.
    TimePoint time(const char* key) { return m_start + Duration(whole(key, 0, kLargest)); }
    std::optional<std::int64_t> figure(const char* key) {
        if (!has(key))
            return std::nullopt;
        return whole(key, 0, kLargest);
    }
    std::string text(const char* key) {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isString())
            note(key, QStringLiteral("expected a string, got %1").arg(jsonTypeName(value)));
        return value.toString().toStdString();
    }
    /// A container's full ID: 64 hexadecimal digits.
    std::string container() {
        const std::string id = text("container");
        if (id.size() != 64 || id.find_first_not_of("0123456789abcdef") != std::string::npos)
            note("container", QStringLiteral("expected a container's ID (64 hexadecimal digits)"));
        return id;
    }
    bool flag(const char* key) {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isBool())
            note(key, QStringLiteral("expected a boolean, got %1").arg(jsonTypeName(value)));
        return value.toBool();
    }
    /// One of names (its index), or an error that lists them.
    template <std::size_t N>
    std::size_t oneOf(const char* key, const std::array<std::string_view, N>& names) {
        const std::string word = text(key);
        for (std::size_t i = 0; i < N; ++i)
            if (names[i] == word)
                return i;
        QStringList known;
        for (std::string_view name : names)
            known << QString::fromLatin1(name.data(), qsizetype(name.size()));
        note(key, QStringLiteral("unknown \"%1\" (known: %2)")
                      .arg(QString::fromStdString(word), known.join(QStringLiteral(", "))));
        return 0;
    }
    QJsonValue value(const char* key) const { return m_object.value(QLatin1String(key)); }
    QString path(const char* key) const { return jsonMember(m_path, QLatin1String(key)); }
    void note(const char* key, const QString& reason) {
        if (!m_error)
            m_error = m_fail(path(key), reason);
    }
    void note(const Error& error) {
        if (!m_error)
            m_error = error;
    }
    /// The item read, or the first error.
    template <class T> Expected<T> done(T item) const {
        if (m_error)
            return *m_error;
        return item;
    }

private:
    QJsonObject m_object;
    QString m_path;
    std::function<Error(const QString&, const QString&)> m_fail;
    TimePoint m_start;
    std::optional<Error> m_error;
};

class KernelReader : public JsonReader {
public:
    KernelReader(QString source, TimePoint start) : JsonReader(std::move(source)), m_start(start) {}

    Expected<KernelRecord> read(const QJsonValue& value, const QString& path) const {
        auto object = this->object(
            value, path,
            {"cpus", "imagesRefusal", "reports", "answers", "pids", "trace", "samples"},
            {"cpus", "reports", "answers", "pids", "trace", "samples"});
        if (!object)
            return object.error();
        Members top = members(*object, path);
        KernelRecord record;
        record.cpus = int(top.whole("cpus", 1, 4096));
        record.imagesRefusal = top.text("imagesRefusal");
        readList(top, "reports", record.reports, &KernelReader::report);
        readList(top, "answers", record.answers, &KernelReader::answer);
        readList(top, "pids", record.pids, &KernelReader::pid);
        readList(top, "trace", record.trace, &KernelReader::traceLine);
        readList(top, "samples", record.samples, &KernelReader::kept);
        return top.done(std::move(record));
    }

private:
    Members members(const QJsonObject& object, const QString& path) const {
        return Members(
            object, path,
            [this](const QString& at, const QString& reason) { return fail(at, reason); }, m_start);
    }

    template <class T>
    void readList(Members& owner, const char* key, std::vector<T>& items,
                  Expected<T> (KernelReader::*readItem)(const QJsonValue&, const QString&)
                      const) const {
        const QJsonValue value = owner.value(key);
        if (!value.isArray())
            return owner.note(key,
                              QStringLiteral("expected an array, got %1").arg(jsonTypeName(value)));
        const QJsonArray list = value.toArray();
        if (list.size() > kMaxItems)
            return owner.note(key, QStringLiteral("%1 items is more than the lab reads (%2)")
                                       .arg(list.size())
                                       .arg(kMaxItems));
        for (qsizetype i = 0; i < list.size(); ++i) {
            auto item = (this->*readItem)(list.at(i), jsonElement(owner.path(key), i));
            if (!item)
                return owner.note(item.error());
            items.push_back(std::move(*item));
        }
    }

    Expected<KernelReport> report(const QJsonValue& value, const QString& path) const {
        auto object = this->object(value, path,
                                   {"at", "container", "outcome", "eventAt", "exitCode", "signal",
                                    "error", "output", "stderr"},
                                   {"at", "container"});
        if (!object)
            return object.error();
        Members item = members(*object, path);
        KernelReport report{
            item.time("at"), item.container(), {}, item.text("output"), item.flag("stderr")};
        if (item.has("outcome") == item.has("output"))
            return fail(path, QStringLiteral("expected either \"outcome\" or \"output\""));
        if (item.has("outcome")) {
            std::array<std::string_view, kOutcomes.size()> names;
            for (std::size_t i = 0; i < names.size(); ++i)
                names[i] = outcomeName(kOutcomes[i]);
            report.outcome =
                OutcomeEvent{kOutcomes[item.oneOf("outcome", names)], item.time("eventAt"),
                             item.integer("exitCode"), item.integer("signal"), item.text("error")};
        }
        return item.done(std::move(report));
    }

    Expected<KernelAnswer> answer(const QJsonValue& value, const QString& path) const {
        auto object =
            this->object(value, path,
                         {"at", "call", "container", "error", "endedAt", "exitCode", "output",
                          "processes", "sample", "changes", "bytes", "image", "layer"},
                         {"at", "call", "container"});
        if (!object)
            return object.error();
        Members item = members(*object, path);
        KernelAnswer answer;
        answer.at = item.time("at");
        std::array<std::string_view, kKernelCalls.size()> names;
        for (std::size_t i = 0; i < names.size(); ++i)
            names[i] = callName(kKernelCalls[i]);
        answer.call = kKernelCalls[item.oneOf("call", names)];
        // A fault without a target has no container.
        if (!(answer.call == KernelAnswer::Call::Fault && item.value("container") == QString()))
            answer.container = item.container();
        answer.error = item.text("error");
        if (item.has("endedAt"))
            answer.endedAt = item.time("endedAt");
        answer.exitCode = item.integer("exitCode");
        if (item.has("output"))
            readRows(item, "output", [&](Members& row) {
                answer.output.push_back({row.flag("stderr"), row.text("text")});
            });
        if (item.has("processes"))
            readRows(item, "processes", [&](Members& row) {
                answer.processes.push_back({row.integer("pid"), row.integer("ppid"),
                                            row.time("started"), row.text("command")});
            });
        if (item.has("changes"))
            readChanges(item, answer.changes);
        answer.layerBytes = item.figure("bytes").value_or(0);
        answer.image = item.text("image");
        answer.layer = item.text("layer");
        const bool worked = answer.error.empty();
        if (answer.call == KernelAnswer::Call::Usage && worked) {
            if (!item.has("sample"))
                return fail(path, QStringLiteral("missing key \"sample\""));
            auto sample = this->sample(item.value("sample"), item.path("sample"));
            if (!sample)
                return sample.error();
            answer.sample = *sample;
        }
        return item.done(std::move(answer));
    }

    // Each element of the array at key, as an object read by readRow.
    template <class ReadRow> void readRows(Members& owner, const char* key, ReadRow readRow) const {
        const QJsonArray rows = owner.value(key).toArray();
        if (!owner.value(key).isArray() || rows.size() > kMaxItems)
            return owner.note(key,
                              QStringLiteral("expected an array of at most %1").arg(kMaxItems));
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const QString path = jsonElement(owner.path(key), i);
            if (!rows.at(i).isObject())
                return owner.note(wrongType(rows.at(i), path, "an object"));
            Members row = members(rows.at(i).toObject(), path);
            readRow(row);
            if (auto checked = row.done(0); !checked)
                return owner.note(checked.error());
        }
    }

    void readChanges(Members& owner, std::vector<FileChange>& changes) const {
        const QJsonArray lines = owner.value("changes").toArray();
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString line = lines.at(i).toString();
            const qsizetype kind = QStringLiteral("ACD").indexOf(line.left(1));
            if (!lines.at(i).isString() || line.size() < 3 || kind < 0 || line[1] != u' ')
                return owner.note(wrongType(lines.at(i), jsonElement(owner.path("changes"), i),
                                            "a docker diff line (\"A /path\")"));
            changes.push_back({FileChange::Kind(kind), line.mid(2).toStdString()});
        }
    }

    Expected<ResourceSample> sample(const QJsonValue& value, const QString& path) const {
        auto object = this->object(
            value, path, {"at", "cpuMicroseconds", "memoryBytes", "processes", "memoryLimitBytes"},
            {"at"});
        if (!object)
            return object.error();
        Members item = members(*object, path);
        ResourceSample sample{item.time("at"), item.figure("cpuMicroseconds"),
                              item.figure("memoryBytes"), std::nullopt,
                              item.figure("memoryLimitBytes")};
        if (const auto processes = item.figure("processes"))
            sample.processes = int(std::min<std::int64_t>(*processes, 1 << 30));
        return item.done(sample);
    }

    Expected<KernelNote> pid(const QJsonValue& value, const QString& path) const {
        auto object =
            this->object(value, path, {"at", "container", "pid"}, {"at", "container", "pid"});
        if (!object)
            return object.error();
        Members item = members(*object, path);
        KernelNote note{item.time("at"), item.container(), int(item.whole("pid", 0, 1 << 30)), {}};
        return item.done(std::move(note));
    }

    Expected<KernelNote> traceLine(const QJsonValue& value, const QString& path) const {
        auto object =
            this->object(value, path, {"at", "container", "line"}, {"at", "container", "line"});
        if (!object)
            return object.error();
        Members item = members(*object, path);
        KernelNote note{item.time("at"), item.container(), 0, item.text("line")};
        return item.done(std::move(note));
    }

    Expected<KernelSample> kept(const QJsonValue& value, const QString& path) const {
        auto object = this->object(value, path, {"container", "sample"}, {"container", "sample"});
        if (!object)
            return object.error();
        Members item = members(*object, path);
        KernelSample kept{item.container(), {}};
        auto sample = this->sample(item.value("sample"), item.path("sample"));
        if (!sample)
            return sample.error();
        kept.sample = *sample;
        return item.done(std::move(kept));
    }

    TimePoint m_start;
};

} // namespace

Expected<KernelRecord> readKernelRecord(const QJsonValue& value, TimePoint start,
                                        const QString& source, const QString& path) {
    return KernelReader(source, start).read(value, path);
}

} // namespace lab
