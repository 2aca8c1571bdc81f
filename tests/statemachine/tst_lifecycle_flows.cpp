// Whole stories through the lifecycle: a command, the outcomes the backend reports, and what
// Docker shows at the end (events in order, state, exit code, restart count). The expected
// values come from docs/DOCKER-BEHAVIOUR.md: §6.2 (event orders), §2.6-2.12 and §9 (real runs).

#include "LifecycleDriver.h"

#include <QtTest>
#include <functional>
#include <set>

using namespace lab;
using namespace lab::test;

namespace {

const std::string kRuncError = "failed to create shim task: OCI runtime create failed: runc "
                               "create failed: unable to start container process: exec: "
                               "\"nonexistcmd\": executable file not found in $PATH: unknown";

std::set<int> g_reachedRows;

QString joined(const std::vector<std::string>& items) {
    QStringList list;
    for (const auto& item : items)
        list << QString::fromStdString(item);
    return list.join(", ");
}

// Notes the rows a story went through, for everyOutcomeRowIsReached.
void note(const LifecycleDriver& d) {
    g_reachedRows.insert(d.firedRows.begin(), d.firedRows.end());
}

QString repeat(const QString& part, int times) {
    QStringList list;
    for (int i = 0; i < times; ++i)
        list << part;
    return list.join(", ");
}

LifecycleRecord withPolicy(RestartPolicyKind kind, int maxRetries = 0) {
    LifecycleRecord record;
    record.restartPolicy = {kind, maxRetries};
    return record;
}

LifecycleRecord withAutoRemove() {
    LifecycleRecord record;
    record.autoRemove = true;
    return record;
}

// A way to bring a container to where the daemon restore finds it (filled by the _data function).
using Story = std::function<void(LifecycleDriver&)>;
std::vector<Story> g_restoreStories;

} // namespace

Q_DECLARE_METATYPE(lab::ContainerState)
Q_DECLARE_METATYPE(lab::LifecycleState)

class TestLifecycleFlows : public QObject {
    Q_OBJECT

private slots:
    void stopOfPausedContainerWaitsForTheTimeout();
    void stopTimeoutKillsAContainerPausedAgain();
    void stopTimeoutAfterAKillDoesNothingMore_data();
    void stopTimeoutAfterAKillDoesNothingMore();
    void stopWithoutTimeoutWaitsForever();
    void restartFromRunningEndsRunning();
    void restartOfAStoppedContainer_data();
    void restartOfAStoppedContainer();
    void policyAlwaysBacksOffDoubling();
    void backoffStartsOverAfterALongRun_data();
    void backoffStartsOverAfterALongRun();
    void onFailureThreeEndsExitedAfterFourRuns();
    void stopDuringBackoffOnlyLogsStop();
    void failedPolicyStartKeepsTheLastExit();
    void removeForceOfRunningContainer();
    void removalFailureLeavesDeadThenRmRetries();
    void outOfMemoryThenRestartPerPolicy();
    void failedStart_data();
    void failedStart();
    void autoRemove_data();
    void autoRemove();
    void freezeFailureIsRefusedWithTheRuntimeError();
    void daemonShutdownAndRestore_data();
    void daemonShutdownAndRestore();
    void daemonRestorePolicies_data();
    void daemonRestorePolicies();
    void everyOutcomeRowIsReached();
};

void TestLifecycleFlows::stopOfPausedContainerWaitsForTheTimeout() {
    // §2.6: a paused sleep (PID 1, no TERM handler): kill(15), unpause, kill(9), die, stop.
    LifecycleDriver d = reach(ContainerState::Paused);
    d.ignores = {15};
    const TimePoint before = d.now;
    d.command(Command::Stop, 0, 1s);
    d.settle();
    QCOMPARE(joined(d.events), QString("kill 15, unpause, kill 9, die 137, stop"));
    QCOMPARE(d.machine.node(), LifecycleState::Exited);
    QCOMPARE(d.record.exitCode, 137);
    QCOMPARE(d.now - before, Duration(1s));
    QVERIFY(d.record.manuallyStopped);
    note(d);
}

