#pragma once
// One line of `docker events`: what the daemon logged, when, about whom.

#include "base/Time.h"

#include <map>
#include <string>

namespace lab {

/// A Docker event, as the daemon's event log holds it.
struct DockerEvent {
    TimePoint at{};
    std::string type;    ///< "container" or "image"
    std::string action;  ///< "create", "die", "pull", ...
    std::string actorId; ///< full container ID, or the image reference for image events
    std::map<std::string, std::string> attributes; ///< sorted by key, as the CLI prints them
};

} // namespace lab
