#include "session/KernelRecordJson.h"

#include "session/JsonReader.h"

#include <QJsonArray>
#include <algorithm>

namespace lab {
namespace {

qint64 since(TimePoint start, TimePoint at) {
    return std::max<qint64>(0, (at - start).count());
}

QJsonObject sampleToJson(const ResourceSample& sample, TimePoint start) {
    QJsonObject json{{QStringLiteral("at"), since(start, sample.at)}};
    const auto put = [&json](const char* key, const auto& value) {
        if (value)
            json.insert(QLatin1String(key), qint64(*value));
    };
    put("cpuMicroseconds", sample.cpuMicroseconds);
    put("memoryBytes", sample.memoryBytes);
    put("processes", sample.processes);
    put("memoryLimitBytes", sample.memoryLimitBytes);
    return json;
}

QJsonObject reportToJson(const KernelReport& report, TimePoint start) {
    QJsonObject json{{QStringLiteral("at"), since(start, report.at)},
                     {QStringLiteral("container"), QString::fromStdString(report.container)}};
    if (!report.outcome) {
        json.insert(QStringLiteral("output"), QString::fromStdString(report.line));
        json.insert(QStringLiteral("stderr"), report.isStderr);
        return json;
    }
    const OutcomeEvent& event = *report.outcome;
    json.insert(QStringLiteral("outcome"),
                QString::fromUtf8(outcomeName(event.outcome).data(),
                                  qsizetype(outcomeName(event.outcome).size())));
    json.insert(QStringLiteral("eventAt"), since(start, event.at));
    json.insert(QStringLiteral("exitCode"), event.exitCode);
    json.insert(QStringLiteral("signal"), event.signal);
    json.insert(QStringLiteral("error"), QString::fromStdString(event.error));
    return json;
}

QJsonObject answerToJson(const KernelAnswer& answer, TimePoint start) {
    QJsonObject json{
        {QStringLiteral("at"), since(start, answer.at)},
        {QStringLiteral("call"), QString::fromLatin1(callName(answer.call).data(),
                                                     qsizetype(callName(answer.call).size()))},
        {QStringLiteral("container"), QString::fromStdString(answer.container)}};
    if (!answer.error.empty()) {
        json.insert(QStringLiteral("error"), QString::fromStdString(answer.error));
        return json;
    }
    QJsonArray list;
    switch (answer.call) {
    case KernelAnswer::Call::Exec:
        if (!answer.endedAt)
            break;
        json.insert(QStringLiteral("endedAt"), since(start, *answer.endedAt));
        json.insert(QStringLiteral("exitCode"), answer.exitCode);
        for (const ExecOutput& write : answer.output)
            list.append(QJsonObject{{QStringLiteral("stderr"), write.isStderr},
                                    {QStringLiteral("text"), QString::fromStdString(write.text)}});
        json.insert(QStringLiteral("output"), list);
        break;
    case KernelAnswer::Call::Processes:
        for (const ProcessEntry& process : answer.processes)
            list.append(
                QJsonObject{{QStringLiteral("pid"), process.pid},
                            {QStringLiteral("ppid"), process.ppid},
                            {QStringLiteral("started"), since(start, process.started)},
                            {QStringLiteral("command"), QString::fromStdString(process.command)}});
        json.insert(QStringLiteral("processes"), list);
        break;
    case KernelAnswer::Call::Usage:
        json.insert(QStringLiteral("sample"), sampleToJson(answer.sample.value(), start));
        break;
    case KernelAnswer::Call::Diff:
        for (const FileChange& change : answer.changes)
            list.append(QString(QChar::fromLatin1(change.letter())) + u' ' +
                        QString::fromStdString(change.path));
        json.insert(QStringLiteral("changes"), list);
        json.insert(QStringLiteral("bytes"), qint64(answer.layerBytes));
        break;
    case KernelAnswer::Call::Commit:
        json.insert(QStringLiteral("image"), QString::fromStdString(answer.image));
        if (!answer.layer.empty())
            json.insert(QStringLiteral("layer"), QString::fromStdString(answer.layer));
        break;
    default:
        break;
    }
    return json;
}

QJsonObject noteToJson(const KernelNote& note, TimePoint start, bool isPid) {
    QJsonObject json{{QStringLiteral("at"), since(start, note.at)},
                     {QStringLiteral("container"), QString::fromStdString(note.container)}};
    if (isPid)
        json.insert(QStringLiteral("pid"), note.pid);
    else
        json.insert(QStringLiteral("line"), QString::fromStdString(note.line));
    return json;
}

template <class T, class ToJson> QJsonArray listToJson(const std::vector<T>& items, ToJson toJson) {
    QJsonArray list;
    for (const T& item : items)
        list.append(toJson(item));
    return list;
}

} // namespace

std::string_view callName(KernelAnswer::Call call) {
    static constexpr std::array<std::string_view, kKernelCalls.size()> names{
        "prepare", "exec", "processes", "usage", "diff", "limits", "fault", "commit"};
    return names[std::size_t(call)];
}

QJsonObject kernelRecordToJson(const KernelRecord& record, TimePoint start) {
    QJsonObject json{{QStringLiteral("cpus"), record.cpus}};
    if (!record.imagesRefusal.empty())
        json.insert(QStringLiteral("imagesRefusal"), QString::fromStdString(record.imagesRefusal));
    json.insert(QStringLiteral("reports"), listToJson(record.reports, [start](const auto& report) {
                    return reportToJson(report, start);
                }));
    json.insert(QStringLiteral("answers"), listToJson(record.answers, [start](const auto& answer) {
                    return answerToJson(answer, start);
                }));
    json.insert(QStringLiteral("pids"), listToJson(record.pids, [start](const auto& note) {
                    return noteToJson(note, start, true);
                }));
    json.insert(QStringLiteral("trace"), listToJson(record.trace, [start](const auto& note) {
                    return noteToJson(note, start, false);
                }));
    json.insert(QStringLiteral("samples"), listToJson(record.samples, [start](const auto& kept) {
                    return QJsonObject{
                        {QStringLiteral("container"), QString::fromStdString(kept.container)},
                        {QStringLiteral("sample"), sampleToJson(kept.sample, start)}};
                }));
    return json;
}

} // namespace lab
