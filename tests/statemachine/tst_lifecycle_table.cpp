// Every Docker state x every command, against Docker's master table (MasterTable.h: the
// table typed in once, which tst_real_master_table also holds the real backend to). The
// machine is driven to each state the way a user gets there, the command is sent, and the
// effects it asks for are carried out (LifecycleDriver).

#include "LifecycleDriver.h"
#include "MasterTable.h"

#include <QtTest>
#include <set>

using namespace lab;
using namespace lab::test;

namespace {

QString substitute(QString text) {
    return text.replace("NAME", kName).replace("ID", kId);
}

QString rowName(const Case& c) {
    QString name =
        QString("%1 + %2").arg(dockerName(c.state).data(), commandName(c.command).data());
    if (*c.variant)
        name += QString(" (%1)").arg(c.variant);
    switch (c.verdict) {
    case Verdict::Refused:
        return name + " is refused: " + c.message;
    case Verdict::NotModified:
        return name + " is not modified (304)";
    case Verdict::Accepted:
        break;
    }
    name += QString(" is accepted: -> %1").arg(nodeName(c.final).data());
    if (*c.events)
        name += QString(" (%1)").arg(c.events);
    return c.waitBlocks ? name + ", wait blocks" : name;
}

LifecycleDriver prepare(const Case& c) {
    LifecycleRecord config;
    if (c.setup == Setup::CustomStopSignal) {
        config.hasCustomStopSignal = true;
        config.stopSignal = 12;
    }
    LifecycleDriver d = reach(c.state, config);
    if (c.setup == Setup::IgnoresSignal)
        d.ignores.push_back(c.signal);
    if (c.setup == Setup::RemoveForceInFlight) {
        d.command(Command::RemoveForce);
        d.dropPending();
        d.events.clear();
    }
    return d;
}

// Each entry of a list has a name of its own, and the value after the last entry has none: the
// name switches cover every enumerator (-Wswitch), so an enumerator left out of the list shows.
template <class Enum, std::size_t N, class NameOf>
void checkListed(const std::array<Enum, N>& all, NameOf nameOf, std::string_view unknown) {
    std::set<std::string_view> names;
    for (const Enum value : all) {
        const std::string_view name = nameOf(value);
        QVERIFY2(!name.empty() && name != unknown, std::to_string(int(value)).c_str());
        QVERIFY2(names.insert(name).second, std::string(name).c_str());
    }
    QCOMPARE(nameOf(Enum(N)), unknown);
}

QString joined(const std::vector<std::string>& items) {
    QStringList list;
    for (const auto& item : items)
        list << QString::fromStdString(item);
    return list.join(", ");
}

// Everything preview() could have touched, in a comparable form.
QString snapshot(const LifecycleMachine& m, const LifecycleRecord& r) {
    return QString("%1 R%2 P%3 Rs%4 D%5 | %6 %7 %8 %9 %10 %11 %12 %13 %14 %15")
        .arg(nodeName(m.node()).data())
        .arg(m.isRunning())
        .arg(m.isPaused())
        .arg(m.isRestarting())
        .arg(m.isDead())
        .arg(int(r.intent))
        .arg(r.restartCount)
        .arg(r.manuallyStopped)
        .arg(r.restartCancelled)
        .arg(qint64(r.backoff.count()))
        .arg(r.hasBeenStarted)
        .arg(r.exitCode)
        .arg(QString::fromStdString(r.error))
        .arg(qint64(r.startedAt.time_since_epoch().count()))
        .arg(qint64(r.finishedAt.time_since_epoch().count()));
}

std::set<int> g_firedCommandRows;

} // namespace

Q_DECLARE_METATYPE(lab::ContainerState)

class TestLifecycleTable : public QObject {
    Q_OBJECT

private slots:
    void everyStateAndCommand_data();
    void everyStateAndCommand();
    void everyCommandRowIsReached();
    void tableNamesEveryStateCommandAndOutcome();
    void everyEnumeratorIsListedAndNamed();
    void inspectFlags_data();
    void inspectFlags();
};

void TestLifecycleTable::everyStateAndCommand_data() {
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < kCases.size(); ++i)
        QTest::newRow(qPrintable(rowName(kCases[i]))) << int(i);
}

