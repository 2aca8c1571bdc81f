#include "player/LessonPlayer.h"

#include "player/LessonAnswers.h"
#include "player/LessonFile.h"
#include "player/LessonRun.h"
#include "session/SimulatedSession.h"

#include <QRegularExpression>
#include <iostream>
#include <string>

namespace lab {
namespace {

std::string local(const QString& text) {
    return text.toStdString();
}

// Reads a choice 1..count; nothing when the input ends.
std::optional<int> readChoice(std::istream& in, std::ostream& out, int count, bool zh) {
    std::string line;
    while (std::getline(in, line)) {
        bool ok = false;
        const int number = QString::fromStdString(line).trimmed().toInt(&ok);
        if (ok && number >= 1 && number <= count)
            return number - 1;
        out << (zh ? "请输入 1 到 " : "Type a number from 1 to ") << count << (zh ? "：" : ": ")
            << std::flush;
    }
    return std::nullopt;
}

void listLessons(std::ostream& out, Language language) {
    auto lessons = loadLessonDirectory(builtInLessonDirectory());
    if (!lessons) {
        out << lessons.error().message << '\n';
        return;
    }
    for (const Lesson& lesson : *lessons)
        out << local(lesson.id) << "  " << local(lesson.title.in(language))
            << (lesson.needsRealBackend ? "  [real backend]" : "") << '\n';
}

} // namespace

Expected<LessonOptions> parseLessonOptions(const QStringList& arguments) {
    LessonOptions options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        if (argument == QLatin1String("--lang") && hasValue) {
            const QString code = arguments[++i];
            if (code != QLatin1String("en") && code != QLatin1String("zh_CN"))
                return Error{"--lang needs \"en\" or \"zh_CN\", got \"" + local(code) + '"'};
            options.language = code == QLatin1String("en") ? Language::English : Language::Chinese;
        } else if (argument == QLatin1String("--answers") && hasValue) {
            if (arguments[++i] != QLatin1String("auto"))
                return Error{"--answers takes only \"auto\", got \"" + local(arguments[i]) + '"'};
            options.autoAnswers = true;
        } else if (argument == QLatin1String("--seed") && hasValue) {
            bool ok = false;
            options.seed = arguments[++i].toULongLong(&ok);
            if (!ok)
                return Error{"--seed needs a whole number, got \"" + local(arguments[i]) + '"'};
        } else if (argument.startsWith(u'-')) {
            return Error{"unknown lesson option \"" + local(argument) + "\" (or it needs a value)"};
        } else if (options.lesson.isEmpty()) {
            options.lesson = argument;
        } else {
            return Error{"unexpected argument \"" + local(argument) + '"'};
        }
    }
    return options;
}

