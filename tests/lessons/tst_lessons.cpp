// The lessons as a learner meets them: every file loads with both languages, plays to its end on
// the simulated engine, its checks hold only once their step has run, and every predict answer
// is what the engine does. Broken files are refused with the file, the place and the reason.
#include "console/ConsoleOptions.h"
#include "player/LessonAnswers.h"
#include "player/LessonFile.h"
#include "player/LessonPlayer.h"
#include "player/LessonRun.h"
#include "session/SimulatedSession.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>
#include <set>
#include <sstream>

using namespace lab;

namespace {

QString contentDir() {
    return QStringLiteral(LAB_SOURCE_DIR "/lessons/content");
}

std::vector<Lesson> allLessons() {
    auto lessons = loadLessonDirectory(contentDir());
    if (!lessons)
        qFatal("%s", lessons.error().message.c_str());
    return *lessons;
}

Lesson lessonNamed(const QString& id) {
    for (Lesson& lesson : allLessons())
        if (lesson.id == id)
            return lesson;
    qFatal("no lesson %s", qPrintable(id));
}

bool hasChinese(const QString& text) {
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

void addLessonRows() {
    QTest::addColumn<QString>("id");
    for (const Lesson& lesson : allLessons())
        QTest::newRow(qPrintable(lesson.id)) << lesson.id;
}

// A lesson's own simulated engine, with a run over it.
struct SimulatedRun {
    explicit SimulatedRun(const Lesson& lesson) : session(*lessonWorld(lesson), lesson.seed) {}
    SimulatedSession session;
    LessonRun run{session};
};

// What the engine did for a predict question, in the words its choices use.
QString observed(const Predict& predict, LessonRun& run, qsizetype eventsBefore,
                 Duration timeBefore, std::optional<Verdict> verdict) {
    switch (predict.ask) {
    case AskKind::State:
        return run.facts(predict.container).state;
    case AskKind::ExitCode:
        return QString::number(run.facts(predict.container).exitCode);
    case AskKind::CommandStatus:
        return QString::number(run.lastStatus());
    case AskKind::Events: {
        const QStringList events = run.events(predict.container).mid(eventsBefore);
        return events.isEmpty() ? QStringLiteral("(no events)") : events.join(QStringLiteral(", "));
    }
    case AskKind::Seconds:
        return QString::number(
                   std::chrono::round<std::chrono::seconds>(run.elapsed() - timeBefore).count()) +
               QStringLiteral(" s");
    case AskKind::Verdict:
        return verdictWord(*verdict, Language::English);
    }
    return {};
}

// Broken lessons and the start of the error each must give.
void addBrokenLessonRows() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray text = "{\"en\": \"a\", \"zh_CN\": \"甲\"}";
    const QByteArray head = "{\"title\": " + text + ", \"summary\": " + text + ", ";
    auto step = [&](const QByteArray& body) {
        return head + "\"steps\": [{\"text\": " + text + ", " + body + "}]}";
    };
    QTest::newRow("broken JSON") << QByteArray("{\n  \"title\": }")
                                 << "bad.json:2:13: invalid JSON";
    QTest::newRow("not an object") << QByteArray("[]") << "bad.json: /: expected an object, got []";
    QTest::newRow("missing title")
        << QByteArray("{\"summary\": " + text + "}") << "bad.json: /title: missing";
    QTest::newRow("no Chinese") << QByteArray("{\"title\": {\"en\": \"a\"}, \"summary\": " + text +
                                              "}")
                                << "bad.json: /title/zh_CN: missing";
    QTest::newRow("empty Chinese")
        << QByteArray("{\"title\": {\"en\": \"a\", \"zh_CN\": \" \"}, \"summary\": " + text + "}")
        << "bad.json: /title/zh_CN: expected a non-empty string, got \" \"";
    QTest::newRow("unknown key") << QByteArray(head + "\"steps\": [], \"colour\": 1}")
                                 << "bad.json: /colour: unknown key";
    QTest::newRow("no steps") << QByteArray(head + "\"steps\": []}")
                              << "bad.json: /steps: a lesson needs at least one step";
    QTest::newRow("bad command") << step("\"commands\": [\"docker run 'busybox\"]")
                                 << "bad.json: /steps/0/commands/0: ";
    QTest::newRow("empty command") << step("\"commands\": [\"# note\"]")
                                   << "bad.json: /steps/0/commands/0: an empty line or a comment";
    QTest::newRow("state stopped")
        << step("\"commands\": [\"docker ps\"], \"checks\": [{\"container\": \"c\", \"state\": "
                "\"stopped\"}]")
        << "bad.json: /steps/0/checks/0/state: expected one of \"created\", ";
    QTest::newRow("two checks in one")
        << step("\"commands\": [\"docker ps\"], \"checks\": [{\"container\": \"c\", \"exitCode\": "
                "1, \"restartCount\": 2}]")
        << "bad.json: /steps/0/checks/0: a check tests one thing";
    QTest::newRow("unknown ask")
        << step("\"commands\": [\"docker ps\"], \"predict\": {\"ask\": \"colour\", \"question\": " +
                text + "}")
        << "bad.json: /steps/0/predict/ask: expected one of \"state\"";
    QTest::newRow("typed answer") << step("\"commands\": [\"docker ps\"], \"predict\": {\"ask\": "
                                          "\"status\", \"answer\": 0, \"question\": " +
                                          text + "}")
                                  << "bad.json: /steps/0/predict/answer: unknown key";
    QTest::newRow("status about a container")
        << step("\"commands\": [\"docker ps\"], \"predict\": {\"ask\": \"status\", \"container\": "
                "\"c\", \"question\": " +
                text + "}")
        << "bad.json: /steps/0/predict/container: \"status\" is about the whole step";
    QTest::newRow("question without commands")
        << step("\"predict\": {\"ask\": \"state\", \"container\": \"c\", \"question\": " + text +
                "}")
        << "bad.json: /steps/0/predict: a question needs commands";
    QTest::newRow("unknown placeholder")
        << step("\"after\": {\"en\": \"exit {exitcode:web}\", \"zh_CN\": \"退出\"}")
        << "bad.json: /steps/0/after/en: unknown placeholder \"{exitcode:web}\"";
    QTest::newRow("placeholder without container")
        << step("\"after\": {\"en\": \"a\", \"zh_CN\": \"退出 {exitCode}\"}")
        << "bad.json: /steps/0/after/zh_CN: placeholder \"{exitCode}\"";
    QTest::newRow("oom without container")
        << step("\"fault\": {\"kind\": \"oom\"}")
        << "bad.json: /steps/0/fault/container: expected a container name";
    QTest::newRow("missing world")
        << QByteArray(head + "\"world\": \"nowhere.json\", \"steps\": []}")
        << "bad.json: /world: no world file \"nowhere.json\"";
    QTest::newRow("why real on the simulation")
        << QByteArray(head + "\"whyReal\": " + text + ", \"steps\": []}")
        << "bad.json: /whyReal: only a lesson with \"backend\": \"real\"";
    QTest::newRow("real without why") << QByteArray(head + "\"backend\": \"real\", \"steps\": []}")
                                      << "bad.json: /whyReal: missing";
    QTest::newRow("negative seed") << QByteArray(head + "\"seed\": -1, \"steps\": []}")
                                   << "bad.json: /seed: expected a whole number, 0 or more, got -1";
    QTest::newRow("drill of nothing") << QByteArray(head + "\"drill\": {\"questions\": 0}}")
                                      << "bad.json: /drill/questions: expected 1 to 100 questions";
}

} // namespace

