#include "gui/panels/RefusalReasons.h"

#include <QCoreApplication>

namespace lab {

// A switch, so that the compiler names any Refusal added to the core without a reason here;
// every reason is a literal in QCoreApplication::translate, so that lupdate extracts it.
QString refusalReason(Refusal refusal) {
    switch (refusal) {
    case Refusal::NotRunning:
        return QCoreApplication::translate(
            "RefusalReasons",
            "Only a running container has processes to freeze or signal; this one has none.");
    case Refusal::AlreadyPaused:
        return QCoreApplication::translate(
            "RefusalReasons",
            "The container's cgroup is already frozen: there is nothing more to pause.");
    case Refusal::RestartingWait:
        return QCoreApplication::translate(
            "RefusalReasons",
            "The restart policy is between two attempts; no process exists until it "
            "starts again.");
    case Refusal::NotPaused:
        return QCoreApplication::translate(
            "RefusalReasons", "Unpause thaws a frozen cgroup; this container is not frozen.");
    case Refusal::StartPaused:
        return QCoreApplication::translate(
            "RefusalReasons", "A paused container's process still exists, frozen: it needs thawing "
                              "(unpause), not a new start.");
    case Refusal::MarkedForRemoval:
        return QCoreApplication::translate(
            "RefusalReasons",
            "The container is being removed or its removal failed (dead): it can only be "
            "removed now.");
    case Refusal::RestartMarkedForRemoval:
        return QCoreApplication::translate(
            "RefusalReasons",
            "Restart stops and starts again, but a container marked for removal can no "
            "longer start.");
    case Refusal::KillNotRunning:
        return QCoreApplication::translate(
            "RefusalReasons",
            "Kill sends a signal to the container's process, and no process is running.");
    case Refusal::RemoveRunning:
        return QCoreApplication::translate(
            "RefusalReasons",
            "Removing would delete the filesystem under a live process: stop it first, "
            "or use rm -f, which kills it.");
    case Refusal::RemovePaused:
        return QCoreApplication::translate(
            "RefusalReasons",
            "A paused container still has its processes (Running=true): Docker will not "
            "delete a filesystem under them. Unpause and stop it, or use rm -f.");
    case Refusal::RemoveRestarting:
        return QCoreApplication::translate(
            "RefusalReasons",
            "The restart policy may start the process again at any moment: stop the "
            "container first, or use rm -f.");
    case Refusal::RemovalInProgress:
        return QCoreApplication::translate(
            "RefusalReasons", "Another removal of this container is already under way.");
    case Refusal::PauseFailed:
        return QCoreApplication::translate(
            "RefusalReasons",
            "The kernel's cgroup freezer could not freeze the container's tasks.");
    case Refusal::UnpauseFailed:
        return QCoreApplication::translate(
            "RefusalReasons", "The kernel's cgroup freezer could not thaw the container's tasks.");
    case Refusal::StartFailed:
        return QCoreApplication::translate(
            "RefusalReasons",
            "The runtime could not start the container's process (the command is missing "
            "or not executable, for instance).");
    case Refusal::RestartFailed:
        return QCoreApplication::translate(
            "RefusalReasons", "The container stopped, but its process could not be started again.");
    case Refusal::RemovalFailed:
        return QCoreApplication::translate(
            "RefusalReasons",
            "Deleting the container's filesystem failed: Docker marks it dead, and only "
            "another rm can clear it.");
    case Refusal::ExecPaused:
        return QCoreApplication::translate(
            "RefusalReasons",
            "Every task of a paused container is frozen: a new process started in it could not "
            "run either. Unpause it first.");
    case Refusal::NoTransition:
        return QCoreApplication::translate(
            "RefusalReasons",
            "The transition table has no row for this: a bug in the lab, not Docker.");
    }
    return {};
}

} // namespace lab