int playLesson(const Lesson& lesson, const LessonOptions& options, std::istream& in,
               std::ostream& out, std::ostream& err) {
    const Language language = options.language;
    const bool zh = language == Language::Chinese;
    const std::uint64_t seed = options.seed.value_or(lesson.seed);
    out << "== " << local(lesson.title.in(language)) << " ==\n"
        << local(lesson.summary.in(language)) << "\n";
    auto world = lessonWorld(lesson);
    if (!world) {
        err << world.error().message << std::endl;
        return 2;
    }
    SessionSpec spec;
    spec.seed = seed;
    if (lesson.needsRealBackend) {
        spec.backend = BackendKind::Real;
        out << local(lesson.whyReal.in(language)) << '\n';
    }
    auto session = openSession(spec, *world);
    if (!session) {
        err << (zh ? "这一课需要真实后端，但它无法打开："
                   : "This lesson needs the real backend, "
                     "which cannot open: ")
            << session.error().message << std::endl;
        return 2;
    }
    const std::vector<LessonStep> steps = lessonSteps(lesson, seed);
    auto answers = computeAnswers(steps, *world, seed, language);
    if (!answers) {
        err << local(lesson.source) << ": " << answers.error().message << std::endl;
        return 2;
    }
    LessonRun run(**session);
    int failed = 0;
    for (size_t i = 0; i < steps.size(); ++i) {
        const LessonStep& step = steps[i];
        const auto& values = (*answers)[i].values;
        out << "\n-- " << (zh ? "第 " : "Step ") << i + 1 << '/' << steps.size()
            << (zh ? " 步" : "") << " --\n"
            << local(fillPlaceholders(step.text.in(language), values)) << '\n';
        const std::optional<Question>& question = (*answers)[i].question;
        std::optional<int> chosen;
        if (question) {
            out << "\n? " << local(step.predict->question.in(language)) << '\n';
            for (qsizetype c = 0; c < question->choices.size(); ++c)
                out << "  " << c + 1 << ") " << local(question->choices[c]) << '\n';
            out << (zh ? "你的答案：" : "Your answer: ") << std::flush;
            chosen = options.autoAnswers ? std::optional<int>(question->answer)
                                         : readChoice(in, out, int(question->choices.size()), zh);
            if (!chosen) {
                err << (zh ? "\n输入结束，课程中止。" : "\nThe input ended: the lesson stops.")
                    << std::endl;
                return 2;
            }
            if (options.autoAnswers)
                out << *chosen + 1 << '\n';
        }
        if (step.fault)
            out << (zh ? "（故障注入：" : "(fault injected: ")
                << (step.fault->kind == FaultAction::Kind::OutOfMemory
                        ? local(QStringLiteral("OOM %1").arg(step.fault->container))
                        : (zh ? "下一次删除会失败" : "the next removal fails"))
                << (zh ? "）\n" : ")\n");
        out.flush();
        run.runStep(step, out, err, true);
        if (question) {
            const bool right = *chosen == question->answer;
            out << (right ? (zh ? "✓ 答对了：" : "✓ Right: ")
                          : (zh ? "✗ 答案是：" : "✗ The answer is: "))
                << local(question->choices[question->answer]) << '\n';
            if (!step.predict->explain.in(language).isEmpty())
                out << local(fillPlaceholders(step.predict->explain.in(language), values)) << '\n';
        }
        if (!step.after.in(language).isEmpty())
            out << local(fillPlaceholders(step.after.in(language), values)) << '\n';
        bool stepHolds = true;
        for (const Check& check : step.checks) {
            const bool holds = run.holds(check);
            stepHolds = stepHolds && holds;
            out << (holds ? "  [ok] " : "  [not yet] ") << local(describeCheck(check, language))
                << '\n';
        }
        if (!stepHolds) {
            ++failed;
            if (!step.hint.in(language).isEmpty())
                out << (zh ? "  提示：" : "  Hint: ")
                    << local(fillPlaceholders(step.hint.in(language), values)) << '\n';
        }
    }
    out << '\n'
        << (failed == 0 ? (zh ? "课程完成。" : "Lesson complete.")
                        : (zh ? "有检查未通过。" : "Some checks did not hold."))
        << std::endl;
    return failed == 0 ? 0 : 1;
}

int runLessonCommand(const QStringList& arguments) {
    auto options = parseLessonOptions(arguments);
    if (!options) {
        std::cerr << "lifecycle-lab lesson: " << options.error().message << '\n'
                  << "Usage: lifecycle-lab lesson [NAME|FILE.json] [--lang en|zh_CN] "
                     "[--answers auto] [--seed N]"
                  << std::endl;
        return 2;
    }
    if (options->lesson.isEmpty()) {
        listLessons(std::cout, options->language);
        return 0;
    }
    auto lesson = findLesson(options->lesson);
    if (!lesson) {
        std::cerr << "lifecycle-lab: " << lesson.error().message << std::endl;
        return 2;
    }
    return playLesson(*lesson, *options, std::cin, std::cout, std::cerr);
}

} // namespace lab
