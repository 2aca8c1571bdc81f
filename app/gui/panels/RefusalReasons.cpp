#include "gui/panels/RefusalReasons.h"

#include <QCoreApplication>

namespace lab {

// A switch, so that the compiler names any Refusal added to the core without a reason here.
QString refusalReason(Refusal refusal) {
    auto tr = [](const char* text) { return QCoreApplication::translate("RefusalReasons", text); };
    switch (refusal) {
    case Refusal::NotRunning:
        return tr("Only a running container has processes to freeze or signal; this one has none.");
    case Refusal::AlreadyPaused:
        return tr("The container's cgroup is already frozen: there is nothing more to pause.");
    case Refusal::RestartingWait:
        return tr("The restart policy is between two attempts; no process exists until it "
                  "starts again.");
    case Refusal::NotPaused:
        return tr("Unpause thaws a frozen cgroup; this container is not frozen.");
    case Refusal::StartPaused:
        return tr("A paused container's process still exists, frozen: it needs thawing "
                  "(unpause), not a new start.");
    case Refusal::MarkedForRemoval:
        return tr("The container is being removed or its removal failed (dead): it can only be "
                  "removed now.");
    case Refusal::RestartMarkedForRemoval:
        return tr("Restart stops and starts again, but a container marked for removal can no "
                  "longer start.");
    case Refusal::KillNotRunning:
        return tr("Kill sends a signal to the container's process, and no process is running.");
    case Refusal::RemoveRunning:
        return tr("Removing would delete the filesystem under a live process: stop it first, "
                  "or use rm -f, which kills it.");
    case Refusal::RemovePaused:
        return tr("A paused process cannot even receive SIGKILL until it is thawed: unpause and "
                  "stop it, or use rm -f.");
    case Refusal::RemoveRestarting:
        return tr("The restart policy may start the process again at any moment: stop the "
                  "container first, or use rm -f.");
    case Refusal::RemovalInProgress:
        return tr("Another removal of this container is already under way.");
    case Refusal::PauseFailed:
        return tr("The kernel's cgroup freezer could not freeze the container's tasks.");
    case Refusal::UnpauseFailed:
        return tr("The kernel's cgroup freezer could not thaw the container's tasks.");
    case Refusal::StartFailed:
        return tr("The runtime could not start the container's process (the command is missing "
                  "or not executable, for instance).");
    case Refusal::RestartFailed:
        return tr("The container stopped, but its process could not be started again.");
    case Refusal::RemovalFailed:
        return tr("Deleting the container's filesystem failed: Docker marks it dead, and only "
                  "another rm can clear it.");
    case Refusal::ExecPaused:
        return tr("Every task of a paused container is frozen: a new process started in it "
                  "could not run either. Unpause it first.");
    case Refusal::NoTransition:
        return tr("The transition table has no row for this: a bug in the lab, not Docker.");
    }
    return {};
}

} // namespace lab
