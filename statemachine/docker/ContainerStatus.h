#pragma once
// The two words docker derives from a container's state flags (container/state.go): the
// state string of `{{.State}}` / inspect's .State.Status, and the STATUS text of `docker ps`.
// The flags overlap on purpose (a paused container is also Running), so both read them with
// Docker's precedence rather than from a single enum.

#include "base/Time.h"

#include <optional>
#include <string>

namespace lab::docker {

/// Health as docker ps shows it; None means the container has no healthcheck.
enum class Health { None, Starting, Healthy, Unhealthy };

/// The fields of Docker's container State that the two strings depend on.
struct StateFlags {
    bool running = false;                     ///< also true while paused or restarting
    bool paused = false;                      ///< frozen (needs running)
    bool restarting = false;                  ///< waiting in restart back-off (needs running)
    bool removalInProgress = false;           ///< rm has begun
    bool dead = false;                        ///< removal failed, or restored half-removed
    int exitCode = 0;                         ///< last exit code
    std::optional<TimePoint> startedAt = {};  ///< unset: never started successfully
    std::optional<TimePoint> finishedAt = {}; ///< unset: never finished
    Health health = Health::None;             ///< healthcheck verdict
};

/// One of created, running, paused, restarting, removing, exited, dead.
std::string stateString(const StateFlags& state);

/// The ps STATUS text at `now`: "Up 3 seconds (Paused)", "Restarting (1) 2 seconds ago",
/// "Up 5 minutes (health: starting)", "Exited (137) Less than a second ago", "Created", ...
std::string statusString(const StateFlags& state, TimePoint now);

/// The ps CREATED text: "2 hours ago".
std::string createdString(TimePoint created, TimePoint now);

} // namespace lab::docker
