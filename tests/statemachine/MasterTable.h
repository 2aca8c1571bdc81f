#pragma once
// Docker's master table (docs/DOCKER-BEHAVIOUR.md §2.14, with the events of §6.2 and the texts
// of §2.4-2.9 and §7's "20.10" column), typed in once: every Docker state x every command, what
// Docker answers and where the container ends up. tst_lifecycle_table holds the lifecycle machine
// to it; tst_real_master_table holds the engine on real processes to the same rows.

#include "machines/Lifecycle.h"

#include <vector>

namespace lab::test {

// Variations of the plain "state + command" case that reach the table's guarded rows.
enum class Setup {
    Plain,
    RemoveForceInFlight, ///< rm -f was sent and its kill has not landed yet
    CustomStopSignal,    ///< --stop-signal USR2 (12)
    IgnoresSignal,       ///< the process has a handler for the signal sent (it survives)
};

struct Case {
    ContainerState state;
    Command command;
    Verdict verdict;
    const char* message;  ///< Docker's text with ID and NAME for the container's ID and name
    LifecycleState final; ///< where the container is once the command's effects are done
    const char* events;   ///< the Docker events, in order
    bool waitBlocks = false;
    int signal = 9;
    Setup setup = Setup::Plain;
    const char* variant = "";
};

constexpr auto A = Verdict::Accepted;
constexpr auto N = Verdict::NotModified;
constexpr auto X = Verdict::Refused;
using S = ContainerState;
using C = Command;
using L = LifecycleState;

const char* const kNotRunning = "Container ID is not running";
const char* const kNotPaused = "Container ID is not paused";
const char* const kKillNotRunning = "Cannot kill container: NAME: Container ID is not running";
const char* const kMarked = "container is marked for removal and cannot be started";
const char* const kRestartMarked =
    "Cannot restart container NAME: container is marked for removal and cannot be started";
const char* const kInProgress = "removal of container NAME is already in progress";
const char* const kRestartingWait =
    "Container ID is restarting, wait until the container is running";
const char* const kExecPaused = "Container NAME is paused, unpause the container before exec";
const char* const kNoRow = "(no row: create makes a new container)";

// clang-format off
inline const std::vector<Case> kCases = {
    // created
    {S::Created, C::Create,      X, kNoRow,          L::Created, ""},
    {S::Created, C::Start,       A, "",              L::Running, "start"},
    {S::Created, C::Stop,        N, "",              L::Created, ""},
    {S::Created, C::Kill,        X, kKillNotRunning, L::Created, ""},
    {S::Created, C::Pause,       X, kNotRunning,     L::Created, ""},
    {S::Created, C::Unpause,     X, kNotPaused,      L::Created, ""},
    {S::Created, C::Restart,     A, "",              L::Running, "start, restart"},
    {S::Created, C::Remove,      A, "",              L::Removed, "destroy"},
    {S::Created, C::RemoveForce, A, "",              L::Removed, "destroy"},
    {S::Created, C::Wait,        A, "",              L::Created, ""},
    {S::Created, C::Rename,      A, "",              L::Created, "rename"},
    {S::Created, C::Exec,        X, kNotRunning, L::Created, ""},
    {S::Created, C::Top,         X, kNotRunning, L::Created, ""},
    // running
    {S::Running, C::Create,      X, kNoRow,          L::Running, ""},
    {S::Running, C::Start,       N, "",              L::Running, ""},
    {S::Running, C::Stop,        A, "",              L::Exited,  "kill 15, die 143, stop"},
    {S::Running, C::Kill,        A, "",              L::Exited,  "kill 9, die 137"},
    {S::Running, C::Kill,        A, "",              L::Exited,  "kill 1, die 129", false, 1, Setup::Plain, "-s HUP"},
    {S::Running, C::Pause,       A, "",              L::Paused,  "pause"},
    {S::Running, C::Unpause,     X, kNotPaused,      L::Running, ""},
    {S::Running, C::Restart,     A, "",              L::Running, "kill 15, die 143, stop, start, restart"},
    {S::Running, C::Remove,      X, "You cannot remove a running container ID. Stop the container before attempting removal or force remove", L::Running, ""},
    {S::Running, C::Remove,      X, kInProgress,     L::Running, "", false, 9, Setup::RemoveForceInFlight, "during rm -f"},
    {S::Running, C::RemoveForce, A, "",              L::Removed, "kill 9, die 137, destroy"},
    {S::Running, C::RemoveForce, X, kInProgress,     L::Running, "", false, 9, Setup::RemoveForceInFlight, "during rm -f"},
    {S::Running, C::Wait,        A, "",              L::Running, "", true},
    {S::Running, C::Rename,      A, "",              L::Running, "rename"},
    {S::Running, C::Exec,        A, "", L::Running, ""},
    {S::Running, C::Top,         A, "", L::Running, ""},
    // paused
    {S::Paused,  C::Create,      X, kNoRow,          L::Paused,  ""},
    {S::Paused,  C::Start,       X, "cannot start a paused container, try unpause instead", L::Paused, ""},
    {S::Paused,  C::Stop,        A, "",              L::Exited,  "kill 15, unpause, die 143, stop"},
    {S::Paused,  C::Kill,        A, "",              L::Exited,  "kill 9, unpause, die 137"},
    {S::Paused,  C::Kill,        A, "",              L::Running, "kill 10, unpause", false, 10, Setup::IgnoresSignal, "-s USR1, handled"},
    {S::Paused,  C::Kill,        A, "",              L::Paused,  "kill 10", false, 10, Setup::CustomStopSignal, "-s USR1, --stop-signal USR2"},
    {S::Paused,  C::Pause,       X, "Container ID is already paused", L::Paused, ""},
    {S::Paused,  C::Unpause,     A, "",              L::Running, "unpause"},
    {S::Paused,  C::Restart,     A, "",              L::Running, "kill 15, unpause, die 143, stop, start, restart"},
    {S::Paused,  C::Remove,      X, "You cannot remove a paused container ID. Unpause and then stop the container before attempting removal or force remove", L::Paused, ""},
    {S::Paused,  C::Remove,      X, kInProgress,     L::Paused,  "", false, 9, Setup::RemoveForceInFlight, "during rm -f"},
    {S::Paused,  C::RemoveForce, A, "",              L::Removed, "kill 9, unpause, die 137, destroy"},
    {S::Paused,  C::RemoveForce, X, kInProgress,     L::Paused,  "", false, 9, Setup::RemoveForceInFlight, "during rm -f"},
    {S::Paused,  C::Wait,        A, "",              L::Paused,  "", true},
    {S::Paused,  C::Rename,      A, "",              L::Paused,  "rename"},
    {S::Paused, C::Exec,        X, kExecPaused, L::Paused, ""},
    {S::Paused, C::Top,         A, "", L::Paused, ""},
    // restarting
    {S::Restarting, C::Create,      X, kNoRow,       L::Restarting, ""},
    {S::Restarting, C::Start,       N, "",           L::Restarting, ""},
    {S::Restarting, C::Stop,        A, "",           L::Exited,     "stop"},
    {S::Restarting, C::Kill,        A, "",           L::Exited,     ""},
    {S::Restarting, C::Kill,        A, "",           L::Restarting, "", false, 10, Setup::CustomStopSignal, "-s USR1, --stop-signal USR2"},
    {S::Restarting, C::Pause,       X, kRestartingWait, L::Restarting, ""},
    {S::Restarting, C::Unpause,     X, kNotPaused,   L::Restarting, ""},
    {S::Restarting, C::Restart,     A, "",           L::Running,    "stop, start, restart"},
    {S::Restarting, C::Remove,      X, "You cannot remove a restarting container ID. Stop the container before attempting removal or force remove", L::Restarting, ""},
    {S::Restarting, C::RemoveForce, A, "",           L::Removed,    "destroy"},
    {S::Restarting, C::Wait,        A, "",           L::Restarting, "", true},
    {S::Restarting, C::Rename,      A, "",           L::Restarting, "rename"},
    {S::Restarting, C::Exec,        X, kRestartingWait, L::Restarting, ""},
    {S::Restarting, C::Top,         X, kRestartingWait, L::Restarting, ""},
    // removing
    {S::Removing, C::Create,      X, kNoRow,          L::Removing, ""},
    {S::Removing, C::Start,       X, kMarked,         L::Removing, ""},
    {S::Removing, C::Stop,        N, "",              L::Removing, ""},
    {S::Removing, C::Kill,        X, kKillNotRunning, L::Removing, ""},
    {S::Removing, C::Pause,       X, kNotRunning,     L::Removing, ""},
    {S::Removing, C::Unpause,     X, kNotPaused,      L::Removing, ""},
    {S::Removing, C::Restart,     X, kRestartMarked,  L::Removing, ""},
    {S::Removing, C::Remove,      X, kInProgress,     L::Removing, ""},
    {S::Removing, C::RemoveForce, X, kInProgress,     L::Removing, ""},
    {S::Removing, C::Wait,        A, "",              L::Removing, ""},
    {S::Removing, C::Rename,      A, "",              L::Removing, "rename"},
    {S::Removing, C::Exec,        X, kNotRunning, L::Removing, ""},
    {S::Removing, C::Top,         X, kNotRunning, L::Removing, ""},
    // exited
    {S::Exited, C::Create,      X, kNoRow,          L::Exited,  ""},
    {S::Exited, C::Start,       A, "",              L::Running, "start"},
    {S::Exited, C::Stop,        N, "",              L::Exited,  ""},
    {S::Exited, C::Kill,        X, kKillNotRunning, L::Exited,  ""},
    {S::Exited, C::Pause,       X, kNotRunning,     L::Exited,  ""},
    {S::Exited, C::Unpause,     X, kNotPaused,      L::Exited,  ""},
    {S::Exited, C::Restart,     A, "",              L::Running, "start, restart"},
    {S::Exited, C::Remove,      A, "",              L::Removed, "destroy"},
    {S::Exited, C::RemoveForce, A, "",              L::Removed, "destroy"},
    {S::Exited, C::Wait,        A, "",              L::Exited,  ""},
    {S::Exited, C::Rename,      A, "",              L::Exited,  "rename"},
    {S::Exited, C::Exec,        X, kNotRunning, L::Exited, ""},
    {S::Exited, C::Top,         X, kNotRunning, L::Exited, ""},
    // dead
    {S::Dead, C::Create,      X, kNoRow,          L::Dead,    ""},
    {S::Dead, C::Start,       X, kMarked,         L::Dead,    ""},
    {S::Dead, C::Stop,        N, "",              L::Dead,    ""},
    {S::Dead, C::Kill,        X, kKillNotRunning, L::Dead,    ""},
    {S::Dead, C::Pause,       X, kNotRunning,     L::Dead,    ""},
    {S::Dead, C::Unpause,     X, kNotPaused,      L::Dead,    ""},
    {S::Dead, C::Restart,     X, kRestartMarked,  L::Dead,    ""},
    {S::Dead, C::Remove,      A, "",              L::Removed, "destroy"},
    {S::Dead, C::RemoveForce, A, "",              L::Removed, "destroy"},
    {S::Dead, C::Wait,        A, "",              L::Dead,    ""},
    {S::Dead, C::Rename,      A, "",              L::Dead,    "rename"},
    {S::Dead, C::Exec,        X, kNotRunning, L::Dead, ""},
    {S::Dead, C::Top,         X, kNotRunning, L::Dead, ""},
};
// clang-format on

} // namespace lab::test
