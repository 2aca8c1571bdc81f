// The words of the lifecycle: Docker's own where Docker has them (state strings, event actions,
// Engine 20.10's error messages, docs/DOCKER-BEHAVIOUR.md §2 and §7), readable ones for the rest.

#include "machines/Lifecycle.h"

namespace lab {

std::string_view dockerName(ContainerState state) {
    switch (state) {
    case ContainerState::Created:
        return "created";
    case ContainerState::Running:
        return "running";
    case ContainerState::Paused:
        return "paused";
    case ContainerState::Restarting:
        return "restarting";
    case ContainerState::Removing:
        return "removing";
    case ContainerState::Exited:
        return "exited";
    case ContainerState::Dead:
        return "dead";
    }
    return "unknown";
}

std::optional<ContainerState> dockerState(LifecycleState node) {
    switch (node) {
    case LifecycleState::Created:
        return ContainerState::Created;
    case LifecycleState::Running:
        return ContainerState::Running;
    case LifecycleState::Paused:
        return ContainerState::Paused;
    case LifecycleState::Restarting:
        return ContainerState::Restarting;
    case LifecycleState::Removing:
        return ContainerState::Removing;
    case LifecycleState::Exited:
        return ContainerState::Exited;
    case LifecycleState::Dead:
        return ContainerState::Dead;
    case LifecycleState::Start:
    case LifecycleState::Removed:
        return std::nullopt;
    }
    return std::nullopt;
}

std::string_view nodeName(LifecycleState node) {
    if (node == LifecycleState::Start)
        return "start";
    if (node == LifecycleState::Removed)
        return "removed";
    if (const auto state = dockerState(node))
        return dockerName(*state);
    return "unknown";
}

std::string_view commandName(Command command) {
    switch (command) {
    case Command::Create:
        return "create";
    case Command::Start:
        return "start";
    case Command::Stop:
        return "stop";
    case Command::Kill:
        return "kill";
    case Command::Pause:
        return "pause";
    case Command::Unpause:
        return "unpause";
    case Command::Restart:
        return "restart";
    case Command::Remove:
        return "rm";
    case Command::RemoveForce:
        return "rm -f";
    case Command::Wait:
        return "wait";
    case Command::Rename:
        return "rename";
    case Command::Exec:
        return "exec";
    case Command::Top:
        return "top";
    }
    return "unknown";
}

std::string_view outcomeName(Outcome outcome) {
    switch (outcome) {
    case Outcome::ProcessStarted:
        return "process started";
    case Outcome::StartFailed:
        return "start failed";
    case Outcome::Signalled:
        return "signalled";
    case Outcome::StopTimedOut:
        return "stop timed out";
    case Outcome::Frozen:
        return "frozen";
    case Outcome::FreezeFailed:
        return "freeze failed";
    case Outcome::Thawed:
        return "thawed";
    case Outcome::ProcessExited:
        return "process exited";
    case Outcome::BackoffElapsed:
        return "back-off elapsed";
    case Outcome::RemovalDone:
        return "removal done";
    case Outcome::RemovalFailed:
        return "removal failed";
    case Outcome::OutOfMemory:
        return "out of memory";
    case Outcome::DaemonStopping:
        return "daemon stopping";
    case Outcome::DaemonRestored:
        return "daemon restored";
    }
    return "unknown";
}

std::string_view triggerName(const Trigger& trigger) {
    if (const Command* command = std::get_if<Command>(&trigger))
        return commandName(*command);
    return outcomeName(std::get<Outcome>(trigger));
}

std::string_view actionName(DockerAction action) {
    switch (action) {
    case DockerAction::Create:
        return "create";
    case DockerAction::Start:
        return "start";
    case DockerAction::Restart:
        return "restart";
    case DockerAction::Pause:
        return "pause";
    case DockerAction::Unpause:
        return "unpause";
    case DockerAction::Kill:
        return "kill";
    case DockerAction::Die:
        return "die";
    case DockerAction::Stop:
        return "stop";
    case DockerAction::Oom:
        return "oom";
    case DockerAction::Destroy:
        return "destroy";
    case DockerAction::Rename:
        return "rename";
    }
    return "unknown";
}

std::string_view refusalName(Refusal refusal) {
    switch (refusal) {
    case Refusal::NotRunning:
        return "NotRunning";
    case Refusal::AlreadyPaused:
        return "AlreadyPaused";
    case Refusal::RestartingWait:
        return "RestartingWait";
    case Refusal::NotPaused:
        return "NotPaused";
    case Refusal::StartPaused:
        return "StartPaused";
    case Refusal::MarkedForRemoval:
        return "MarkedForRemoval";
    case Refusal::RestartMarkedForRemoval:
        return "RestartMarkedForRemoval";
    case Refusal::KillNotRunning:
        return "KillNotRunning";
    case Refusal::RemoveRunning:
        return "RemoveRunning";
    case Refusal::RemovePaused:
        return "RemovePaused";
    case Refusal::RemoveRestarting:
        return "RemoveRestarting";
    case Refusal::RemovalInProgress:
        return "RemovalInProgress";
    case Refusal::PauseFailed:
        return "PauseFailed";
    case Refusal::UnpauseFailed:
        return "UnpauseFailed";
    case Refusal::StartFailed:
        return "StartFailed";
    case Refusal::RestartFailed:
        return "RestartFailed";
    case Refusal::RemovalFailed:
        return "RemovalFailed";
    case Refusal::ExecPaused:
        return "ExecPaused";
    case Refusal::NoTransition:
        return "NoTransition";
    }
    return "Unknown";
}

namespace {

std::string concat(std::initializer_list<std::string_view> parts) {
    std::string text;
    for (const auto part : parts)
        text += part;
    return text;
}

// daemon/delete.go: "You cannot remove a <StateString> container <ID>. <procedure>".
std::string cannotRemove(std::string_view state, std::string_view id, std::string_view procedure) {
    return concat({"You cannot remove a ", state, " container ", id, ". ", procedure});
}

constexpr std::string_view kStopFirst =
    "Stop the container before attempting removal or force remove";
constexpr std::string_view kMarkedForRemoval =
    "container is marked for removal and cannot be started";

} // namespace

std::string refusalText(Refusal refusal, std::string_view id, std::string_view name,
                        std::string_view detail) {
    switch (refusal) {
    case Refusal::NotRunning:
        return concat({"Container ", id, " is not running"});
    case Refusal::AlreadyPaused:
        return concat({"Container ", id, " is already paused"});
    case Refusal::RestartingWait:
        return concat({"Container ", id, " is restarting, wait until the container is running"});
    case Refusal::NotPaused:
        return concat({"Container ", id, " is not paused"});
    case Refusal::StartPaused:
        return "cannot start a paused container, try unpause instead";
    case Refusal::MarkedForRemoval:
        return std::string(kMarkedForRemoval);
    case Refusal::RestartMarkedForRemoval:
        return concat({"Cannot restart container ", name, ": ", kMarkedForRemoval});
    case Refusal::KillNotRunning:
        return concat({"Cannot kill container: ", name, ": Container ", id, " is not running"});
    case Refusal::RemoveRunning:
        return cannotRemove("running", id, kStopFirst);
    case Refusal::RemovePaused:
        return cannotRemove("paused", id,
                            "Unpause and then stop the container before attempting removal or "
                            "force remove");
    case Refusal::RemoveRestarting:
        return cannotRemove("restarting", id, kStopFirst);
    case Refusal::RemovalInProgress:
        return concat({"removal of container ", name, " is already in progress"});
    case Refusal::PauseFailed:
        return concat({"Cannot pause container ", id, ": ", detail});
    case Refusal::UnpauseFailed:
        return concat({"Cannot unpause container ", id, ": ", detail});
    case Refusal::StartFailed:
        return std::string(detail);
    case Refusal::RestartFailed:
        return concat({"Cannot restart container ", name, ": ", detail});
    case Refusal::RemovalFailed:
        return concat({"unable to remove filesystem for ", id, ": ", detail});
    case Refusal::ExecPaused:
        return concat({"Container ", name, " is paused, unpause the container before exec"});
    case Refusal::NoTransition:
        return concat({"internal error: the lifecycle table has no row for this (", detail, ")"});
    }
    return std::string(detail);
}

} // namespace lab
