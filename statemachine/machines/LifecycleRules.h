#pragma once
// The decisions the guards of the lifecycle table ask about, as plain functions of the record
// and the event, so that they can be read and tested without MSM. C++17-clean.

#include "machines/Lifecycle.h"

#include <string_view>

namespace lab {

/// What the main process exiting leads to (daemon/monitor.go handleContainerExit, with the
/// command that was in flight). Exactly one plan holds for any record and event.
enum class ExitPlan {
    Remove,            ///< rm -f was waiting for it, or --rm and no restart: die, then remove
    RestartNow,        ///< docker restart was waiting for it: die, stop, start again at once
    Stopped,           ///< docker stop (or the daemon's shutdown) was waiting: die, stop
    StoppedThenRemove, ///< the same with --rm: die, stop, then remove
    BackOff,           ///< the restart policy restarts it after the back-off: die
    Exit,              ///< it stays exited: die
};
/// A readable name for a plan: "remove", "restart now", ...
std::string_view exitPlanName(ExitPlan plan);
/// The plan for this exit; the restart manager decides when no command was waiting for it.
ExitPlan exitPlan(const LifecycleRecord& record, const OutcomeEvent& exit);

/// What the daemon does with a stopped container when it starts again (daemon.go restore).
enum class RestorePlan {
    Start,  ///< its restart policy brings it back
    Remove, ///< --rm and not restarted: removed
    Keep,   ///< left as it is
};
/// A readable name for a restore plan: "start", "remove", "keep".
std::string_view restorePlanName(RestorePlan plan);
/// The plan for a stopped container when the daemon restores it.
RestorePlan restorePlan(const LifecycleRecord& record);

/// killWithSignal: SIGKILL, or the stop signal (any signal when none was configured), cancels
/// the restart manager and resumes a paused container so that the signal lands.
bool killCancelsRestart(const LifecycleRecord& record, int signal);
/// docker kill's SIGKILL: 9, or 0 (the CLI's empty -s, which the daemon reads as SIGKILL).
bool isSigkill(int signal);

} // namespace lab
