#pragma once
// Docker's restart manager (moby restartmanager/restartmanager.go, DOCKER-BEHAVIOUR.md §2.12), the
// --restart option's parser and validator. C++17-clean: the MSM translation unit uses it.
//
// Docker keeps the manager's state (policy, restart count, current delay, cancelled) in a
// separate object; here it lives in the LifecycleRecord, so a decision is a pure function of
// the record and the exit, and the table's action stores what it returns.

#include "base/Expected.h"
#include "base/Time.h"
#include "machines/Lifecycle.h"

#include <string>
#include <string_view>

namespace lab {

/// What the restart manager decides when the container's main process exits.
struct RestartDecision {
    bool restart = false; ///< start the container again after `backoff`
    Duration backoff{0};  ///< the manager's delay after this exit (LifecycleRecord::backoff)
};

/// The restart manager's timing constants (restartmanager.go).
struct RestartTiming {
    static constexpr Duration initialDelay = 100ms; ///< defaultTimeout
    static constexpr Duration maxDelay = 1min;      ///< maxRestartTimeout
    static constexpr Duration resetAfter = 10s;     ///< a run this long resets the delay
};

/// True for "no" (and Docker's empty name, which means the same).
bool isNoRestart(const RestartPolicy& policy);

/// ShouldRestart: the decision on exit, in Docker's order of operations (policy "no" first, then
/// a cancelled manager, then the delay update, then the policy). manuallyStopped is
/// HasBeenManuallyStopped or the daemon shutting down; ran is how long the run lasted.
RestartDecision decideRestart(const LifecycleRecord& record, int exitCode, Duration ran,
                              bool manuallyStopped);

/// On daemon start: would a fresh restart manager restart this stopped container? Only
/// containers that were started before qualify (docs/DOCKER-BEHAVIOUR.md §2.12, "Daemon startup").
bool restartsOnRestore(const LifecycleRecord& record);

/// A --restart value as the CLI parsed it: the name is not checked yet, the daemon does that.
struct RestartPolicyText {
    std::string name;   ///< "", "no", "always", "on-failure", "unless-stopped", or anything
    int maxRetries = 0; ///< the count after the colon
};

/// docker CLI 28's opts.ParseRestartPolicy: "name[:count]", with its exact errors.
Expected<RestartPolicyText> parseRestartPolicy(std::string_view text);

/// docker CLI 28's check of --rm against --restart (before anything reaches the daemon).
Status checkRestartWithAutoRemove(const RestartPolicyText& policy, bool autoRemove);

/// Engine 20.10's verifyContainerSettings for the policy: AutoRemove first, then the name and
/// the count, with the daemon's exact errors.
Expected<RestartPolicy> validateRestartPolicy(const RestartPolicyText& policy, bool autoRemove);

/// The policy's name as inspect shows it: "no", "always", "on-failure", "unless-stopped".
std::string_view restartPolicyName(RestartPolicyKind kind);

} // namespace lab
