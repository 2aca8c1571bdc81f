#pragma once
// The container lifecycle as the rest of the program sees it. The rules themselves are written
// once, in the Boost.MSM transition table of LifecycleMachine.cpp; this header is MSM-free and
// C++17-compatible, so that the C++17 MSM translation unit and the C++20 rest both include it.
//
// How a command flows through the machine (see docs/DESIGN.md):
//   1. handle(CommandEvent): the command's row decides. Refused -> a Refusal with Docker's exact
//      message; NotModified -> Docker's silent 304; Accepted -> the row's action records which
//      Effects the backend must perform and sets the record's Intent. A command row moves the
//      container only where Docker's change is bookkeeping that cannot fail (create registers
//      it; rm marks it removal-in-progress; stop cancels a pending restart). Whatever needs the
//      kernel waits for its outcome.
//   2. The engine performs the effects (signals, freezer, process start, removal).
//   3. The backend reports each result as an OutcomeEvent; handle(OutcomeEvent) takes the row
//      that moves the container (Frozen: running -> paused; ProcessExited after stop: running ->
//      exited) and lists the Docker events to publish and any follow-up effects.
// Actions never do I/O: they only fill the Reaction and update the LifecycleRecord.

#include "base/EnumList.h"
#include "base/Time.h"

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace lab {

/// Docker's seven container states (.State.Status).
enum class ContainerState { Created, Running, Paused, Restarting, Removing, Exited, Dead };
/// Docker's word for a state: "created", "running", ...
std::string_view dockerName(ContainerState state);
/// Every state, in the order Docker lists them in its error messages (declaration order).
inline constexpr std::array kContainerStates{ContainerState::Created,  ContainerState::Running,
                                             ContainerState::Paused,   ContainerState::Restarting,
                                             ContainerState::Removing, ContainerState::Exited,
                                             ContainerState::Dead};
static_assert(isEveryEnumerator(kContainerStates));

/// The places of the lifecycle diagram: Docker's seven states plus the two ends of a life.
enum class LifecycleState {
    Start,
    Created,
    Running,
    Paused,
    Restarting,
    Removing,
    Exited,
    Dead,
    Removed
};
/// The Docker state a node shows, or nothing for Start and Removed.
std::optional<ContainerState> dockerState(LifecycleState node);
/// A readable name: "start", "created", ..., "removed".
std::string_view nodeName(LifecycleState node);

/// What a learner asks of one container.
enum class Command {
    Create,
    Start,
    Stop,
    Kill,
    Pause,
    Unpause,
    Restart,
    Remove,
    RemoveForce,
    Wait,
    Rename,
    Exec, ///< docker exec: a second process inside the running container
    Top   ///< docker top: the container's processes
};
/// The docker words for a command: "create", "start", ..., "rm", "rm -f", "wait", "rename",
/// "exec", "top".
std::string_view commandName(Command command);
/// Every command, in declaration order.
inline constexpr std::array kCommands{
    Command::Create,  Command::Start,   Command::Stop,   Command::Kill,        Command::Pause,
    Command::Unpause, Command::Restart, Command::Remove, Command::RemoveForce, Command::Wait,
    Command::Rename,  Command::Exec,    Command::Top};
static_assert(isEveryEnumerator(kCommands));

/// What the backend reports: the results of effects, and what happens by itself.
enum class Outcome {
    ProcessStarted, ///< the container's process runs
    StartFailed,    ///< the runtime could not start it (error and exit code in the event)
    Signalled,      ///< a signal was delivered to the process (Docker logs "kill")
    StopTimedOut,   ///< a stop's timeout ran out before the process exited
    Frozen,         ///< the cgroup freezer froze every task
    FreezeFailed,   ///< the freezer refused (error in the event)
    Thawed,         ///< the cgroup was thawed
    ProcessExited,  ///< the main process ended (exit code in the event)
    BackoffElapsed, ///< the restart manager's delay is over
    RemovalDone,    ///< the filesystem and cgroup are gone
    RemovalFailed,  ///< removing them failed (error in the event): the container is dead
    OutOfMemory,    ///< the kernel's OOM killer chose the container
    DaemonStopping, ///< the daemon shuts down: it stops the container, not "manually"
    DaemonRestored, ///< the daemon started again and restores this container
};
/// A readable name for an outcome: "process exited", "frozen", ...
std::string_view outcomeName(Outcome outcome);
/// Every outcome, in declaration order.
inline constexpr std::array kOutcomes{
    Outcome::ProcessStarted, Outcome::StartFailed,   Outcome::Signalled,     Outcome::StopTimedOut,
    Outcome::Frozen,         Outcome::FreezeFailed,  Outcome::Thawed,        Outcome::ProcessExited,
    Outcome::BackoffElapsed, Outcome::RemovalDone,   Outcome::RemovalFailed, Outcome::OutOfMemory,
    Outcome::DaemonStopping, Outcome::DaemonRestored};
static_assert(isEveryEnumerator(kOutcomes));

/// What a row of the table answers: a command the learner gave, or an outcome the backend
/// reported.
using Trigger = std::variant<Command, Outcome>;
/// commandName() or outcomeName().
std::string_view triggerName(const Trigger& trigger);

/// Docker's --restart policy.
enum class RestartPolicyKind { No, Always, OnFailure, UnlessStopped };
struct RestartPolicy {
    RestartPolicyKind kind = RestartPolicyKind::No;
    int maxRetries = 0; ///< on-failure:N; 0 means no limit
};

/// What an accepted command has set in motion, read by the guards of the outcome rows: the
/// process exiting means one thing after `stop`, another after `rm -f` or `restart`.
enum class Intent { None, Start, Stop, Kill, Restart, RemoveForce, DaemonShutdown };

/// The lifecycle data of one container: guards read it, only the table's actions change it.
struct LifecycleRecord {
    RestartPolicy restartPolicy;
    bool autoRemove = false;          ///< --rm
    bool hasCustomStopSignal = false; ///< --stop-signal or the image's STOPSIGNAL was given
    int stopSignal = 15;              ///< SIGTERM unless configured
    Duration stopTimeout{10s};        ///< --stop-timeout: a daemon shutdown stops with it
    Intent intent = Intent::None;
    int restartCount = 0;          ///< .RestartCount
    bool manuallyStopped = false;  ///< HasBeenManuallyStopped
    bool restartCancelled = false; ///< the restart manager was cancelled (ExitOnNext)
    Duration backoff{0};           ///< the restart manager's current delay; 0 before the first
    bool hasBeenStarted = false;   ///< StartedAt is set
    int exitCode = 0;              ///< .State.ExitCode
    bool oomKilled = false;        ///< .State.OOMKilled
    std::string error;             ///< .State.Error
    TimePoint startedAt{};         ///< .State.StartedAt (epoch when never started)
    TimePoint finishedAt{};        ///< .State.FinishedAt
};

/// A command with what it carries.
struct CommandEvent {
    Command command = Command::Start;
    TimePoint at{};
    int signal = 0;        ///< Kill: the signal number (9 for SIGKILL; 0, docker's empty -s, too)
    Duration timeout{10s}; ///< Stop, Restart: how long to wait before SIGKILL
};

/// An outcome with what it carries.
struct OutcomeEvent {
    Outcome outcome = Outcome::ProcessExited;
    TimePoint at{};
    int exitCode = 0;  ///< ProcessExited, StartFailed
    int signal = 0;    ///< Signalled
    std::string error; ///< StartFailed, FreezeFailed, RemovalFailed
};

/// Why a command was refused. Each value is one of Docker Engine 20.10's messages.
enum class Refusal {
    NotRunning,              ///< Container ID is not running
    AlreadyPaused,           ///< Container ID is already paused
    RestartingWait,          ///< Container ID is restarting, wait until the container is running
    NotPaused,               ///< Container ID is not paused
    StartPaused,             ///< cannot start a paused container, try unpause instead
    MarkedForRemoval,        ///< container is marked for removal and cannot be started
    RestartMarkedForRemoval, ///< Cannot restart container NAME: container is marked for removal...
    KillNotRunning,          ///< Cannot kill container: NAME: Container ID is not running
    RemoveRunning,           ///< You cannot remove a running container ID. Stop the container...
    RemovePaused,            ///< You cannot remove a paused container ID. Unpause and then...
    RemoveRestarting,        ///< You cannot remove a restarting container ID. Stop the...
    RemovalInProgress,       ///< removal of container NAME is already in progress
    PauseFailed,             ///< Cannot pause container ID: DETAIL
    UnpauseFailed,           ///< Cannot unpause container ID: DETAIL
    StartFailed,             ///< DETAIL (the runtime's own words)
    RestartFailed,           ///< Cannot restart container NAME: DETAIL
    RemovalFailed,           ///< unable to remove filesystem for ID: DETAIL (the container is dead)
    ExecPaused,              ///< Container NAME is paused, unpause the container before exec
    NoTransition,            ///< no row of the table: a bug in the table, never a Docker message
};
/// Docker's exact message for a refusal. id is the full 64-hex ID, name the reference as typed.
std::string refusalText(Refusal refusal, std::string_view id, std::string_view name,
                        std::string_view detail = {});
/// The refusal's identifier, as written in the table: "NotRunning", "StartPaused", ...
std::string_view refusalName(Refusal refusal);
/// Every refusal, in declaration order (lessons key their explanations by refusalName()).
inline constexpr std::array kRefusals{Refusal::NotRunning,
                                      Refusal::AlreadyPaused,
                                      Refusal::RestartingWait,
                                      Refusal::NotPaused,
                                      Refusal::StartPaused,
                                      Refusal::MarkedForRemoval,
                                      Refusal::RestartMarkedForRemoval,
                                      Refusal::KillNotRunning,
                                      Refusal::RemoveRunning,
                                      Refusal::RemovePaused,
                                      Refusal::RemoveRestarting,
                                      Refusal::RemovalInProgress,
                                      Refusal::PauseFailed,
                                      Refusal::UnpauseFailed,
                                      Refusal::StartFailed,
                                      Refusal::RestartFailed,
                                      Refusal::RemovalFailed,
                                      Refusal::ExecPaused,
                                      Refusal::NoTransition};
static_assert(isEveryEnumerator(kRefusals));

/// The container event actions Docker publishes (docker events).
enum class DockerAction {
    Create,
    Start,
    Restart,
    Pause,
    Unpause,
    Kill,
    Die,
    Stop,
    Oom,
    Destroy,
    Rename
};
/// Docker's word for an action: "create", "die", ...
std::string_view actionName(DockerAction action);

/// What the backend must do, in order, after a reaction.
enum class EffectKind {
    StartProcess,     ///< start the container's process -> ProcessStarted | StartFailed
    Signal,           ///< deliver signal (thaw afterwards if asked) -> Signalled [, Thawed]
    StopProcess,      ///< Docker's stop: signal (thaw afterwards if asked), then StopTimedOut after
                      ///< the timeout unless it exited first (never for a negative timeout)
    KillProcess,      ///< SIGKILL and wait (thaw afterwards if asked) -> Signalled, ProcessExited
    Freeze,           ///< freeze the cgroup -> Frozen | FreezeFailed
    Thaw,             ///< thaw the cgroup -> Thawed
    ScheduleRestart,  ///< wait delay -> BackoffElapsed
    CancelRestart,    ///< forget a scheduled restart
    RemoveFilesystem, ///< delete rootfs, cgroup, record -> RemovalDone | RemovalFailed
};
struct Effect {
    EffectKind kind = EffectKind::StartProcess;
    int signal = 0;               ///< Signal, StopProcess, KillProcess
    bool thawAfterSignal = false; ///< the container is paused: resume it so the signal lands
    Duration delay{0}; ///< StopProcess: the timeout (negative: forever); ScheduleRestart: back-off
};

/// The answer to a command.
enum class Verdict {
    Accepted,    ///< the effects will be performed
    NotModified, ///< Docker's 304: success, nothing happens
    Refused,     ///< an error with Docker's message
};

/// How the machine reacted to one event.
struct Reaction {
    Verdict verdict = Verdict::Accepted;
    std::optional<Refusal> refusal; ///< set when Refused
    std::string detail;             ///< the inner error for PauseFailed, StartFailed, ...
    LifecycleState from = LifecycleState::Start;
    LifecycleState to = LifecycleState::Start;
    int row = -1; ///< the table row that fired (index into table()), -1 if none
    std::vector<DockerAction> actions; ///< Docker events to publish, in order
    std::vector<Effect> effects;       ///< what the backend must do now, in order
    bool waitBlocks = false;           ///< Wait: the container is running, so wait blocks
};

/// One row of the transition table, for drawing the diagram and walking it in tests.
struct TableRow {
    LifecycleState source = LifecycleState::Start;
    Trigger trigger;
    LifecycleState target = LifecycleState::Start; ///< equals source for rows that do not move
    std::string action; ///< the action functor's name ("Refuse<NotRunning>", "RequestFreeze")
    std::string guard;  ///< the guard functor's name, empty when none
    std::vector<DockerAction> publishes; ///< the Docker events this row publishes
    /// A command row that accepts: the outcomes that answer its Docker call (the call returns
    /// at the first of them); empty when the call returns at once.
    std::vector<Outcome> answeredBy;

    bool isCommand() const { return std::holds_alternative<Command>(trigger); }
};

/// One container's lifecycle: a Boost.MSM state machine behind a small, MSM-free interface.
class LifecycleMachine {
public:
    LifecycleMachine();
    ~LifecycleMachine();
    LifecycleMachine(const LifecycleMachine& other);
    LifecycleMachine& operator=(const LifecycleMachine& other);
    LifecycleMachine(LifecycleMachine&&) noexcept;
    LifecycleMachine& operator=(LifecycleMachine&&) noexcept;

    /// Where the container is now.
    LifecycleState node() const;
    /// Feeds a command; moves only for bookkeeping changes (see the top of this file).
    Reaction handle(const CommandEvent& event, LifecycleRecord& record);
    /// Feeds an outcome; may move the container.
    Reaction handle(const OutcomeEvent& event, LifecycleRecord& record);
    /// What handle() would answer to this command now, without changing anything (the UI's
    /// "is this button enabled").
    Reaction preview(const CommandEvent& event, const LifecycleRecord& record) const;

    /// Docker's inspect booleans, from the MSM state flags.
    bool isRunning() const; ///< Running=true: running, paused, restarting
    bool isPaused() const;
    bool isRestarting() const;
    bool isDead() const;

    /// Every row of the transition table, in table order.
    static const std::vector<TableRow>& table();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lab