void TestLifecycleFlows::stopTimeoutKillsAContainerPausedAgain() {
    // docker stop -t 5 of a sleep, then docker pause before the timeout: the timeout's SIGKILL
    // thaws the container so that it lands (killWithSignal: unpause after SIGKILL).
    LifecycleDriver d = reach(ContainerState::Running);
    d.command(Command::Stop, 0, 5s);
    d.dropPending();
    d.outcome(Outcome::Signalled, 0, 15); // sleep as PID 1 ignores it
    d.command(Command::Pause);
    d.dropPending();
    d.outcome(Outcome::Frozen);
    const Reaction timedOut = d.outcome(Outcome::StopTimedOut);
    QCOMPARE(timedOut.effects.size(), std::size_t(1));
    QCOMPARE(timedOut.effects[0].kind, EffectKind::KillProcess);
    QVERIFY(timedOut.effects[0].thawAfterSignal);
    d.settle();
    QCOMPARE(joined(d.events), QString("kill 15, pause, kill 9, unpause, die 137, stop"));
    QCOMPARE(d.machine.node(), LifecycleState::Exited);
    QCOMPARE(d.record.exitCode, 137);
    note(d);
}

void TestLifecycleFlows::stopTimeoutAfterAKillDoesNothingMore_data() {
    QTest::addColumn<bool>("pausedAgain");
    QTest::newRow("running") << false;
    QTest::newRow("paused again") << true;
}

void TestLifecycleFlows::stopTimeoutAfterAKillDoesNothingMore() {
    // docker stop, then docker kill before the timeout: the kill's SIGKILL is on its way, so
    // the timeout that runs out before its exit arrives asks for nothing.
    QFETCH(bool, pausedAgain);
    LifecycleDriver d = reach(ContainerState::Running);
    d.command(Command::Stop, 0, 5s);
    d.dropPending();
    if (pausedAgain) {
        d.command(Command::Pause);
        d.dropPending();
        d.outcome(Outcome::Frozen);
    }
    d.command(Command::Kill, 9);
    d.dropPending();
    const LifecycleState before = d.machine.node();
    const Reaction timedOut = d.outcome(Outcome::StopTimedOut);
    QCOMPARE(timedOut.verdict, Verdict::Accepted);
    QVERIFY(timedOut.effects.empty());
    QVERIFY(timedOut.actions.empty());
    QCOMPARE(d.machine.node(), before);
    note(d);
}

void TestLifecycleFlows::stopWithoutTimeoutWaitsForever() {
    // docker stop -t -1 of a process that ignores SIGTERM: no SIGKILL ever comes.
    LifecycleDriver d = reach(ContainerState::Running);
    d.ignores = {15};
    d.command(Command::Stop, 0, Duration(-1s));
    d.settle();
    QCOMPARE(joined(d.events), QString("kill 15"));
    QCOMPARE(d.machine.node(), LifecycleState::Running);
    note(d);
}

void TestLifecycleFlows::restartFromRunningEndsRunning() {
    LifecycleDriver d = reach(ContainerState::Running, withPolicy(RestartPolicyKind::Always));
    d.record.restartCount = 4;
    d.command(Command::Restart);
    d.settle();
    QCOMPARE(joined(d.events), QString("kill 15, die 143, stop, start, restart"));
    QCOMPARE(d.machine.node(), LifecycleState::Running);
    QCOMPARE(d.record.restartCount, 0); // ResetRestartManager(true)
    QCOMPARE(d.record.exitCode, 0);
    QVERIFY(!d.record.manuallyStopped);
    note(d);
}

void TestLifecycleFlows::restartOfAStoppedContainer_data() {
    // §2.8: from created or exited, restart is a start that logs restart too (§6.2).
    QTest::addColumn<bool>("ranBefore");
    QTest::newRow("created: start, restart") << false;
    QTest::newRow("exited after on-failure:3 gave up: start, restart, count reset") << true;
}

void TestLifecycleFlows::restartOfAStoppedContainer() {
    QFETCH(bool, ranBefore);
    LifecycleDriver d = reach(ContainerState::Created, withPolicy(RestartPolicyKind::OnFailure, 3));
    if (ranBefore) {
        d.exitsAfterStart = 3;
        d.command(Command::Start);
        d.settle();
        QCOMPARE(d.record.restartCount, 3);
        d.exitsAfterStart.reset();
        d.events.clear();
    }
    d.command(Command::Restart);
    d.settle();
    QCOMPARE(joined(d.events), QString("start, restart"));
    QCOMPARE(d.machine.node(), LifecycleState::Running);
    QCOMPARE(d.record.restartCount, 0);
    note(d);
}

