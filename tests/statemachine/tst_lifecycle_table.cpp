// Every Docker state x every command, against the reference's master table (docker-lifecycle.md
// §2.14, with the events of §6.2 and the texts of §2.4-2.9 and §7's "20.10" column). The data
// below is the reference typed in once; the machine is driven to each state the way a user gets
// there, the command is sent, and the effects it asks for are carried out (LifecycleDriver).

#include "LifecycleDriver.h"

#include <QtTest>
#include <set>

using namespace lab;
using namespace lab::test;

namespace {

// Variations of the plain "state + command" case that reach the table's guarded rows.
enum class Setup {
    Plain,
    RemoveForceInFlight, ///< rm -f was sent and its kill has not landed yet
    CustomStopSignal,    ///< --stop-signal USR2 (12)
    IgnoresSignal,       ///< the process has a handler for the signal sent (it survives)
};

struct Case {
    ContainerState state;
    Command command;
    Verdict verdict;
    const char* message; ///< Docker's text with ID and NAME for the container's ID and name
    LifeNode final;      ///< where the container is once the command's effects are done
    const char* events;  ///< the Docker events, in order
    bool waitBlocks = false;
    int signal = 9;
    Setup setup = Setup::Plain;
    const char* variant = "";
};

constexpr auto A = Verdict::Accepted;
constexpr auto N = Verdict::NotModified;
constexpr auto X = Verdict::Refused;
using S = ContainerState;
using C = Command;
using L = LifeNode;

const char* const kNotRunning = "Container ID is not running";
const char* const kNotPaused = "Container ID is not paused";
const char* const kKillNotRunning = "Cannot kill container: NAME: Container ID is not running";
const char* const kMarked = "container is marked for removal and cannot be started";
const char* const kRestartMarked =
    "Cannot restart container NAME: container is marked for removal and cannot be started";
const char* const kInProgress = "removal of container NAME is already in progress";
const char* const kNoRow = "(no row: create makes a new container)";

// clang-format off
const std::vector<Case> kCases = {
    // created
    {S::Created, C::Create,      X, kNoRow,          L::Created, ""},
    {S::Created, C::Start,       A, "",              L::Running, "start"},
    {S::Created, C::Stop,        N, "",              L::Created, ""},
    {S::Created, C::Kill,        X, kKillNotRunning, L::Created, ""},
    {S::Created, C::Pause,       X, kNotRunning,     L::Created, ""},
    {S::Created, C::Unpause,     X, kNotPaused,      L::Created, ""},
    {S::Created, C::Restart,     A, "",              L::Running, "start, restart"},
    {S::Created, C::Remove,      A, "",              L::Removed, "destroy"},
    {S::Created, C::RemoveForce, A, "",              L::Removed, "destroy"},
    {S::Created, C::Wait,        A, "",              L::Created, ""},
    {S::Created, C::Rename,      A, "",              L::Created, "rename"},
    // running
    {S::Running, C::Create,      X, kNoRow,          L::Running, ""},
    {S::Running, C::Start,       N, "",              L::Running, ""},
    {S::Running, C::Stop,        A, "",              L::Exited,  "kill 15, die 143, stop"},
    {S::Running, C::Kill,        A, "",              L::Exited,  "kill 9, die 137"},
    {S::Running, C::Kill,        A, "",              L::Exited,  "kill 1, die 129", false, 1, Setup::Plain, "-s HUP"},
    {S::Running, C::Pause,       A, "",              L::Paused,  "pause"},
    {S::Running, C::Unpause,     X, kNotPaused,      L::Running, ""},
    {S::Running, C::Restart,     A, "",              L::Running, "kill 15, die 143, stop, start, restart"},
    {S::Running, C::Remove,      X, "You cannot remove a running container ID. Stop the container before attempting removal or force remove", L::Running, ""},
    {S::Running, C::Remove,      X, kInProgress,     L::Running, "", false, 9, Setup::RemoveForceInFlight, "during rm -f"},
    {S::Running, C::RemoveForce, A, "",              L::Removed, "kill 9, die 137, destroy"},
    {S::Running, C::RemoveForce, X, kInProgress,     L::Running, "", false, 9, Setup::RemoveForceInFlight, "during rm -f"},
    {S::Running, C::Wait,        A, "",              L::Running, "", true},
    {S::Running, C::Rename,      A, "",              L::Running, "rename"},
    // paused
    {S::Paused,  C::Create,      X, kNoRow,          L::Paused,  ""},
    {S::Paused,  C::Start,       X, "cannot start a paused container, try unpause instead", L::Paused, ""},
    {S::Paused,  C::Stop,        A, "",              L::Exited,  "kill 15, unpause, die 143, stop"},
    {S::Paused,  C::Kill,        A, "",              L::Exited,  "kill 9, unpause, die 137"},
    {S::Paused,  C::Kill,        A, "",              L::Running, "kill 10, unpause", false, 10, Setup::IgnoresSignal, "-s USR1, handled"},
    {S::Paused,  C::Kill,        A, "",              L::Paused,  "kill 10", false, 10, Setup::CustomStopSignal, "-s USR1, --stop-signal USR2"},
    {S::Paused,  C::Pause,       X, "Container ID is already paused", L::Paused, ""},
    {S::Paused,  C::Unpause,     A, "",              L::Running, "unpause"},
    {S::Paused,  C::Restart,     A, "",              L::Running, "kill 15, unpause, die 143, stop, start, restart"},
    {S::Paused,  C::Remove,      X, "You cannot remove a paused container ID. Unpause and then stop the container before attempting removal or force remove", L::Paused, ""},
    {S::Paused,  C::Remove,      X, kInProgress,     L::Paused,  "", false, 9, Setup::RemoveForceInFlight, "during rm -f"},
    {S::Paused,  C::RemoveForce, A, "",              L::Removed, "kill 9, unpause, die 137, destroy"},
    {S::Paused,  C::RemoveForce, X, kInProgress,     L::Paused,  "", false, 9, Setup::RemoveForceInFlight, "during rm -f"},
    {S::Paused,  C::Wait,        A, "",              L::Paused,  "", true},
    {S::Paused,  C::Rename,      A, "",              L::Paused,  "rename"},
    // restarting
    {S::Restarting, C::Create,      X, kNoRow,       L::Restarting, ""},
    {S::Restarting, C::Start,       N, "",           L::Restarting, ""},
    {S::Restarting, C::Stop,        A, "",           L::Exited,     "stop"},
    {S::Restarting, C::Kill,        A, "",           L::Exited,     ""},
    {S::Restarting, C::Kill,        A, "",           L::Restarting, "", false, 10, Setup::CustomStopSignal, "-s USR1, --stop-signal USR2"},
    {S::Restarting, C::Pause,       X, "Container ID is restarting, wait until the container is running", L::Restarting, ""},
    {S::Restarting, C::Unpause,     X, kNotPaused,   L::Restarting, ""},
    {S::Restarting, C::Restart,     A, "",           L::Running,    "stop, start, restart"},
    {S::Restarting, C::Remove,      X, "You cannot remove a restarting container ID. Stop the container before attempting removal or force remove", L::Restarting, ""},
    {S::Restarting, C::RemoveForce, A, "",           L::Removed,    "destroy"},
    {S::Restarting, C::Wait,        A, "",           L::Restarting, "", true},
    {S::Restarting, C::Rename,      A, "",           L::Restarting, "rename"},
    // removing
    {S::Removing, C::Create,      X, kNoRow,          L::Removing, ""},
    {S::Removing, C::Start,       X, kMarked,         L::Removing, ""},
    {S::Removing, C::Stop,        N, "",              L::Removing, ""},
    {S::Removing, C::Kill,        X, kKillNotRunning, L::Removing, ""},
    {S::Removing, C::Pause,       X, kNotRunning,     L::Removing, ""},
    {S::Removing, C::Unpause,     X, kNotPaused,      L::Removing, ""},
    {S::Removing, C::Restart,     X, kRestartMarked,  L::Removing, ""},
    {S::Removing, C::Remove,      X, kInProgress,     L::Removing, ""},
    {S::Removing, C::RemoveForce, X, kInProgress,     L::Removing, ""},
    {S::Removing, C::Wait,        A, "",              L::Removing, ""},
    {S::Removing, C::Rename,      A, "",              L::Removing, "rename"},
    // exited
    {S::Exited, C::Create,      X, kNoRow,          L::Exited,  ""},
    {S::Exited, C::Start,       A, "",              L::Running, "start"},
    {S::Exited, C::Stop,        N, "",              L::Exited,  ""},
    {S::Exited, C::Kill,        X, kKillNotRunning, L::Exited,  ""},
    {S::Exited, C::Pause,       X, kNotRunning,     L::Exited,  ""},
    {S::Exited, C::Unpause,     X, kNotPaused,      L::Exited,  ""},
    {S::Exited, C::Restart,     A, "",              L::Running, "start, restart"},
    {S::Exited, C::Remove,      A, "",              L::Removed, "destroy"},
    {S::Exited, C::RemoveForce, A, "",              L::Removed, "destroy"},
    {S::Exited, C::Wait,        A, "",              L::Exited,  ""},
    {S::Exited, C::Rename,      A, "",              L::Exited,  "rename"},
    // dead
    {S::Dead, C::Create,      X, kNoRow,          L::Dead,    ""},
    {S::Dead, C::Start,       X, kMarked,         L::Dead,    ""},
    {S::Dead, C::Stop,        N, "",              L::Dead,    ""},
    {S::Dead, C::Kill,        X, kKillNotRunning, L::Dead,    ""},
    {S::Dead, C::Pause,       X, kNotRunning,     L::Dead,    ""},
    {S::Dead, C::Unpause,     X, kNotPaused,      L::Dead,    ""},
    {S::Dead, C::Restart,     X, kRestartMarked,  L::Dead,    ""},
    {S::Dead, C::Remove,      A, "",              L::Removed, "destroy"},
    {S::Dead, C::RemoveForce, A, "",              L::Removed, "destroy"},
    {S::Dead, C::Wait,        A, "",              L::Dead,    ""},
    {S::Dead, C::Rename,      A, "",              L::Dead,    "rename"},
};
// clang-format on

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
    QCOMPARE(row.event, std::string(commandName(c.command)));
    QVERIFY(row.isCommand);
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
        if (!row.isCommand || row.source == LifeNode::Start)
            continue;
        QVERIFY2(g_firedCommandRows.count(int(i)),
                 qPrintable(
                     QString("row %1 (%2 + %3 [%4]) is never reached")
                         .arg(i)
                         .arg(nodeName(row.source).data(), row.event.c_str(), row.guard.c_str())));
    }
}

