#include "docker/ContainerStatus.h"

#include "docker/HumanDuration.h"

namespace lab::docker {
namespace {

std::string since(std::optional<TimePoint> moment, TimePoint now) {
    // Docker's flags guarantee the moment is set wherever it is read (running implies
    // started, restarting implies finished); an unset one reads as "now" rather than year 1.
    return humanDuration(now - moment.value_or(now));
}

const char* healthWords(Health health) {
    switch (health) {
    case Health::Starting:
        return "health: starting";
    case Health::Healthy:
        return "healthy";
    case Health::Unhealthy:
    case Health::None:
        break;
    }
    return "unhealthy";
}

} // namespace

std::string stateString(const StateFlags& s) {
    if (s.running) {
        if (s.paused)
            return "paused";
        if (s.restarting)
            return "restarting";
        return "running";
    }
    if (s.removalInProgress)
        return "removing";
    if (s.dead)
        return "dead";
    if (!s.startedAt)
        return "created";
    return "exited";
}

std::string statusString(const StateFlags& s, TimePoint now) {
    if (s.running) {
        const std::string up = "Up " + since(s.startedAt, now);
        if (s.paused)
            return up + " (Paused)";
        if (s.restarting)
            return "Restarting (" + std::to_string(s.exitCode) + ") " + since(s.finishedAt, now) +
                   " ago";
        if (s.health != Health::None)
            return up + " (" + healthWords(s.health) + ")";
        return up;
    }
    if (s.removalInProgress)
        return "Removal In Progress";
    if (s.dead)
        return "Dead";
    if (!s.startedAt)
        return "Created";
    if (!s.finishedAt)
        return "";
    return "Exited (" + std::to_string(s.exitCode) + ") " + since(s.finishedAt, now) + " ago";
}

std::string createdString(TimePoint created, TimePoint now) {
    return humanDuration(now - created) + " ago";
}

} // namespace lab::docker