void TestLifecycleTable::everyStateAndCommand() {
    QFETCH(int, index);
    const Case& c = kCases[std::size_t(index)];
    LifecycleDriver d = prepare(c);
    QCOMPARE(dockerState(d.machine.node()), std::optional<ContainerState>(c.state));

    CommandEvent probe;
    probe.command = c.command;
    probe.signal = c.signal;
    probe.at = d.now;
    const QString before = snapshot(d.machine, d.record);
    const Reaction preview = d.machine.preview(probe, d.record);
    QCOMPARE(snapshot(d.machine, d.record), before); // preview changes nothing

    const Reaction r = d.command(c.command, c.signal);
    QCOMPARE(int(preview.verdict), int(r.verdict));
    QCOMPARE(preview.row, r.row);
    QCOMPARE(preview.to, r.to);
    QCOMPARE(int(r.verdict), int(c.verdict));
    QCOMPARE(r.waitBlocks, c.waitBlocks);
    if (c.verdict == Verdict::Refused) {
        QVERIFY(r.refusal.has_value());
        if (c.command == Command::Create) {
            QCOMPARE(*r.refusal, Refusal::NoTransition);
            QCOMPARE(r.row, -1);
            return;
        }
        QCOMPARE(QString::fromStdString(refusalText(*r.refusal, kId, kName, r.detail)),
                 substitute(c.message));
    }

    // The row that fired is the table's row for this state, command and target.
    QVERIFY(r.row >= 0 && r.row < int(LifecycleMachine::table().size()));
    const TableRow& row = LifecycleMachine::table()[std::size_t(r.row)];
    QCOMPARE(row.source, r.from);
    QVERIFY(row.trigger == Trigger{c.command});
    QCOMPARE(row.target, r.to);
    QCOMPARE(row.publishes, r.actions);
    g_firedCommandRows.insert(r.row);

    d.settle();
    QCOMPARE(d.machine.node(), c.final);
    QCOMPARE(joined(d.events), QString(c.events));
}

void TestLifecycleTable::everyCommandRowIsReached() {
    // Runs after everyStateAndCommand, which notes the rows it fired.
    QVERIFY(!g_firedCommandRows.empty());
    const auto& table = LifecycleMachine::table();
    for (std::size_t i = 0; i < table.size(); ++i) {
        const TableRow& row = table[i];
        if (!row.isCommand() || row.source == LifecycleState::Start)
            continue;
        QVERIFY2(g_firedCommandRows.count(int(i)),
                 qPrintable(QString("row %1 (%2 + %3 [%4]) is never reached")
                                .arg(i)
                                .arg(nodeName(row.source).data(), triggerName(row.trigger).data(),
                                     row.guard.c_str())));
    }
}

void TestLifecycleTable::everyEnumeratorIsListedAndNamed() {
    checkListed(
        kContainerStates, [](ContainerState s) { return dockerName(s); }, "unknown");
    checkListed(
        kCommands, [](Command c) { return commandName(c); }, "unknown");
    checkListed(
        kOutcomes, [](Outcome o) { return outcomeName(o); }, "unknown");
    checkListed(
        kRefusals, [](Refusal r) { return refusalName(r); }, "Unknown");
}

void TestLifecycleTable::tableNamesEveryStateCommandAndOutcome() {
    const auto& table = LifecycleMachine::table();
    auto has = [&](LifecycleState source, Trigger trigger) {
        return std::any_of(table.begin(), table.end(), [&](const TableRow& row) {
            return row.source == source && row.trigger == trigger;
        });
    };
    QVERIFY(has(LifecycleState::Start, Command::Create));
    for (const ContainerState state : kContainerStates) {
        const auto node = LifecycleState(int(state) + 1);
        QCOMPARE(dockerState(node), std::optional<ContainerState>(state));
        for (const Command command : kCommands) {
            if (command == Command::Create)
                continue;
            QVERIFY2(has(node, command),
                     qPrintable(QString("%1 + %2 has no row")
                                    .arg(dockerName(state).data(), commandName(command).data())));
        }
    }
    for (const Outcome each : kOutcomes) {
        const Trigger outcome = each;
        QVERIFY2(std::any_of(table.begin(), table.end(),
                             [&](const TableRow& row) { return row.trigger == outcome; }),
                 triggerName(outcome).data());
    }
    QVERIFY(std::any_of(table.begin(), table.end(),
                        [](const TableRow& row) { return row.target == LifecycleState::Removed; }));
    for (const TableRow& row : table)
        QVERIFY(!row.action.empty());
}

void TestLifecycleTable::inspectFlags_data() {
    // DOCKER-BEHAVIOUR §1.1/§1.2: Running covers paused and restarting; a removal in flight: Dead.
    QTest::addColumn<ContainerState>("state");
    QTest::addColumn<QString>("flags");
    QTest::newRow("created: nothing") << S::Created << "";
    QTest::newRow("running: Running") << S::Running << "Running";
    QTest::newRow("paused: Running and Paused") << S::Paused << "Running Paused";
    QTest::newRow("restarting: Running and Restarting") << S::Restarting << "Running Restarting";
    QTest::newRow("removing: Dead") << S::Removing << "Dead";
    QTest::newRow("exited: nothing") << S::Exited << "";
    QTest::newRow("dead: Dead") << S::Dead << "Dead";
}

void TestLifecycleTable::inspectFlags() {
    QFETCH(ContainerState, state);
    QFETCH(QString, flags);
    const LifecycleDriver d = reach(state);
    QStringList set;
    if (d.machine.isRunning())
        set << "Running";
    if (d.machine.isPaused())
        set << "Paused";
    if (d.machine.isRestarting())
        set << "Restarting";
    if (d.machine.isDead())
        set << "Dead";
    QCOMPARE(set.join(' '), flags);
}

QTEST_APPLESS_MAIN(TestLifecycleTable)
#include "tst_lifecycle_table.moc"