void TestLifecycleFlows::policyAlwaysBacksOffDoubling() {
    // §2.12: 100 ms, doubling; a policy restart logs start but never restart.
    LifecycleDriver d = reach(ContainerState::Created, withPolicy(RestartPolicyKind::Always));
    d.exitsAfterStart = 1;
    d.runsFor = 0s;
    d.command(Command::Start);
    d.settle(11);
    const std::vector<Duration> expected{100ms,  200ms,   400ms,   800ms,   1600ms, 3200ms,
                                         6400ms, 12800ms, 25600ms, 51200ms, 60s};
    QCOMPARE(d.backoffs, expected);
    QCOMPARE(d.pending().front().delay, Duration(60s)); // capped at one minute
    QCOMPARE(d.machine.node(), LifecycleState::Restarting);
    QCOMPARE(d.record.restartCount, 12);
    QCOMPARE(joined(d.events), repeat("start, die 1", 12));
    note(d);
}

void TestLifecycleFlows::backoffStartsOverAfterALongRun_data() {
    QTest::addColumn<int>("runSeconds");
    QTest::addColumn<int>("thirdDelayMs");
    QTest::newRow("runs of 9 s keep doubling") << 9 << 400;
    QTest::newRow("runs of 10 s start over at 100 ms") << 10 << 100;
}

void TestLifecycleFlows::backoffStartsOverAfterALongRun() {
    QFETCH(int, runSeconds);
    QFETCH(int, thirdDelayMs);
    LifecycleDriver d = reach(ContainerState::Created, withPolicy(RestartPolicyKind::Always));
    d.exitsAfterStart = 0;
    d.runsFor = std::chrono::seconds(runSeconds);
    d.command(Command::Start);
    d.settle(3);
    QCOMPARE(d.backoffs.size(), std::size_t(3));
    QCOMPARE(d.backoffs[2], Duration(std::chrono::milliseconds(thirdDelayMs)));
    note(d);
}

void TestLifecycleFlows::onFailureThreeEndsExitedAfterFourRuns() {
    // §9: on-failure:3 with exit 3 gave 4 runs, RestartCount=3 and Exited (3).
    LifecycleDriver d = reach(ContainerState::Created, withPolicy(RestartPolicyKind::OnFailure, 3));
    d.exitsAfterStart = 3;
    d.command(Command::Start);
    d.settle();
    QCOMPARE(d.machine.node(), LifecycleState::Exited);
    QCOMPARE(d.record.restartCount, 3);
    QCOMPARE(d.record.exitCode, 3);
    QCOMPARE(joined(d.events), repeat("start, die 3", 4));
    note(d);
}

void TestLifecycleFlows::stopDuringBackoffOnlyLogsStop() {
    // §9: unless-stopped in back-off plus docker stop emitted only a stop event.
    LifecycleDriver d =
        reach(ContainerState::Created, withPolicy(RestartPolicyKind::UnlessStopped));
    d.exitsAfterStart = 1;
    d.command(Command::Start);
    d.settle(0);
    QCOMPARE(d.machine.node(), LifecycleState::Restarting);
    d.events.clear();
    d.exitsAfterStart.reset();
    d.command(Command::Stop);
    d.settle();
    QCOMPARE(joined(d.events), QString("stop"));
    QCOMPARE(d.machine.node(), LifecycleState::Exited);
    QCOMPARE(d.record.exitCode, 1);
    QVERIFY(d.pending().empty()); // the scheduled restart is cancelled
    note(d);
}

void TestLifecycleFlows::failedPolicyStartKeepsTheLastExit() {
    // §2.12: if the delayed start fails, SetStopped runs with the exit that led to it.
    LifecycleDriver d = reach(ContainerState::Created, withPolicy(RestartPolicyKind::Always));
    d.exitsAfterStart = 1;
    d.command(Command::Start);
    d.settle(0);
    d.startError = kRuncError;
    d.settle();
    QCOMPARE(d.machine.node(), LifecycleState::Exited);
    QCOMPARE(d.record.exitCode, 1);
    QCOMPARE(d.record.error, kRuncError);
    QCOMPARE(joined(d.events), QString("start, die 1"));
    note(d);
}