void TestLifecycleTable::tableNamesEveryStateCommandAndOutcome() {
    const auto& table = LifecycleMachine::table();
    auto has = [&](LifeNode source, const std::string& event) {
        return std::any_of(table.begin(), table.end(), [&](const TableRow& row) {
            return row.source == source && row.event == event;
        });
    };
    QVERIFY(has(LifeNode::Start, "create"));
    for (const ContainerState state : allContainerStates()) {
        const auto node = LifeNode(int(state) + 1);
        QCOMPARE(dockerState(node), std::optional<ContainerState>(state));
        for (const Command command : allCommands()) {
            if (command == Command::Create)
                continue;
            QVERIFY2(has(node, std::string(commandName(command))),
                     qPrintable(QString("%1 + %2 has no row")
                                    .arg(dockerName(state).data(), commandName(command).data())));
        }
    }
    for (int o = 0; o <= int(Outcome::DaemonRestored); ++o) {
        const std::string name(outcomeName(Outcome(o)));
        QVERIFY2(std::any_of(table.begin(), table.end(),
                             [&](const TableRow& row) { return row.event == name; }),
                 name.c_str());
    }
    QVERIFY(std::any_of(table.begin(), table.end(),
                        [](const TableRow& row) { return row.target == LifeNode::Removed; }));
    for (const TableRow& row : table)
        QVERIFY(!row.action.empty());
}

void TestLifecycleTable::inspectFlags_data() {
    // Reference §1.1/§1.2: Running covers paused and restarting; a removal in flight has Dead.
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
