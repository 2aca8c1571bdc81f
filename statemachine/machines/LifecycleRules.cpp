#include "machines/LifecycleRules.h"

#include "machines/RestartManager.h"

namespace lab {

std::string_view exitPlanName(ExitPlan plan) {
    switch (plan) {
    case ExitPlan::Remove:
        return "remove";
    case ExitPlan::RestartNow:
        return "restart now";
    case ExitPlan::Stopped:
        return "stopped";
    case ExitPlan::StoppedThenRemove:
        return "stopped then remove";
    case ExitPlan::BackOff:
        return "back off";
    case ExitPlan::Exit:
        return "exit";
    }
    return "exit";
}

ExitPlan exitPlan(const LifecycleRecord& record, const OutcomeEvent& exit) {
    switch (record.intent) {
    case Intent::RemoveForce:
        return ExitPlan::Remove;
    // containerRestart switches AutoRemove off during its stop: the container survives.
    case Intent::Restart:
        return ExitPlan::RestartNow;
    case Intent::Stop:
    case Intent::DaemonShutdown:
        return record.autoRemove ? ExitPlan::StoppedThenRemove : ExitPlan::Stopped;
    case Intent::None:
    case Intent::Start:
    case Intent::Kill:
        break;
    }
    // Every other exit goes to the restart manager (a kill has cancelled it already).
    const auto decision =
        decideRestart(record, exit.exitCode, exit.at - record.startedAt, record.manuallyStopped);
    if (decision.restart)
        return ExitPlan::BackOff;
    return record.autoRemove ? ExitPlan::Remove : ExitPlan::Exit;
}

std::string_view restorePlanName(RestorePlan plan) {
    switch (plan) {
    case RestorePlan::Start:
        return "start";
    case RestorePlan::Remove:
        return "remove";
    case RestorePlan::Keep:
        return "keep";
    }
    return "keep";
}

RestorePlan restorePlan(const LifecycleRecord& record) {
    if (restartsOnRestore(record))
        return RestorePlan::Start;
    return record.autoRemove ? RestorePlan::Remove : RestorePlan::Keep;
}

bool isSigkill(int signal) {
    return signal == 9 || signal == 0;
}

bool killCancelsRestart(const LifecycleRecord& record, int signal) {
    return isSigkill(signal) || !record.hasCustomStopSignal || signal == record.stopSignal;
}

} // namespace lab
