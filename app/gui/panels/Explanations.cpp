// The explanation panel's words. Facts from docs/DOCKER-BEHAVIOUR.md: stop (§2.6 and the
// PID 1 caveat), pause (§2.4), rm (§2.9), the restart manager (§2.12), dead (§3), exit codes.
#include "gui/panels/Explanations.h"

#include "gui/Words.h"
#include "gui/panels/RefusalReasons.h"

#include <QCoreApplication>
#include <algorithm>

namespace lab {
namespace {

constexpr std::optional<LifecycleState> kAny; // whatever the target

QString translated(const char* text) {
    return QCoreApplication::translate("Explanations", text);
}

// The restart manager's delay: "400 ms", "1.6 s".
QString backoffText(Duration backoff) {
    using namespace std::chrono;
    const auto ms = duration_cast<milliseconds>(backoff).count();
    return ms < 1000 ? QStringLiteral("%1 ms").arg(ms) : QStringLiteral("%1 s").arg(ms / 1000.0);
}

QString fill(QString text, const Container& container, std::string_view trigger) {
    const LifecycleRecord& record = container.record;
    text.replace(QLatin1String("{name}"), QString::fromStdString(container.name));
    text.replace(QLatin1String("{command}"), toQString(trigger));
    text.replace(QLatin1String("{state}"), nodeLabel(container.machine.node()));
    text.replace(QLatin1String("{exit}"), QString::number(record.exitCode));
    text.replace(QLatin1String("{backoff}"), backoffText(record.backoff));
    text.replace(QLatin1String("{restarts}"), QString::number(record.restartCount));
    text.replace(QLatin1String("{error}"), QString::fromStdString(record.error));
    return text;
}

} // namespace

const std::vector<ExplanationText>& explanationTexts() {
    using N = LifecycleState;
    // Every text is a literal inside QT_TRANSLATE_NOOP, so that lupdate extracts it; the key
    // (the core's Command, Outcome or Verdict, and the target) stays in C++.
    static const std::vector<ExplanationText> texts = {
        // Commands: what the daemon was asked, and what it set in motion.
        {Command::Create, kAny, QT_TRANSLATE_NOOP("Explanations", "{name} was created"),
         QT_TRANSLATE_NOOP("Explanations",
                           "The daemon wrote down the configuration and put a writable layer over "
                           "the image. No process exists yet: a created container uses no CPU "
                           "and no memory, and `docker ps` shows it only with -a.")},
        {Command::Start, kAny, QT_TRANSLATE_NOOP("Explanations", "Starting {name}"),
         QT_TRANSLATE_NOOP("Explanations",
                           "dockerd mounts the image's layers and the writable layer (overlay2) "
                           "and asks containerd to start the container; containerd's shim runs "
                           "runc, which makes new namespaces (PID, mount, network, UTS, IPC) and "
                           "a cgroup that counts and limits CPU and memory, switches to the "
                           "mounted root filesystem and runs the command as PID 1.")},
        {Command::Stop, N::Exited,
         QT_TRANSLATE_NOOP("Explanations", "Stopping {name}: its pending restart is cancelled"),
         QT_TRANSLATE_NOOP("Explanations",
                           "A restarting container has no process: the restart manager is only "
                           "waiting out its back-off. So docker stop sends no signal and no kill "
                           "event appears; it cancels the restart, and the container is exited "
                           "with its last exit code ({exit}). docker events shows only stop.")},
        {Command::Stop, kAny,
         QT_TRANSLATE_NOOP("Explanations",
                           "Stopping {name}: SIGTERM, a grace period, then SIGKILL"),
         QT_TRANSLATE_NOOP("Explanations",
                           "docker stop sends the stop signal (SIGTERM unless the image or "
                           "--stop-signal says otherwise) to PID 1 and waits, 10 s unless -t or "
                           "--stop-timeout says otherwise. A process that dies of SIGTERM exits "
                           "with 143 (128 + 15); one that handles it exits with whatever code "
                           "its handler picks, often 0. If it is still there when the time is "
                           "up, the daemon sends SIGKILL, which no process can catch (137).")},
        {Command::Kill, N::Exited,
         QT_TRANSLATE_NOOP("Explanations", "Killing {name} cancels its pending restart"),
         QT_TRANSLATE_NOOP("Explanations",
                           "Between two restarts there is no process to signal: Docker sends "
                           "nothing and publishes no kill event. It cancels the restart, and the "
                           "container is exited with its last exit code ({exit}).")},
        {Command::Kill, N::Restarting,
         QT_TRANSLATE_NOOP("Explanations", "{name} is restarting: there is no process to signal"),
         QT_TRANSLATE_NOOP("Explanations",
                           "Between two restarts the container has no process, so no signal is "
                           "sent. This signal does not cancel the restart policy (only SIGKILL "
                           "or the stop signal does); Docker only notes the container as "
                           "stopped by hand.")},
        {Command::Kill, kAny, QT_TRANSLATE_NOOP("Explanations", "Killing {name}"),
         QT_TRANSLATE_NOOP("Explanations",
                           "docker kill sends one signal at once, SIGKILL unless -s names "
                           "another, with no grace period. SIGKILL cannot be caught or ignored: "
                           "the kernel ends the process, and with PID 1 every other process of "
                           "the container.")},
        {Command::Pause, kAny,
         QT_TRANSLATE_NOOP("Explanations", "Pausing {name}: freezing its cgroup"),
         QT_TRANSLATE_NOOP("Explanations",
                           "The daemon asks runc to freeze the container's cgroup (cgroup v2: it "
                           "writes 1 to cgroup.freeze). The kernel stops scheduling every task in "
                           "it. No signal is sent: this is not SIGSTOP.")},
        {Command::Unpause, kAny,
         QT_TRANSLATE_NOOP("Explanations", "Unpausing {name}: thawing its cgroup"),
         QT_TRANSLATE_NOOP("Explanations",
                           "runc writes 0 to cgroup.freeze: the kernel schedules the tasks again "
                           "and they go on exactly where they stopped.")},
        {Command::Restart, N::Exited,
         QT_TRANSLATE_NOOP("Explanations", "Restarting {name}: the pending restart is cancelled"),
         QT_TRANSLATE_NOOP("Explanations",
                           "A restarting container has no process, so nothing is signalled: "
                           "docker restart cancels the restart manager's wait and starts the "
                           "container at once (docker events: stop, start, restart).")},
        {Command::Restart, kAny,
         QT_TRANSLATE_NOOP("Explanations", "Restarting {name}: a stop, then a start"),
         QT_TRANSLATE_NOOP("Explanations",
                           "docker restart is docker stop (the same SIGTERM, grace period, "
                           "SIGKILL) followed by docker start; a container that is not running "
                           "is only started. It keeps its ID, its name and its writable layer; "
                           "docker events shows a restart event.")},
        {Command::Remove, kAny, QT_TRANSLATE_NOOP("Explanations", "Removing {name}"),
         QT_TRANSLATE_NOOP("Explanations",
                           "The removal is in progress (removing): the daemon marks the "
                           "container dead and saves that, deletes its writable layer and its "
                           "directory, then forgets its ID and name. Its cgroup went already "
                           "when its process exited (the lab's real backend keeps it until rm).")},
        {Command::RemoveForce, N::Removing,
         QT_TRANSLATE_NOOP("Explanations", "Force-removing {name}: no process to kill"),
         QT_TRANSLATE_NOOP("Explanations",
                           "The container has no process (created, exited, dead, or restarting "
                           "between two attempts, whose restart is cancelled), so nothing is "
                           "killed: the removal starts at once, as with a plain rm.")},
        {Command::RemoveForce, kAny, QT_TRANSLATE_NOOP("Explanations", "Force-removing {name}"),
         QT_TRANSLATE_NOOP("Explanations",
                           "rm -f on a running or paused container sends SIGKILL first (thawing "
                           "a paused one), waits for the exit, then removes it. There is no grace "
                           "period: the process gets no chance to clean up. A container with no "
                           "process is removed at once.")},
        {Command::Rename, kAny, QT_TRANSLATE_NOOP("Explanations", "{name} has a new name"),
         QT_TRANSLATE_NOOP("Explanations",
                           "A name is only a label in the daemon's table: the ID, the process and "
                           "the filesystem are unchanged. docker events shows rename.")},
        {Command::Wait, kAny, QT_TRANSLATE_NOOP("Explanations", "Waiting for {name}"),
         QT_TRANSLATE_NOOP("Explanations",
                           "docker wait blocks until the container's next exit and prints its "
                           "exit code; on a container that is not running it answers at once.")},
        {Command::Exec, kAny, QT_TRANSLATE_NOOP("Explanations", "A new process in {name}"),
         QT_TRANSLATE_NOOP("Explanations",
                           "docker exec starts one more process in the container's namespaces "
                           "and cgroup, with the same confinement as PID 1. It is not PID 1: "
                           "when PID 1 ends, the kernel kills it too. Its output goes to the "
                           "exec, not to docker logs.")},
        {Command::Top, kAny, QT_TRANSLATE_NOOP("Explanations", "The processes of {name}"),
         QT_TRANSLATE_NOOP("Explanations",
                           "docker top runs ps on the host for the PIDs in the container's "
                           "cgroup, so the PIDs are host PIDs. It works while the container is "
                           "paused: frozen processes still exist.")},
        // Outcomes: what the kernel or the runtime reported back.
        {Outcome::ProcessStarted, N::Running,
         QT_TRANSLATE_NOOP("Explanations", "{name} is running"),
         QT_TRANSLATE_NOOP("Explanations",
                           "Its command runs as PID 1 of its own PID namespace; its cgroup counts "
                           "every process it starts. On the host it is an ordinary process with "
                           "another PID.")},
        {Outcome::StartFailed, kAny, QT_TRANSLATE_NOOP("Explanations", "{name} could not start"),
         QT_TRANSLATE_NOOP("Explanations",
                           "The runtime failed before the command ran ({error}). Docker records "
                           "the error and exit code {exit} (127: command not found, 126: not "
                           "executable, 128: another failure); the container is {state}.")},
        {Outcome::Signalled, kAny,
         QT_TRANSLATE_NOOP("Explanations", "Docker signalled {name}'s PID 1"),
         QT_TRANSLATE_NOOP("Explanations",
                           "docker events shows kill with the signal's number: Docker sent it. "
                           "Whether it acts is up to the kernel: a signal sent to PID 1 of a PID "
                           "namespace is dropped unless that process installed a handler for it. "
                           "So `sleep` as PID 1 ignores SIGTERM and only SIGKILL ends it; with "
                           "--init, tini is PID 1 and passes SIGTERM on to the command.")},
        {Outcome::StopTimedOut, kAny,
         QT_TRANSLATE_NOOP("Explanations", "{name}'s stop timeout ran out"),
         QT_TRANSLATE_NOOP("Explanations",
                           "When a stop (docker stop, docker restart, the daemon's shutdown) "
                           "still waits for PID 1, the grace period is over: the daemon sends "
                           "SIGKILL, which no process can catch or ignore, and the exit code will "
                           "be 137 = 128 + 9. When a kill is already on its way, there is nothing "
                           "more to do.")},
        {Outcome::Frozen, N::Paused, QT_TRANSLATE_NOOP("Explanations", "{name} is paused"),
         QT_TRANSLATE_NOOP("Explanations",
                           "The cgroup freezer has stopped every task of the container. They "
                           "keep their memory and open files but get no CPU. It is not a signal: "
                           "the processes cannot see, catch or refuse it, and they still count as "
                           "running (Running=true, Paused=true).")},
        {Outcome::FreezeFailed, kAny,
         QT_TRANSLATE_NOOP("Explanations", "{name} could not be paused"),
         QT_TRANSLATE_NOOP("Explanations",
                           "The freezer refused ({error}); the container keeps running.")},
        {Outcome::Thawed, N::Running, QT_TRANSLATE_NOOP("Explanations", "{name} is running again"),
         QT_TRANSLATE_NOOP("Explanations",
                           "The cgroup was thawed: the processes continue where they were frozen. "
                           "Time did pass: timers that expired meanwhile fire at once, network "
                           "peers may have given up, and a health check reads unhealthy until "
                           "its next probe.")},
        {Outcome::ProcessExited, N::Restarting,
         QT_TRANSLATE_NOOP("Explanations", "{name} exited ({exit}) and will be restarted"),
         QT_TRANSLATE_NOOP("Explanations",
                           "Its restart policy wants it back. The restart manager waits {backoff} "
                           "first: the delay starts at 100 ms, doubles after each restart, stops "
                           "at one minute, and goes back to 100 ms after a run of 10 s or more. "
                           "Meanwhile there is no process (restarting). Restarts so far: "
                           "{restarts}.")},
        {Outcome::ProcessExited, N::Removing,
         QT_TRANSLATE_NOOP("Explanations", "{name} exited ({exit}) and is being removed"),
         QT_TRANSLATE_NOOP("Explanations",
                           "It was run with --rm or removed with rm -f: now that PID 1 is gone, "
                           "the removal is in progress (removing): the daemon deletes its "
                           "writable layer and its directory.")},
        {Outcome::ProcessExited, kAny,
         QT_TRANSLATE_NOOP("Explanations", "{name} exited with code {exit}"),
         QT_TRANSLATE_NOOP("Explanations",
                           "PID 1 ended, so the kernel killed every other process of the "
                           "namespace. A code above 128 usually means a signal ended it: 137 = "
                           "128 + 9 (SIGKILL: a stop that timed out, kill, rm -f, the OOM "
                           "killer), 143 = 128 + 15 (SIGTERM); but a program may also choose such "
                           "a code itself. 137 alone does not prove an OOM kill: OOMKilled=true "
                           "does. The writable layer stays until the container is removed.")},
        {Outcome::BackoffElapsed, kAny,
         QT_TRANSLATE_NOOP("Explanations", "{name}'s back-off is over"),
         QT_TRANSLATE_NOOP("Explanations",
                           "The restart manager's delay has passed: the daemon starts the process "
                           "again (docker events: start, without a restart event).")},
        {Outcome::RemovalDone, N::Removed, QT_TRANSLATE_NOOP("Explanations", "{name} is gone"),
         QT_TRANSLATE_NOOP("Explanations",
                           "Its writable layer and directory are deleted and the daemon forgot it "
                           "(docker events: destroy). The name is free again.")},
        {Outcome::RemovalFailed, N::Dead,
         QT_TRANSLATE_NOOP("Explanations", "{name} is dead: its removal failed"),
         QT_TRANSLATE_NOOP("Explanations",
                           "The daemon had already marked it dead when deleting its filesystem "
                           "failed ({error}). This, not a power cut, is where dead comes from. A "
                           "dead container cannot be started; `docker rm` tries the removal "
                           "again.")},
        {Outcome::OutOfMemory, kAny,
         QT_TRANSLATE_NOOP("Explanations", "The OOM killer chose {name}"),
         QT_TRANSLATE_NOOP("Explanations",
                           "The cgroup went over its memory limit and the kernel's OOM killer "
                           "sent SIGKILL to a process of it; docker events shows oom. If that "
                           "process was PID 1 the container dies (die 137, OOMKilled=true); "
                           "otherwise it keeps running.")},
        {Outcome::DaemonStopping, kAny,
         QT_TRANSLATE_NOOP("Explanations", "The daemon is shutting down"),
         QT_TRANSLATE_NOOP("Explanations",
                           "dockerd stops every running container as docker stop would, with the "
                           "container's own stop timeout, but does not mark it as stopped by "
                           "hand: the restart policy decides after the daemon comes back.")},
        {Outcome::DaemonRestored, N::Dead,
         QT_TRANSLATE_NOOP("Explanations", "{name} is dead: the daemon stopped mid-removal"),
         QT_TRANSLATE_NOOP("Explanations",
                           "dockerd started again and found {name} marked for removal. It does "
                           "not finish the removal by itself: it marks the container dead, for "
                           "you to remove.")},
        {Outcome::DaemonRestored, kAny,
         QT_TRANSLATE_NOOP("Explanations", "The daemon restored {name}"),
         QT_TRANSLATE_NOOP("Explanations",
                           "dockerd started again and read its containers back from disk; "
                           "restart policies (always, unless-stopped, on-failure) decide who runs "
                           "again.")},
        // Answers to a command that do not move the container.
        {Verdict::Refused,
         {},
         QT_TRANSLATE_NOOP("Explanations", "Docker refused `{command}`: {name} stays {state}"),
         QT_TRANSLATE_NOOP("Explanations",
                           "The daemon answers with an error and changes nothing.")},
        {Verdict::NotModified,
         {},
         QT_TRANSLATE_NOOP("Explanations", "`{command}`: nothing to do"),
         QT_TRANSLATE_NOOP("Explanations",
                           "Docker decides by its Running flag: a container without a running "
                           "process counts as already stopped, and a running or restarting one "
                           "(Running=true) as already started. So it answers 304 Not Modified, "
                           "which the CLI counts as success: nothing changes, no event is "
                           "published.")},
    };
    return texts;
}

ExplanationKey explanationKey(const Trigger& trigger) {
    return std::visit([](auto value) { return ExplanationKey{value}; }, trigger);
}

const ExplanationText* explanationFor(const Reaction& reaction) {
    if (reaction.row < 0)
        return nullptr;
    const TableRow& row = LifecycleMachine::table()[std::size_t(reaction.row)];
    // An outcome row is explained by its outcome even when it reports a refusal (a failed
    // start, freeze or removal moves the container); only a command is refused or a no-op.
    const ExplanationKey key = row.isCommand() && reaction.verdict != Verdict::Accepted
                                   ? ExplanationKey{reaction.verdict}
                                   : explanationKey(row.trigger);
    const auto& texts = explanationTexts();
    const auto found = std::find_if(texts.begin(), texts.end(), [&](const ExplanationText& text) {
        return text.when == key && (!text.target || *text.target == reaction.to);
    });
    return found == texts.end() ? nullptr : &*found;
}

Explanation explain(const Container& container, const Reaction& reaction) {
    const TableRow* row =
        reaction.row >= 0 ? &LifecycleMachine::table()[std::size_t(reaction.row)] : nullptr;
    const std::string_view trigger = row ? triggerName(row->trigger) : std::string_view();
    const ExplanationText* found = explanationFor(reaction);
    if (!found)
        return {fill(QStringLiteral("{name}: {command}"), container, trigger), QString()};
    Explanation explanation{fill(translated(found->headline), container, trigger),
                            fill(translated(found->underneath), container, trigger)};
    // Docker's own words stay in English; the reason says why in the learner's language.
    if (reaction.refusal)
        explanation.underneath.prepend(
            QString::fromStdString(
                refusalText(*reaction.refusal, container.id, container.name, reaction.detail)) +
            QStringLiteral("\n\n") + refusalReason(*reaction.refusal) + QStringLiteral("\n\n"));
    return explanation;
}

} // namespace lab
