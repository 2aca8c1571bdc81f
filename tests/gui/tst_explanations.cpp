// Every row of the lifecycle table that a container can reach shows its own explanation: an
// outcome by its outcome (a failed start, freeze or removal moves the container, it is no
// refusal), an accepted command by its command and target, a refused command with the reason of
// its refusal. The rows are reached by driving machines with random commands and outcomes, and
// every row of the table must be among them.
#include "gui/panels/Explanations.h"
#include "gui/panels/RefusalReasons.h"

#include <QTest>
#include <map>
#include <random>

using namespace lab;
using namespace std::chrono_literals;

namespace {

template <class T, std::size_t N> T pick(std::mt19937& random, const std::array<T, N>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, N - 1)(random)];
}

struct Reached {
    LifecycleRecord record;
    Reaction reaction;
};

// The first reaction of every row the machines took, over many random lives.
std::map<int, Reached> reachRows() {
    std::map<int, Reached> reached;
    constexpr std::array policies{RestartPolicyKind::No, RestartPolicyKind::Always,
                                  RestartPolicyKind::OnFailure, RestartPolicyKind::UnlessStopped};
    constexpr std::array exitCodes{0, 1, 137, 143};
    constexpr std::array signalNumbers{0, 1, 9, 15}; // empty -s, SIGHUP, SIGKILL, SIGTERM
    for (unsigned seed = 0; seed < 20000; ++seed) {
        std::mt19937 random(seed);
        LifecycleMachine machine;
        LifecycleRecord record;
        record.restartPolicy.kind = pick(random, policies);
        record.autoRemove = random() % 3 == 0;
        record.hasCustomStopSignal = random() % 3 == 0; // --stop-signal SIGINT
        record.stopSignal = record.hasCustomStopSignal ? 2 : 15;
        for (int step = 0; step < 40 && machine.node() != LifecycleState::Removed; ++step) {
            Reaction reaction;
            if (random() % 2 == 0)
                reaction = machine.handle(
                    CommandEvent{pick(random, kCommands), {}, pick(random, signalNumbers), 2s},
                    record);
            else
                reaction = machine.handle(OutcomeEvent{pick(random, kOutcomes),
                                                       {},
                                                       pick(random, exitCodes),
                                                       pick(random, signalNumbers),
                                                       "injected failure"},
                                          record);
            if (reaction.row >= 0)
                reached.try_emplace(reaction.row, Reached{record, reaction});
        }
    }
    return reached;
}

Container containerFor(const Reached& reached) {
    Container container;
    container.id = std::string(64, 'a');
    container.name = "box";
    container.record = reached.record;
    return container;
}

} // namespace

class TestExplanations : public QObject {
    Q_OBJECT
private slots:
    void everyRowShowsItsOwnExplanation();
    void aRestartingContainerIsNeverToldItGetsASignal();
};

void TestExplanations::everyRowShowsItsOwnExplanation() {
    const std::map<int, Reached> reached = reachRows();
    const auto& table = LifecycleMachine::table();
    // Every row is reached (a row the driver below cannot reach is named here).
    QStringList missing;
    for (std::size_t i = 0; i < table.size(); ++i)
        if (!reached.count(int(i)))
            missing << QStringLiteral("%1 + %2 -> %3 [%4]")
                           .arg(QString::fromUtf8(nodeName(table[i].source).data()),
                                QString::fromUtf8(triggerName(table[i].trigger).data()),
                                QString::fromUtf8(nodeName(table[i].target).data()),
                                QString::fromStdString(table[i].guard));
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
    for (const auto& [index, entry] : reached) {
        const TableRow& row = table[std::size_t(index)];
        const QByteArray where = QByteArray(nodeName(row.source).data()) + " + " +
                                 QByteArray(triggerName(row.trigger).data()) + " -> " +
                                 QByteArray(nodeName(entry.reaction.to).data());
        const ExplanationText* text = explanationFor(entry.reaction);
        QVERIFY2(text, where.constData());
        const Explanation told = explain(containerFor(entry), entry.reaction);
        if (row.isCommand() && entry.reaction.verdict != Verdict::Accepted) {
            QVERIFY2(text->when == ExplanationKey{entry.reaction.verdict}, where.constData());
        } else {
            QVERIFY2(text->when == explanationKey(row.trigger), where.constData());
            QVERIFY2(!text->target || *text->target == row.target, where.constData());
        }
        if (entry.reaction.refusal)
            QVERIFY2(told.underneath.contains(refusalReason(*entry.reaction.refusal)),
                     where.constData());
        QVERIFY2(!told.headline.contains(u'{') && !told.underneath.contains(u'{'),
                 where.constData()); // every placeholder filled
    }
}

void TestExplanations::aRestartingContainerIsNeverToldItGetsASignal() {
    int restartingCommands = 0;
    for (const auto& [index, entry] : reachRows()) {
        const TableRow& row = LifecycleMachine::table()[std::size_t(index)];
        if (row.source != LifecycleState::Restarting || !row.isCommand() ||
            entry.reaction.verdict != Verdict::Accepted)
            continue;
        ++restartingCommands;
        const Explanation told = explain(containerFor(entry), entry.reaction);
        QVERIFY2(!told.headline.contains(QStringLiteral("SIGTERM")),
                 qPrintable(told.headline + QStringLiteral(" / ") + told.underneath));
        QVERIFY2(!told.underneath.contains(QStringLiteral("sends SIGKILL")) &&
                     !told.underneath.contains(QStringLiteral("sends one signal")),
                 qPrintable(told.underneath));
    }
    QVERIFY(restartingCommands >= 3); // stop, kill, restart, rm -f of a restarting container
}

QTEST_GUILESS_MAIN(TestExplanations)
#include "tst_explanations.moc"