void TestLifecycleFlows::removeForceOfRunningContainer() {
    // §6.2: rm -f of a running container: kill(9), die, destroy, with no stop.
    LifecycleDriver d = reach(ContainerState::Running, withPolicy(RestartPolicyKind::Always));
    const Reaction r = d.command(Command::RemoveForce);
    QCOMPARE(r.to, LifecycleState::Running); // stays running until the process dies (§1.2)
    d.settle();
    QCOMPARE(joined(d.events), QString("kill 9, die 137, destroy"));
    QCOMPARE(d.machine.node(), LifecycleState::Removed);
    note(d);
}

void TestLifecycleFlows::removalFailureLeavesDeadThenRmRetries() {
    // §3: a removal that fails after Dead was set leaves a dead container; rm retries it.
    LifecycleDriver d = reach(ContainerState::Exited);
    d.removalError = "unlinkat /var/lib/docker/containers/x/mounts/shm: device or resource busy";
    d.command(Command::Remove);
    d.settle();
    const Reaction& failed = d.reactions.back();
    QCOMPARE(failed.verdict, Verdict::Refused);
    QCOMPARE(QString::fromStdString(refusalText(*failed.refusal, kId, kName, failed.detail)),
             QString("unable to remove filesystem for %1: %2")
                 .arg(kId, QString::fromStdString(*d.removalError)));
    QCOMPARE(d.machine.node(), LifecycleState::Dead);
    QCOMPARE(d.record.error, *d.removalError);
    QVERIFY(d.events.empty());

    d.removalError.reset();
    d.command(Command::Remove);
    d.settle();
    QCOMPARE(d.machine.node(), LifecycleState::Removed);
    QCOMPARE(joined(d.events), QString("destroy"));
    note(d);
}

void TestLifecycleFlows::outOfMemoryThenRestartPerPolicy() {
    // §6.2: oom, die (exitCode=137), then restart per policy; inspect shows OOMKilled.
    LifecycleDriver d = reach(ContainerState::Running, withPolicy(RestartPolicyKind::OnFailure));
    d.outcome(Outcome::OutOfMemory);
    d.outcome(Outcome::ProcessExited, 137);
    QCOMPARE(joined(d.events), QString("oom, die 137"));
    QVERIFY(d.record.oomKilled);
    QCOMPARE(d.machine.node(), LifecycleState::Restarting);
    d.settle();
    QCOMPARE(d.machine.node(), LifecycleState::Running);
    note(d);
}

void TestLifecycleFlows::failedStart_data() {
    // §2.2: no start or die event; the state stays; exit code 127/126, else 128 if still 0.
    QTest::addColumn<ContainerState>("state");
    QTest::addColumn<int>("command");
    QTest::addColumn<bool>("autoRemove");
    QTest::addColumn<int>("runtimeCode");
    QTest::addColumn<QString>("message");
    QTest::addColumn<LifecycleState>("final");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("events");
    const QString runc = QString::fromStdString(kRuncError);
    QTest::newRow("created + start fails: stays created, 127")
        << ContainerState::Created << int(Command::Start) << false << 127 << runc
        << LifecycleState::Created << 127 << "";
    QTest::newRow("exited + start fails: stays exited")
        << ContainerState::Exited << int(Command::Start) << false << 126 << runc
        << LifecycleState::Exited << 126 << "";
    QTest::newRow("no specific code: 128")
        << ContainerState::Created << int(Command::Start) << false << 0 << runc
        << LifecycleState::Created << 128 << "";
    QTest::newRow("created + restart fails: Cannot restart container NAME: ...")
        << ContainerState::Created << int(Command::Restart) << false << 127
        << QString("Cannot restart container %1: %2").arg(kName, runc) << LifecycleState::Created
        << 127 << "";
    QTest::newRow("--rm created + start fails: removed")
        << ContainerState::Created << int(Command::Start) << true << 127 << runc
        << LifecycleState::Removed << 127 << "destroy";
    QTest::newRow("--rm exited + start fails: removed")
        << ContainerState::Exited << int(Command::Start) << true << 127 << runc
        << LifecycleState::Removed << 127 << "destroy";
}