class TestLessons : public QObject {
    Q_OBJECT

private slots:
    void theLessonsCoverTheArticle() {
        const std::vector<Lesson> lessons = allLessons();
        QVERIFY2(lessons.size() >= 14, "at least fourteen lessons");
        auto builtIn = loadLessonDirectory(builtInLessonDirectory());
        QVERIFY2(builtIn, builtIn ? "" : builtIn.error().message.c_str());
        QCOMPARE(builtIn->size(), lessons.size());
        QVERIFY(std::any_of(lessons.begin(), lessons.end(),
                            [](const Lesson& lesson) { return lesson.needsRealBackend; }));
        QVERIFY(std::any_of(lessons.begin(), lessons.end(),
                            [](const Lesson& lesson) { return lesson.drillQuestions > 0; }));
    }

    void everyTextIsInBothLanguages_data() { addLessonRows(); }
    void everyTextIsInBothLanguages() {
        QFETCH(QString, id);
        const Lesson lesson = lessonNamed(id);
        std::vector<std::pair<QString, LocalText>> texts{{"title", lesson.title},
                                                         {"summary", lesson.summary}};
        for (const LessonStep& step : lessonSteps(lesson, lesson.seed)) {
            texts.emplace_back("text", step.text);
            for (const auto& [where, text] :
                 {std::pair{"after", &step.after}, {"hint", &step.hint}})
                if (!text->en.isEmpty() || !text->zhCN.isEmpty())
                    texts.emplace_back(where, *text);
            if (step.predict)
                texts.emplace_back("question", step.predict->question);
            if (step.predict && !step.predict->explain.en.isEmpty())
                texts.emplace_back("explain", step.predict->explain);
        }
        for (const auto& [where, text] : texts) {
            QVERIFY2(!text.en.trimmed().isEmpty(), qPrintable(where));
            QVERIFY2(hasChinese(text.zhCN), qPrintable(where + u' ' + text.zhCN));
            QVERIFY2(text.en != text.zhCN, qPrintable(where));
        }
    }

