#include "player/LessonAnswers.h"

#include "player/LessonRun.h"
#include "session/SimulatedSession.h"
#include "session/WorldFile.h"

#include <QRegularExpression>
#include <algorithm>
#include <random>
#include <sstream>

namespace lab {
namespace {

// The exit codes a learner meets: success, failure, Docker's own 125-127, and 128 + signal.
const std::vector<int> kExitCodes{0, 1, 137, 143, 125, 127, 126, 129, 2};

QString stateLabel(const QString& state, Language language) {
    static const std::map<QString, QString> chinese{
        {QStringLiteral("created"), QStringLiteral("已创建")},
        {QStringLiteral("running"), QStringLiteral("运行中")},
        {QStringLiteral("paused"), QStringLiteral("已暂停")},
        {QStringLiteral("restarting"), QStringLiteral("重启中")},
        {QStringLiteral("removing"), QStringLiteral("删除中")},
        {QStringLiteral("exited"), QStringLiteral("已退出")},
        {QStringLiteral("dead"), QStringLiteral("死亡")},
        {QStringLiteral("removed"), QStringLiteral("已删除（不复存在）")}};
    if (language == Language::Chinese)
        return QStringLiteral("%1（%2）").arg(state, chinese.at(state));
    return state == QLatin1String("removed") ? QStringLiteral("removed (gone)") : state;
}

// Where the machine's table lets a container in state go: the likely wrong answers.
QStringList reachableStates(const QString& state) {
    QStringList states;
    for (const TableRow& row : LifecycleMachine::table()) {
        const auto from = dockerState(row.source);
        if (!from || coreWord(dockerName(*from)) != state)
            continue;
        const auto to = dockerState(row.target);
        states << (to ? coreWord(dockerName(*to)) : QStringLiteral("removed"));
    }
    return states;
}

Question stateQuestion(const QString& before, const QString& answer, Language language) {
    QStringList candidates{answer, before};
    candidates << reachableStates(before);
    for (ContainerState state : kContainerStates)
        candidates << coreWord(dockerName(state));
    candidates << QStringLiteral("removed");
    QStringList picked;
    for (const QString& state : candidates)
        if (!picked.contains(state) && picked.size() < 4)
            picked << state;
    // In the order Docker lists its states, so the answer's place gives nothing away.
    QStringList order;
    for (ContainerState state : kContainerStates)
        order << coreWord(dockerName(state));
    order << QStringLiteral("removed");
    std::sort(picked.begin(), picked.end(), [&](const QString& a, const QString& b) {
        return order.indexOf(a) < order.indexOf(b);
    });
    Question question;
    question.answer = int(picked.indexOf(answer));
    for (const QString& state : picked)
        question.choices << stateLabel(state, language);
    return question;
}

Question numberQuestion(std::vector<int> candidates, int answer, const QString& unit) {
    candidates.insert(candidates.begin(), answer);
    std::vector<int> picked;
    for (int value : candidates)
        if (std::find(picked.begin(), picked.end(), value) == picked.end() && picked.size() < 4)
            picked.push_back(value);
    std::sort(picked.begin(), picked.end());
    Question question;
    for (int value : picked)
        question.choices << QString::number(value) + unit;
    question.answer = int(std::find(picked.begin(), picked.end(), answer) - picked.begin());
    return question;
}

// The real sequence and three near misses: one event short, one event too many, two swapped.
Question eventsQuestion(const QStringList& answer, Language language) {
    const QString none = language == Language::Chinese ? QStringLiteral("（没有事件）")
                                                       : QStringLiteral("(no events)");
    std::vector<QStringList> candidates{answer};
    if (!answer.isEmpty())
        candidates.push_back(answer.mid(0, answer.size() - 1));
    candidates.push_back(
        answer.contains(QStringLiteral("stop"))
            ? QStringList(answer).filter(QRegularExpression(QStringLiteral("^(?!stop$)")))
            : answer + QStringList{QStringLiteral("stop")});
    if (answer.size() >= 2) {
        QStringList swapped = answer;
        swapped.swapItemsAt(0, 1);
        candidates.push_back(swapped);
    }
    candidates.push_back(answer + QStringList{QStringLiteral("restart")});
    std::vector<QStringList> picked;
    for (const QStringList& events : candidates)
        if (std::find(picked.begin(), picked.end(), events) == picked.end() && picked.size() < 4)
            picked.push_back(events);
    std::sort(picked.begin(), picked.end(), [](const QStringList& a, const QStringList& b) {
        return a.join(u' ') < b.join(u' ');
    });
    Question question;
    for (const QStringList& events : picked)
        question.choices << (events.isEmpty() ? none : events.join(QStringLiteral(", ")));
    question.answer = int(std::find(picked.begin(), picked.end(), answer) - picked.begin());
    return question;
}

Question verdictQuestion(Verdict answer, Language language) {
    Question question;
    const std::vector<Verdict> verdicts{Verdict::Refused, Verdict::NotModified, Verdict::Accepted};
    for (Verdict verdict : verdicts)
        question.choices << verdictWord(verdict, language);
    question.answer = int(std::find(verdicts.begin(), verdicts.end(), answer) - verdicts.begin());
    return question;
}

// The placeholders of every text of a step, with the values after it.
std::map<QString, QString> placeholderValues(const LessonStep& step, LessonRun& run) {
    std::vector<const LocalText*> texts{&step.text, &step.after, &step.hint};
    if (step.predict)
        texts.push_back(&step.predict->explain);
    std::map<QString, QString> values;
    for (const LocalText* text : texts)
        for (const QString* language : {&text->en, &text->zhCN})
            for (auto it = placeholderPattern().globalMatch(*language); it.hasNext();) {
                const auto match = it.next();
                values[match.captured(0)] = run.placeholder(match.captured(1), match.captured(2));
            }
    return values;
}

} // namespace

Expected<World> lessonWorld(const Lesson& lesson) {
    return lesson.worldFile.isEmpty() ? loadDefaultWorld() : loadWorldFile(lesson.worldFile);
}

Expected<std::vector<StepAnswers>> computeAnswers(const std::vector<LessonStep>& steps,
                                                  const World& world, std::uint64_t seed,
                                                  Language language) {
    SimulatedSession session(world, seed);
    LessonRun run(session);
    std::ostringstream ignored;
    std::vector<StepAnswers> answers;
    for (const LessonStep& step : steps) {
        StepAnswers result;
        const Predict* predict = step.predict ? &*step.predict : nullptr;
        const ContainerFacts before = predict ? run.facts(predict->container) : ContainerFacts{};
        const qsizetype eventsBefore = predict ? run.events(predict->container).size() : 0;
        const Duration timeBefore = run.elapsed();
        std::optional<Verdict> verdict;
        if (predict && predict->ask == AskKind::Verdict) {
            verdict = run.preview(predict->container, predict->command);
            if (!verdict)
                return Error{"a verdict question about a container that does not exist: " +
                             predict->container.toStdString()};
        }
        run.runStep(step, ignored, ignored, false);
        if (predict) {
            const ContainerFacts after = run.facts(predict->container);
            switch (predict->ask) {
            case AskKind::State:
                result.question = stateQuestion(before.state, after.state, language);
                break;
            case AskKind::ExitCode:
                result.question = numberQuestion(kExitCodes, after.exitCode, {});
                break;
            case AskKind::CommandStatus:
                result.question = numberQuestion(kExitCodes, run.lastStatus(), {});
                break;
            case AskKind::Events:
                result.question =
                    eventsQuestion(run.events(predict->container).mid(eventsBefore), language);
                break;
            case AskKind::Seconds: {
                const auto seconds = int(
                    std::chrono::round<std::chrono::seconds>(run.elapsed() - timeBefore).count());
                // No wait at all, half or twice as long, and Docker's default grace period.
                result.question = numberQuestion(
                    {0, 2 * seconds, seconds / 2, 1, 10, 30}, seconds,
                    language == Language::Chinese ? QStringLiteral(" 秒") : QStringLiteral(" s"));
                break;
            }
            case AskKind::Verdict:
                result.question = verdictQuestion(*verdict, language);
                break;
            }
        }
        result.values = placeholderValues(step, run);
        answers.push_back(std::move(result));
    }
    return answers;
}

QString fillPlaceholders(QString text, const std::map<QString, QString>& values) {
    for (const auto& [placeholder, value] : values)
        text.replace(placeholder, value);
    return text;
}

} // namespace lab