void TestLifecycleFlows::failedStart() {
    QFETCH(ContainerState, state);
    QFETCH(int, command);
    QFETCH(bool, autoRemove);
    QFETCH(int, runtimeCode);
    QFETCH(QString, message);
    QFETCH(LifecycleState, final);
    QFETCH(int, exitCode);
    QFETCH(QString, events);
    LifecycleDriver d = reach(state);
    d.record.autoRemove = autoRemove;
    d.startError = kRuncError;
    d.startErrorCode = runtimeCode;
    d.command(Command(command));
    d.settle();
    const auto failed = std::find_if(d.reactions.begin(), d.reactions.end(), [](const Reaction& r) {
        return r.verdict == Verdict::Refused;
    });
    QVERIFY(failed != d.reactions.end());
    QCOMPARE(QString::fromStdString(refusalText(*failed->refusal, kId, kName, failed->detail)),
             message);
    QCOMPARE(d.machine.node(), final);
    QCOMPARE(d.record.exitCode, exitCode);
    QCOMPARE(d.record.error, kRuncError);
    QCOMPARE(joined(d.events), events);
    note(d);
}

void TestLifecycleFlows::autoRemove_data() {
    // §4.1 (--rm is the daemon's): run --rm gives start, die, destroy; restart keeps it (§2.8).
    QTest::addColumn<int>("command");
    QTest::addColumn<QString>("events");
    QTest::addColumn<LifecycleState>("final");
    QTest::newRow("exits by itself: die, destroy")
        << -1 << "die 0, destroy" << LifecycleState::Removed;
    QTest::newRow("stop: kill, die, stop, destroy")
        << int(Command::Stop) << "kill 15, die 143, stop, destroy" << LifecycleState::Removed;
    QTest::newRow("kill: kill, die, destroy")
        << int(Command::Kill) << "kill 9, die 137, destroy" << LifecycleState::Removed;
    QTest::newRow("restart: survives")
        << int(Command::Restart) << "kill 15, die 143, stop, start, restart"
        << LifecycleState::Running;
}

void TestLifecycleFlows::autoRemove() {
    QFETCH(int, command);
    QFETCH(QString, events);
    QFETCH(LifecycleState, final);
    LifecycleDriver d = reach(ContainerState::Running, withAutoRemove());
    if (command < 0)
        d.outcome(Outcome::ProcessExited, 0);
    else
        d.command(Command(command));
    d.settle();
    QCOMPARE(joined(d.events), events);
    QCOMPARE(d.machine.node(), final);
    note(d);
}

void TestLifecycleFlows::freezeFailureIsRefusedWithTheRuntimeError() {
    LifecycleDriver d = reach(ContainerState::Running);
    d.freezeError = "freezer not supported";
    d.command(Command::Pause);
    d.settle();
    const Reaction& r = d.reactions.back();
    QCOMPARE(QString::fromStdString(refusalText(*r.refusal, kId, kName, r.detail)),
             QString("Cannot pause container %1: freezer not supported").arg(kId));
    QCOMPARE(d.machine.node(), LifecycleState::Running);
    QVERIFY(d.events.empty());
    note(d);
}

void TestLifecycleFlows::daemonShutdownAndRestore_data() {
    // The daemon stops what runs (containerStop, so kill ... stop) and restores the rest; a
    // removal it did not finish leaves the container dead (§3). No restart policy here.
    QTest::addColumn<ContainerState>("state");
    QTest::addColumn<QString>("shutdownEvents");
    QTest::addColumn<LifecycleState>("afterShutdown");
    QTest::addColumn<LifecycleState>("afterRestore");
    using S = ContainerState;
    using L = LifecycleState;
    QTest::newRow("created stays created") << S::Created << "" << L::Created << L::Created;
    QTest::newRow("running is stopped")
        << S::Running << "kill 15, die 143, stop" << L::Exited << L::Exited;
    QTest::newRow("paused is thawed and stopped")
        << S::Paused << "kill 15, unpause, die 143, stop" << L::Exited << L::Exited;
    QTest::newRow("restarting is cancelled") << S::Restarting << "stop" << L::Exited << L::Exited;
    QTest::newRow("removing becomes dead") << S::Removing << "" << L::Removing << L::Dead;
    QTest::newRow("exited stays exited") << S::Exited << "" << L::Exited << L::Exited;
    QTest::newRow("dead stays dead") << S::Dead << "" << L::Dead << L::Dead;
}

void TestLifecycleFlows::daemonShutdownAndRestore() {
    QFETCH(ContainerState, state);
    QFETCH(QString, shutdownEvents);
    QFETCH(LifecycleState, afterShutdown);
    QFETCH(LifecycleState, afterRestore);
    LifecycleDriver d = reach(state);
    d.record.restartPolicy = {};
    const bool wasStopped = d.record.manuallyStopped;
    d.outcome(Outcome::DaemonStopping);
    d.settle();
    QCOMPARE(joined(d.events), shutdownEvents);
    QCOMPARE(d.machine.node(), afterShutdown);
    QCOMPARE(d.record.manuallyStopped, wasStopped); // a shutdown is not a manual stop
    d.dropPending();
    d.outcome(Outcome::DaemonRestored);
    d.settle();
    QCOMPARE(d.machine.node(), afterRestore);
    note(d);
}