    void everyCheckHoldsOnlyAfterItsStep_data() { addLessonRows(); }
    void everyCheckHoldsOnlyAfterItsStep() {
        QFETCH(QString, id);
        const Lesson lesson = lessonNamed(id);
        SimulatedRun simulated(lesson);
        LessonRun& run = simulated.run;
        std::ostringstream ignored;
        for (const LessonStep& step : lessonSteps(lesson, lesson.seed)) {
            for (const Check& check : step.checks)
                QVERIFY2(!run.holds(check), qPrintable(check.pointer + " holds before its step"));
            run.runStep(step, ignored, ignored, false);
            for (const Check& check : step.checks)
                QVERIFY2(run.holds(check), qPrintable(check.pointer + " fails after its step"));
        }
    }

    void everyAnswerIsWhatTheEngineDoes_data() { addLessonRows(); }
    void everyAnswerIsWhatTheEngineDoes() {
        QFETCH(QString, id);
        const Lesson lesson = lessonNamed(id);
        const std::vector<LessonStep> steps = lessonSteps(lesson, lesson.seed);
        auto answers = computeAnswers(steps, *lessonWorld(lesson), lesson.seed, Language::English);
        QVERIFY2(answers, answers ? "" : answers.error().message.c_str());
        SimulatedRun simulated(lesson);
        LessonRun& run = simulated.run;
        std::ostringstream ignored;
        for (size_t i = 0; i < steps.size(); ++i) {
            const LessonStep& step = steps[i];
            const Predict* predict = step.predict ? &*step.predict : nullptr;
            QCOMPARE((*answers)[i].question.has_value(), predict != nullptr);
            const qsizetype eventsBefore = predict ? run.events(predict->container).size() : 0;
            const Duration timeBefore = run.elapsed();
            std::optional<Verdict> verdict;
            if (predict && predict->ask == AskKind::Verdict)
                verdict = run.preview(predict->container, predict->command);
            run.runStep(step, ignored, ignored, false);
            if (!predict)
                continue;
            const Question& question = *(*answers)[i].question;
            const QString truth = observed(*predict, run, eventsBefore, timeBefore, verdict);
            QVERIFY2(question.choices.size() >= 2, qPrintable(question.choices.join(u'|')));
            QCOMPARE(QSet<QString>(question.choices.begin(), question.choices.end()).size(),
                     question.choices.size());
            QVERIFY2(question.choices[question.answer].startsWith(truth),
                     qPrintable(QStringLiteral("step %1: answer %2, engine %3")
                                    .arg(i)
                                    .arg(question.choices[question.answer], truth)));
        }
    }

