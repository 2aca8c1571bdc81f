// docker update (daemon/update.go): the daemon's checks, then UpdateContainer's merge, then the
// backend puts the new limits on the container (docs/DOCKER-BEHAVIOUR.md §10.5).
#include "engine/Engine.h"
#include "engine/ResourceLimits.h"

namespace lab {

Status Engine::update(Container& container, const UpdateRequest& request) {
    if (auto checked = checkLimits(request.limits, m_backend.cpus(), true); !checked)
        return checked;
    const std::string cannot = "Cannot update container " + container.id + ": ";
    if (container.machine.isDead())
        return Error{cannot + "container is marked for removal and cannot be \"update\"",
                     ErrorCode::Conflict};
    auto limits = updatedLimits(container.config.limits, request.limits);
    if (!limits)
        return Error{cannot + limits.error().message, ErrorCode::Conflict};
    std::optional<RestartPolicy> policy;
    if (request.restart && !request.restart->name.empty()) {
        if (container.config.autoRemove && request.restart->name != "no")
            return Error{cannot + "Restart policy cannot be updated because AutoRemove is "
                                  "enabled for the container",
                         ErrorCode::Conflict};
        auto valid = validateRestartPolicy(*request.restart, false);
        if (!valid)
            return valid.error();
        policy = *valid;
    }
    if (*limits != container.config.limits)
        if (auto applied = m_backend.applyLimits(container, *limits); !applied)
            return Error{cannot + applied.error().message};
    container.config.limits = *limits;
    if (policy) {
        container.config.restartPolicy = *policy;
        container.record.restartPolicy = *policy;
    }
    return Ok{};
}

} // namespace lab