void TestLifecycleFlows::daemonRestorePolicies_data() {
    // §2.12 "Daemon startup": restarted when the policy says so and it was started before.
    QTest::addColumn<int>("story");
    QTest::addColumn<LifecycleState>("final");
    QTest::addColumn<QString>("events");
    g_restoreStories.clear();
    auto add = [](const char* name, Story story, LifecycleState final, const char* events) {
        g_restoreStories.push_back(std::move(story));
        QTest::newRow(name) << int(g_restoreStories.size() - 1) << final << events;
    };
    auto stopped = [](RestartPolicyKind kind) {
        return [kind](LifecycleDriver& d) {
            d = reach(ContainerState::Running, withPolicy(kind));
            d.command(Command::Stop);
            d.settle();
        };
    };
    auto shutDown = [](RestartPolicyKind kind) {
        return [kind](LifecycleDriver& d) {
            d = reach(ContainerState::Running, withPolicy(kind));
            d.outcome(Outcome::DaemonStopping);
            d.settle();
        };
    };
    add("always, docker stop: comes back", stopped(RestartPolicyKind::Always),
        LifecycleState::Running, "start");
    add("unless-stopped, docker stop: stays exited", stopped(RestartPolicyKind::UnlessStopped),
        LifecycleState::Exited, "");
    add("unless-stopped, running at shutdown: comes back",
        shutDown(RestartPolicyKind::UnlessStopped), LifecycleState::Running, "start");
    add("on-failure, docker stop (143): comes back", stopped(RestartPolicyKind::OnFailure),
        LifecycleState::Running, "start");
    add("no policy, running at shutdown: stays exited", shutDown(RestartPolicyKind::No),
        LifecycleState::Exited, "");
    add(
        "on-failure, exited 0: stays exited",
        [](LifecycleDriver& d) {
            d = reach(ContainerState::Running, withPolicy(RestartPolicyKind::OnFailure));
            d.outcome(Outcome::ProcessExited, 0);
        },
        LifecycleState::Exited, "");
    add(
        "always, never started: stays created",
        [](LifecycleDriver& d) {
            d = reach(ContainerState::Created, withPolicy(RestartPolicyKind::Always));
        },
        LifecycleState::Created, "");
    add(
        "--rm, never started: removed",
        [](LifecycleDriver& d) { d = reach(ContainerState::Created, withAutoRemove()); },
        LifecycleState::Removed, "destroy");
    add(
        "--rm, left exited: removed",
        [](LifecycleDriver& d) {
            d = reach(ContainerState::Exited);
            d.record.autoRemove = true;
        },
        LifecycleState::Removed, "destroy");
}

void TestLifecycleFlows::daemonRestorePolicies() {
    QFETCH(int, story);
    QFETCH(LifecycleState, final);
    QFETCH(QString, events);
    LifecycleDriver d;
    g_restoreStories[std::size_t(story)](d);
    d.events.clear();
    d.outcome(Outcome::DaemonRestored);
    d.settle();
    QCOMPARE(d.machine.node(), final);
    QCOMPARE(joined(d.events), events);
    if (final == LifecycleState::Running)
        QCOMPARE(d.record.restartCount, 0); // containerStart(resetRestartManager=true)
    note(d);
}

void TestLifecycleFlows::everyOutcomeRowIsReached() {
    // Runs last: the stories above, together, go through every outcome row of the table.
    const auto& table = LifecycleMachine::table();
    for (std::size_t i = 0; i < table.size(); ++i) {
        const TableRow& row = table[i];
        if (row.isCommand())
            continue;
        QVERIFY2(g_reachedRows.count(int(i)),
                 qPrintable(QString("row %1 (%2 + %3 [%4]) is never reached")
                                .arg(i)
                                .arg(nodeName(row.source).data(), triggerName(row.trigger).data(),
                                     row.guard.c_str())));
    }
}

QTEST_APPLESS_MAIN(TestLifecycleFlows)
#include "tst_lifecycle_flows.moc"