    void everyQuotedResultComesFromTheEngine() {
        // The tomcat walkthrough quotes tomcat's exit code; the engine's is 143 (128 + SIGTERM).
        const Lesson lesson = lessonNamed(QStringLiteral("05-article-walkthrough"));
        auto answers =
            computeAnswers(lesson.steps, *lessonWorld(lesson), lesson.seed, Language::Chinese);
        QVERIFY(answers);
        const Predict& predict = *lesson.steps[6].predict;
        const QString shown = fillPlaceholders(predict.explain.zhCN, (*answers)[6].values);
        QVERIFY2(shown.startsWith(QStringLiteral("143 = 128 + 15")), qPrintable(shown));
        // No placeholder is left unfilled anywhere.
        for (const Lesson& each : allLessons()) {
            const auto steps = lessonSteps(each, each.seed);
            auto values = computeAnswers(steps, *lessonWorld(each), each.seed, Language::English);
            QVERIFY(values);
            for (size_t i = 0; i < steps.size(); ++i)
                for (const LocalText* text : {&steps[i].text, &steps[i].after, &steps[i].hint})
                    QVERIFY2(!fillPlaceholders(text->en, (*values)[i].values)
                                  .contains(placeholderPattern()),
                             qPrintable(each.id));
        }
    }

    void playsToTheEndInBothLanguages_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("language");
        for (const Lesson& lesson : allLessons())
            if (!lesson.needsRealBackend)
                for (const char* language : {"en", "zh_CN"})
                    QTest::addRow("%s %s", qPrintable(lesson.id), language)
                        << lesson.id << QString::fromLatin1(language);
    }
    void playsToTheEndInBothLanguages() {
        QFETCH(QString, id);
        QFETCH(QString, language);
        auto options = parseLessonOptions({id, QStringLiteral("--lang"), language});
        QVERIFY(options);
        std::istringstream in; // every question answered right by typing its number
        const Lesson lesson = lessonNamed(id);
        const auto steps = lessonSteps(lesson, lesson.seed);
        auto answers = computeAnswers(steps, *lessonWorld(lesson), lesson.seed, options->language);
        QVERIFY(answers);
        std::string typed;
        for (const StepAnswers& answer : *answers)
            if (answer.question)
                typed += std::to_string(answer.question->answer + 1) + '\n';
        in.str(typed);
        std::ostringstream out, err;
        QCOMPARE(playLesson(lesson, *options, in, out, err), 0);
        const QString shown = QString::fromStdString(out.str());
        QVERIFY(shown.contains(language == QLatin1String("en") ? QStringLiteral("Lesson complete")
                                                               : QStringLiteral("课程完成")));
        QVERIFY(!shown.contains(QStringLiteral("✗")));
        QVERIFY(shown.contains(QStringLiteral("docker> ")));
    }

    void theReadmeExamplePlays() {
        QFile readme(QStringLiteral(LAB_SOURCE_DIR "/lessons/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QByteArray text = readme.readAll();
        const qsizetype start = text.indexOf("```json\n") + 8;
        const QByteArray json = text.mid(start, text.indexOf("```", start) - start);
        auto lesson = loadLessonJson(json, QStringLiteral("README.md"), QStringLiteral("example"),
                                     contentDir());
        QVERIFY2(lesson, lesson ? "" : lesson.error().message.c_str());
        auto options = parseLessonOptions(
            {QStringLiteral("example"), QStringLiteral("--answers"), QStringLiteral("auto")});
        std::istringstream in;
        std::ostringstream out, err;
        QCOMPARE(playLesson(*lesson, *options, in, out, err), 0);
        QVERIFY(QString::fromStdString(out.str()).contains(QStringLiteral("137 = 128 + 9")));
    }

    void aWrongAnswerIsCorrected() {
        const Lesson lesson = lessonNamed(QStringLiteral("01-who-does-what"));
        auto options = parseLessonOptions({lesson.id});
        QVERIFY(options);
        std::istringstream in("9\nnonsense\n1\n1\n1\n");
        std::ostringstream out, err;
        playLesson(lesson, *options, in, out, err);
        const QString shown = QString::fromStdString(out.str());
        QVERIFY(shown.contains(QStringLiteral("Type a number from 1 to")));
        QVERIFY(shown.contains(QStringLiteral("The answer is: ")));
    }

    void theEndOfInputStopsTheLesson() {
        const Lesson lesson = lessonNamed(QStringLiteral("01-who-does-what"));
        std::istringstream in;
        std::ostringstream out, err;
        QCOMPARE(playLesson(lesson, *parseLessonOptions({lesson.id}), in, out, err), 2);
        QVERIFY(QString::fromStdString(err.str()).contains(QStringLiteral("input ended")));
    }

    void theDrillIsDifferentForEverySeedAndCoversTheTable() {
        const Lesson drill = lessonNamed(QStringLiteral("09-drill"));
        auto asked = [&](std::uint64_t seed) {
            std::vector<std::pair<QString, int>> pairs;
            for (const LessonStep& step : lessonSteps(drill, seed))
                if (step.predict)
                    pairs.emplace_back(step.text.en, int(step.predict->command));
            return pairs;
        };
        QVERIFY(asked(1) != asked(2));
        // Six resting states x ten commands (exec and top included), every one asked by some
        // seed.
        std::set<std::pair<QString, int>> pairs;
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            const auto steps = lessonSteps(drill, seed);
            for (size_t i = 0; i + 1 < steps.size(); ++i)
                if (!steps[i].checks.empty() && steps[i + 1].predict)
                    pairs.emplace(steps[i].checks.front().state,
                                  int(steps[i + 1].predict->command));
        }
        QCOMPARE(pairs.size(), size_t(6 * 10));
    }

    void theRealLessonSaysWhyWhenItCannotOpen() {
        const Lesson lesson = lessonNamed(QStringLiteral("14-kernel"));
        std::istringstream in("1\n");
        std::ostringstream out, err;
        const int status = playLesson(lesson, *parseLessonOptions({lesson.id}), in, out, err);
        if (status == 2)
            QVERIFY2(QString::fromStdString(err.str()).contains(
                         QStringLiteral("needs the real backend, which cannot open: ")),
                     err.str().c_str());
        else
            QCOMPARE(status, 0);
        QVERIFY(
            QString::fromStdString(out.str()).contains(QStringLiteral("needs the real backend")));
    }

    void brokenFilesSayWhereAndWhy_data() { addBrokenLessonRows(); }
    void brokenFilesSayWhereAndWhy() {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        auto lesson =
            loadLessonJson(json, QStringLiteral("bad.json"), QStringLiteral("bad"), contentDir());
        QVERIFY2(!lesson, "a broken lesson loaded");
        QVERIFY2(QString::fromStdString(lesson.error().message).startsWith(error),
                 lesson.error().message.c_str());
    }

    void aLessonFileIsFoundByPathAndABadNameListsTheLessons() {
        auto byPath = findLesson(contentDir() + QStringLiteral("/02-image-vs-container.json"));
        QVERIFY2(byPath, byPath ? "" : byPath.error().message.c_str());
        QCOMPARE(byPath->id, QStringLiteral("02-image-vs-container"));
        auto byShortName = findLesson(QStringLiteral("image-vs-container"));
        QVERIFY(byShortName);
        auto missing = findLesson(QStringLiteral("nosuch"));
        QVERIFY(!missing);
        QVERIFY(QString::fromStdString(missing.error().message).contains("01-who-does-what"));
    }

    void theProgramHandsLessonArgumentsToThePlayer() {
        const QStringList arguments{"lesson", "03-run-flow", "--lang", "zh_CN"};
        const Expected<Invocation> invocation = parseInvocation(arguments);
        QVERIFY(invocation);
        QCOMPARE(invocation->mode, Invocation::Mode::Lesson);
        QCOMPARE(invocation->lessonArguments, arguments.mid(1));
        QVERIFY(helpText().contains(QStringLiteral("lesson [NAME]")));
    }

    void lessonOptionsAreChecked_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::newRow("language") << QStringList{"x", "--lang", "fr"} << "--lang needs";
        QTest::newRow("answers") << QStringList{"x", "--answers", "all"} << "--answers takes only";
        QTest::newRow("seed") << QStringList{"x", "--seed", "-3"} << "--seed needs a whole number";
        QTest::newRow("two names") << QStringList{"x", "y"} << "unexpected argument";
        QTest::newRow("unknown") << QStringList{"--fast"} << "unknown lesson option";
    }
    void lessonOptionsAreChecked() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        auto options = parseLessonOptions(arguments);
        QVERIFY(!options);
        QVERIFY2(QString::fromStdString(options.error().message).startsWith(error),
                 options.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
