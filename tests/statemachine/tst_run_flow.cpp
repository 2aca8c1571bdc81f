// The run flow machine against real docker: every path of `docker run`, `docker create` and
// `docker pull` is walked with the outcomes a daemon reports, and what the CLI would print and
// how it would exit is compared with data/run-flow.transcript (Engine 20.10.24, CLI 28.2.2,
// recorded with tests/golden/record.sh). Paths that cannot be recorded offline take their
// expectations from DOCKER-BEHAVIOUR.md §4.2/§4.3 and docker/cli v28.2.2, as noted on each row.

#include "RunFlowCases.h"
#include "machines/RunFlow.h"

#include <QFile>
#include <QMap>
#include <QSet>
#include <QTest>
#include <optional>
#include <vector>

using namespace lab;
using namespace runflowcases;

namespace {

// --- The recording --------------------------------------------------------------------------

QMap<QString, Recorded> readTranscript() {
    QFile file(QStringLiteral(LAB_SOURCE_DIR "/tests/statemachine/data/run-flow.transcript"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    QMap<QString, Recorded> result;
    QString command;
    for (const QString& line : QString::fromUtf8(file.readAll()).split('\n')) {
        if (line.startsWith("$ "))
            command = line.mid(2);
        else if (line.startsWith("> "))
            result[command].out << line.mid(2);
        else if (line.startsWith("! "))
            result[command].err << line.mid(2);
        else if (line.startsWith("[rc="))
            result[command].status = line.mid(4, line.size() - 5).toInt();
    }
    return result;
}

const QMap<QString, Recorded>& transcript() {
    static const QMap<QString, Recorded> recorded = readTranscript();
    return recorded;
}

struct Walk {
    std::vector<RunStep> steps;
    QStringList out;
    QStringList err;
    std::optional<int> status;
    std::vector<int> rows;
    QString error;
};

Walk walk(const Case& c) {
    RunFlowMachine machine(c.options);
    Walk w;
    w.steps.push_back(machine.step());
    for (const RunFlowOutcomeEvent& event : c.outcomes) {
        if (w.status) {
            w.error = "the flow went on after its exit status";
            break;
        }
        const RunStep before = machine.step();
        Expected<RunFlowReaction> reaction = machine.handle(event);
        if (!reaction) {
            w.error = QString::fromStdString(reaction.error().message);
            break;
        }
        if (reaction->from != before || reaction->to != machine.step())
            w.error = "the reaction does not name the steps it moved between";
        for (const RunFlowLine& line : reaction->output)
            (line.stream == RunFlowStream::Stdout ? w.out : w.err)
                << QString::fromStdString(line.text);
        w.steps.push_back(reaction->to);
        w.rows.push_back(reaction->row);
        w.status = reaction->exitStatus;
        if (reaction->failure.has_value() != isErrorExit(reaction->to))
            w.error = "a failure is reported exactly at the error exits";
    }
    return w;
}

QStringList names(const std::vector<RunStep>& steps) {
    QStringList result;
    for (RunStep step : steps)
        result << QString::fromUtf8(stepName(step).data(), qsizetype(stepName(step).size()));
    return result;
}

} // namespace

class TestRunFlow : public QObject {
    Q_OBJECT

private slots:
    void paths_data() {
        QTest::addColumn<int>("index");
        const std::vector<Case> all = cases();
        for (std::size_t i = 0; i < all.size(); ++i)
            QTest::newRow(all[i].name) << int(i);
    }

    void paths() {
        QFETCH(int, index);
        const Case c = cases()[std::size_t(index)];
        Recorded expected = c.expected;
        if (!c.recorded.isEmpty()) {
            QVERIFY2(transcript().contains(c.recorded), qPrintable("not recorded: " + c.recorded));
            expected = transcript()[c.recorded];
        }
        const Walk w = walk(c);
        QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
        QCOMPARE(names(w.steps), names(c.steps));
        QVERIFY(w.status.has_value());
        QCOMPARE(*w.status, expected.status);
        QCOMPARE(w.err, expected.err);
        if (!c.containerPrints)
            QCOMPARE(w.out, expected.out);
    }

    // The recorded paths and those from DOCKER-BEHAVIOUR.md together take every row of the table.
    void everyRowIsWalked() {
        QSet<int> fired;
        for (const Case& c : cases())
            for (int row : walk(c).rows)
                fired.insert(row);
        const auto& table = RunFlowMachine::table();
        for (std::size_t i = 0; i < table.size(); ++i) {
            if (table[i].source == RunStep::Start)
                continue; // taken by the constructor; paths() checks where it leads
            QVERIFY2(fired.contains(int(i)),
                     qPrintable(QString("row %1 (%2 + %3) is never walked")
                                    .arg(i)
                                    .arg(stepName(table[i].source).data())
                                    .arg(outcomeName(*table[i].outcome).data())));
        }
    }

    void tableCoversTheFlowchart() {
        const auto& table = RunFlowMachine::table();
        QSet<int> sources, targets, outcomes;
        QSet<QString> keys;
        for (const RunFlowRow& row : table) {
            sources.insert(int(row.source));
            targets.insert(int(row.target));
            if (row.outcome)
                outcomes.insert(int(*row.outcome));
            QVERIFY2(row.outcome.has_value() || row.source == RunStep::Start,
                     "only the rows leaving Start fire by themselves");
            const QString key = QString("%1|%2|%3")
                                    .arg(int(row.source))
                                    .arg(row.outcome ? int(*row.outcome) : -1)
                                    .arg(int(row.target));
            QVERIFY2(!keys.contains(key), "source, outcome and target name one row");
            keys.insert(key);
            QVERIFY2(!row.guard.empty() || !row.action.empty() || row.outcome,
                     "a row without outcome needs a guard");
        }
        for (RunStep step : allRunSteps()) {
            QVERIFY2(sources.contains(int(step)) || targets.contains(int(step)),
                     stepName(step).data());
            QCOMPARE(sources.contains(int(step)), !isEnd(step)); // ends have no way out
            QCOMPARE(targets.contains(int(step)), step != RunStep::Start);
        }
        for (RunFlowOutcome outcome : kRunFlowOutcomes)
            QVERIFY2(outcomes.contains(int(outcome)), outcomeName(outcome).data());
        // Every error exit says how the command ended.
        for (const RunFlowRow& row : table)
            if (isErrorExit(row.target))
                QVERIFY2(!row.action.empty(), stepName(row.target).data());
    }

    void outcomeWithoutRowIsAnError_data() {
        QTest::addColumn<int>("command");
        QTest::addColumn<int>("outcome");
        QTest::newRow("run + attached while checking options")
            << int(RunCommand::Run) << int(O::Attached);
        QTest::newRow("pull + options valid (pull has no option step)")
            << int(RunCommand::Pull) << int(O::OptionsValid);
        QTest::newRow("create + image found before the reference")
            << int(RunCommand::Create) << int(O::ImageFound);
    }

    void outcomeWithoutRowIsAnError() {
        QFETCH(int, command);
        QFETCH(int, outcome);
        RunFlowMachine machine(options(RunCommand(command)));
        const RunStep before = machine.step();
        const auto reaction = machine.handle(ok(RunFlowOutcome(outcome)));
        QVERIFY(!reaction.has_value());
        QVERIFY(QString::fromStdString(reaction.error().message).contains("no row"));
        QCOMPARE(machine.step(), before);
    }

    void everyOutcomeIsListedAndNamed() {
        // The list sizes the machine's dispatch; each entry has a name of its own.
        QSet<QString> names;
        for (RunFlowOutcome outcome : kRunFlowOutcomes) {
            const QString name = QString::fromUtf8(outcomeName(outcome).data());
            QVERIFY2(name != "?" && !name.isEmpty(), qPrintable(QString::number(int(outcome))));
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
        }
        QCOMPARE(outcomeName(RunFlowOutcome(kRunFlowOutcomes.size())), std::string_view("?"));
    }

    void nothingFollowsAnEnd() {
        RunFlowMachine machine(pull());
        QVERIFY(
            machine.handle(failed(O::ReferenceInvalid, "invalid reference format")).has_value());
        QVERIFY(isEnd(machine.step()));
        QVERIFY(!machine.handle(ok(O::Removed)).has_value());
    }

    void pullPolicyValues_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("policy");
        QTest::newRow("unset means missing") << "" << int(PullPolicy::Missing);
        QTest::newRow("missing") << "missing" << int(PullPolicy::Missing);
        QTest::newRow("always") << "always" << int(PullPolicy::Always);
        QTest::newRow("never") << "never" << int(PullPolicy::Never);
    }

    void pullPolicyValues() {
        QFETCH(QString, value);
        QFETCH(int, policy);
        const auto parsed = parsePullPolicy(value.toStdString());
        QVERIFY(parsed.has_value());
        QCOMPARE(int(*parsed), policy);
    }

    void unknownPullPolicyIsRefusedInTheClisWords() {
        const auto parsed = parsePullPolicy("bogus");
        QVERIFY(!parsed.has_value());
        const QString first =
            transcript()["docker run --pull bogus busybox:local true"].err.value(0);
        QCOMPARE("docker: " + QString::fromStdString(parsed.error().message), first);
    }

    // A copy is a second, independent flow: the GUI can branch "what if" from any step.
    void copiesWalkOnTheirOwn() {
        RunFlowMachine original(run(PullPolicy::Never));
        QVERIFY(original.handle(ok(O::OptionsValid)).has_value());
        QVERIFY(original.handle(reference("busybox:latest")).has_value());
        RunFlowMachine copy = original;
        QVERIFY(copy.handle(ok(O::ImageFound)).has_value());
        QCOMPARE(copy.step(), RunStep::CreateContainer);
        QCOMPARE(original.step(), RunStep::LookupLocal);
        const auto reaction =
            original.handle(failed(O::ImageMissing, "No such image: busybox:latest"));
        QVERIFY(reaction.has_value());
        QCOMPARE(reaction->to, RunStep::FailedNoSuchImage);
        QCOMPARE(reaction->exitStatus.value_or(-1), 125);
        QCOMPARE(reaction->failure->origin, ErrorOrigin::Daemon);
    }
};

QTEST_GUILESS_MAIN(TestRunFlow)
#include "tst_run_flow.moc"
