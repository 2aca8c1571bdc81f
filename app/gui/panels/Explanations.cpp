// The explanation panel's words. Facts from docs/DOCKER-BEHAVIOUR.md: stop (§2.6 and the
// PID 1 caveat), pause (§2.4), rm (§2.9), the restart manager (§2.12), dead (§3), exit codes.
#include "gui/panels/Explanations.h"

#include "gui/Words.h"

#include <QCoreApplication>
#include <algorithm>

namespace lab {
namespace {

constexpr std::optional<LifecycleState> kAny; // whatever the target

#define TEXT(text) QT_TRANSLATE_NOOP("Explanations", text)

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
    static const std::vector<ExplanationText> texts = {
        // Commands: what the daemon was asked, and what it set in motion.
        {Command::Create, kAny, TEXT("{name} was created"),
         TEXT("The daemon wrote down the configuration and put a writable layer over the image. "
              "No process exists yet: a created container uses no CPU and no memory, and "
              "`docker ps` shows it only with -a.")},
        {Command::Start, kAny, TEXT("Starting {name}"),
         TEXT("The runtime (runc) makes new namespaces (PID, mount, network, UTS, IPC), a cgroup "
              "that counts and limits the container's CPU and memory, mounts the image's layers "
              "as the root filesystem, and runs the command as PID 1 inside.")},
        {Command::Stop, kAny, TEXT("Stopping {name}: SIGTERM, a grace period, then SIGKILL"),
         TEXT("docker stop sends the stop signal (SIGTERM unless the image or --stop-signal says "
              "otherwise) to PID 1 and waits, 10 s unless -t says otherwise. A process that "
              "handles SIGTERM cleans up and exits (143 = 128 + 15). If it is still there when "
              "the time is up, the daemon sends SIGKILL, which no process can catch (137).")},
        {Command::Kill, kAny, TEXT("Killing {name}"),
         TEXT("docker kill sends one signal at once, SIGKILL unless -s names another, with no "
              "grace period. SIGKILL cannot be caught or ignored: the kernel ends the process, "
              "and with PID 1 every other process of the container.")},
        {Command::Pause, kAny, TEXT("Pausing {name}: freezing its cgroup"),
         TEXT("The daemon asks runc to freeze the container's cgroup (cgroup v2: it writes 1 to "
              "cgroup.freeze). The kernel stops scheduling every task in it.")},
        {Command::Unpause, kAny, TEXT("Unpausing {name}: thawing its cgroup"),
         TEXT("runc writes 0 to cgroup.freeze: the kernel schedules the tasks again and they go "
              "on exactly where they stopped.")},
        {Command::Restart, kAny, TEXT("Restarting {name}: a stop, then a start"),
         TEXT("docker restart is docker stop (the same SIGTERM, grace period, SIGKILL) followed "
              "by docker start. The container keeps its ID, its name and its writable layer; "
              "docker events shows a restart event.")},
        {Command::Remove, kAny, TEXT("Removing {name}"),
         TEXT("The container is marked for removal: the daemon deletes its writable layer, its "
              "cgroup and its directory, then forgets its ID and name.")},
        {Command::RemoveForce, kAny, TEXT("Force-removing {name}"),
         TEXT("rm -f on a running or paused container sends SIGKILL first (thawing a paused one "
              "so the signal lands), waits for the exit, then removes it. There is no grace "
              "period: the process gets no chance to clean up.")},
        {Command::Rename, kAny, TEXT("{name} has a new name"),
         TEXT("A name is only a label in the daemon's table: the ID, the process and the "
              "filesystem are unchanged. docker events shows rename.")},
        {Command::Wait, kAny, TEXT("Waiting for {name}"),
         TEXT("docker wait blocks until the container's next exit and prints its exit code; on "
              "a container that is not running it answers at once.")},
        {Command::Exec, kAny, TEXT("A new process in {name}"),
         TEXT("docker exec starts one more process in the container's namespaces and cgroup, "
              "with the same confinement as PID 1. It is not PID 1: when PID 1 ends, the kernel "
              "kills it too. Its output goes to the exec, not to docker logs.")},
        {Command::Top, kAny, TEXT("The processes of {name}"),
         TEXT("docker top runs ps on the host for the PIDs in the container's cgroup, so the "
              "PIDs are host PIDs. It works while the container is paused: frozen processes "
              "still exist.")},
        // Outcomes: what the kernel or the runtime reported back.
        {Outcome::ProcessStarted, N::Running, TEXT("{name} is running"),
         TEXT("Its command runs as PID 1 of its own PID namespace; its cgroup counts every "
              "process it starts. On the host it is an ordinary process with another PID.")},
        {Outcome::StartFailed, kAny, TEXT("{name} could not start"),
         TEXT("The runtime failed before the command ran ({error}). Docker records the error "
              "and exit code {exit}; the container is {state}.")},
        {Outcome::Signalled, kAny, TEXT("A signal reached {name}'s PID 1"),
         TEXT("docker events shows kill with the signal's number. PID 1 is special: the kernel "
              "drops a signal sent to PID 1 of a PID namespace unless that process installed a "
              "handler for it. So `sleep` as PID 1 ignores SIGTERM and only SIGKILL ends it; "
              "with --init, tini is PID 1 and passes SIGTERM on to the command.")},
        {Outcome::StopTimedOut, kAny, TEXT("{name}'s stop timeout ran out"),
         TEXT("When a stop (docker stop, docker restart, the daemon's shutdown) still waits for "
              "PID 1, the grace period is over: the daemon sends SIGKILL, which no process can "
              "catch or ignore, and the exit code will be 137 = 128 + 9. When a kill is already "
              "on its way, there is nothing more to do.")},
        {Outcome::Frozen, N::Paused, TEXT("{name} is paused"),
         TEXT("The cgroup freezer has stopped every task of the container. They keep their "
              "memory and open files but get no CPU. It is not a signal: the processes cannot "
              "see, catch or refuse it, and they still count as running (Running=true, "
              "Paused=true).")},
        {Outcome::FreezeFailed, kAny, TEXT("{name} could not be paused"),
         TEXT("The freezer refused ({error}); the container keeps running.")},
        {Outcome::Thawed, N::Running, TEXT("{name} is running again"),
         TEXT("The cgroup was thawed: the processes continue where they were frozen, and only "
              "their clocks tell that time passed.")},
        {Outcome::ProcessExited, N::Restarting,
         TEXT("{name} exited ({exit}) and will be restarted"),
         TEXT("Its restart policy wants it back. The restart manager waits {backoff} first: the "
              "delay starts at 100 ms, doubles after each restart, stops at one minute, and "
              "goes back to 100 ms after a run of 10 s or more. Restarts so far: {restarts}.")},
        {Outcome::ProcessExited, N::Removing, TEXT("{name} exited ({exit}) and is being removed"),
         TEXT("It was run with --rm or removed with rm -f: now that PID 1 is gone, the daemon "
              "deletes its filesystem and cgroup.")},
        {Outcome::ProcessExited, kAny, TEXT("{name} exited with code {exit}"),
         TEXT("PID 1 ended, so the kernel killed every other process of the namespace. A code "
              "above 128 means a signal ended it: 137 = 128 + 9 (SIGKILL: a stop that timed "
              "out, kill, rm -f, the OOM killer), 143 = 128 + 15 (SIGTERM). The writable layer "
              "stays until the container is removed.")},
        {Outcome::BackoffElapsed, kAny, TEXT("{name}'s back-off is over"),
         TEXT("The restart manager's delay has passed: the daemon starts the process again "
              "(docker events: start, without a restart event).")},
        {Outcome::RemovalDone, N::Removed, TEXT("{name} is gone"),
         TEXT("Its writable layer, cgroup and directory are deleted and the daemon forgot it "
              "(docker events: destroy). The name is free again.")},
        {Outcome::RemovalFailed, N::Dead, TEXT("{name} is dead: its removal failed"),
         TEXT("The daemon had already marked it dead when deleting its filesystem failed "
              "({error}). A dead container cannot be started; `docker rm` tries the removal "
              "again.")},
        {Outcome::OutOfMemory, kAny, TEXT("The OOM killer chose {name}"),
         TEXT("The cgroup went over its memory limit and the kernel's OOM killer sent SIGKILL "
              "to a process of it. docker events shows oom, then die with exit code 137; "
              "inspect shows OOMKilled=true.")},
        {Outcome::DaemonStopping, kAny, TEXT("The daemon is shutting down"),
         TEXT("dockerd stops every running container as docker stop would, with the "
              "container's own stop timeout, but does not mark it as stopped by hand: the "
              "restart policy decides after the daemon comes back.")},
        {Outcome::DaemonRestored, N::Dead, TEXT("{name} is dead: the daemon stopped mid-removal"),
         TEXT("dockerd started again and found {name} marked for removal. It does not finish "
              "the removal by itself: it marks the container dead, for you to remove.")},
        {Outcome::DaemonRestored, kAny, TEXT("The daemon restored {name}"),
         TEXT("dockerd started again and read its containers back from disk; restart policies "
              "(always, unless-stopped, on-failure) decide who runs again.")},
        // Answers that do not move the container.
        {Verdict::Refused,
         {},
         TEXT("Docker refused `{command}`: {name} stays {state}"),
         TEXT("The lifecycle has no move for `{command}` from {state}, so the daemon answers "
              "with an error and changes nothing.")},
        {Verdict::NotModified,
         {},
         TEXT("`{command}`: nothing to do"),
         TEXT("{name} already is where `{command}` would take it: Docker answers 304 Not "
              "Modified, which the CLI counts as success. Nothing changes, no event is "
              "published.")},
    };
    return texts;
}

ExplanationKey explanationKey(const Trigger& trigger) {
    return std::visit([](auto value) { return ExplanationKey{value}; }, trigger);
}

Explanation explain(const Container& container, const Reaction& reaction) {
    const TableRow* row =
        reaction.row >= 0 ? &LifecycleMachine::table()[std::size_t(reaction.row)] : nullptr;
    const std::string_view trigger = row ? triggerName(row->trigger) : std::string_view();
    std::optional<ExplanationKey> key;
    if (reaction.verdict != Verdict::Accepted)
        key = reaction.verdict;
    else if (row)
        key = explanationKey(row->trigger);
    const auto& texts = explanationTexts();
    const auto found = std::find_if(texts.begin(), texts.end(), [&](const ExplanationText& text) {
        return key && text.when == *key && (!text.target || *text.target == reaction.to);
    });
    if (found == texts.end())
        return {fill(QStringLiteral("{name}: {command}"), container, trigger), QString()};
    Explanation explanation{fill(translated(found->headline), container, trigger),
                            fill(translated(found->underneath), container, trigger)};
    if (reaction.refusal)
        explanation.underneath.prepend(
            QString::fromStdString(
                refusalText(*reaction.refusal, container.id, container.name, reaction.detail)) +
            QStringLiteral("\n\n"));
    return explanation;
}

} // namespace lab
