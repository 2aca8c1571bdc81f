// RealBackend: pause and unpause on the cgroup freezer. v2: cgroup.freeze, and "frozen 1" in
// cgroup.events heard through one inotify instance for the whole backend; v1: freezer.state,
// looked at again 1 ms later while it says FREEZING (as runc does).
#include "ContainerSandbox.h"
#include "engine/Container.h"

#include <sys/inotify.h>
#include <unistd.h>

namespace lab::real {

void RealBackend::freeze(const Container& container) {
    ContainerSandbox* found = sandbox(container.id);
    if (!found || !found->process) {
        post(container.id,
             OutcomeEvent{Outcome::FreezeFailed, {}, 0, 0, "container is not running"});
        return;
    }
    if (!m_tree) {
        post(container.id, OutcomeEvent{Outcome::FreezeFailed,
                                        {},
                                        0,
                                        0,
                                        "no cgroup freezer for this container: " + m_noCgroup});
        return;
    }
    std::vector<std::string>& trace = m_traces[container.id];
    // The cgroup.events watch has been in place since create: a "frozen 1" that comes between
    // the write and the first look is not lost.
    found->freezing = true;
    auto frozen = found->cgroup.requestFreeze(trace);
    if (!frozen) {
        stopWaitingForFreeze(*found);
        post(container.id, OutcomeEvent{Outcome::FreezeFailed, {}, 0, 0, frozen.error().message});
        return;
    }
    if (*frozen) {
        trace.push_back(found->cgroup.mode() == CgroupMode::V2 ? "cgroup.events: frozen 1"
                                                               : "freezer.state: FROZEN");
        stopWaitingForFreeze(*found);
        post(container.id, OutcomeEvent{Outcome::Frozen});
        return;
    }
    if (found->cgroup.mode() == CgroupMode::V1Freezer)
        recheckV1Freezer(*found);
}

void RealBackend::recheckV1Freezer(ContainerSandbox& found) {
    // The v1 freezer tells nobody when FREEZING becomes FROZEN: look again a millisecond later
    // (runc does the same), on the clock rather than in a sleep.
    const std::string id = found.id;
    found.v1Recheck = m_clock.schedule(m_clock.now() + std::chrono::milliseconds(1), [this, id] {
        if (ContainerSandbox* still = sandbox(id)) {
            still->v1Recheck.reset();
            checkFrozen(*still);
        }
    });
}

void RealBackend::onInotify() {
    // Read every queued event; each names the watch of one container's cgroup.events.
    alignas(inotify_event) char buffer[4096];
    for (ssize_t n; (n = ::read(m_inotify.get(), buffer, sizeof buffer)) > 0;)
        for (ssize_t at = 0; at < n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
            at += ssize_t(sizeof(inotify_event) + event->len);
            auto watched = m_idByWatch.find(event->wd);
            if (watched == m_idByWatch.end())
                continue;
            if (ContainerSandbox* found = sandbox(watched->second); found && found->freezing)
                checkFrozen(*found);
        }
}

void RealBackend::checkFrozen(ContainerSandbox& found) {
    auto frozen = found.cgroup.isFrozen();
    if (frozen && !*frozen) {
        if (found.cgroup.mode() == CgroupMode::V1Freezer)
            recheckV1Freezer(found);
        return;
    }
    stopWaitingForFreeze(found);
    if (!frozen) {
        m_sink->report(found.id, OutcomeEvent{Outcome::FreezeFailed, m_clock.now(), 0, 0,
                                              frozen.error().message});
        return;
    }
    m_traces[found.id].push_back(found.cgroup.mode() == CgroupMode::V2
                                     ? "cgroup.events: frozen 1 (inotify)"
                                     : "freezer.state: FROZEN");
    m_sink->report(found.id, OutcomeEvent{Outcome::Frozen, m_clock.now()});
}

void RealBackend::stopWaitingForFreeze(ContainerSandbox& found) {
    found.freezing = false;
    if (found.v1Recheck)
        m_clock.cancel(*found.v1Recheck);
    found.v1Recheck.reset();
}

void RealBackend::thaw(const Container& container) {
    ContainerSandbox* found = sandbox(container.id);
    if (!found || !m_tree)
        return;
    stopWaitingForFreeze(*found);
    // Writing 0 fails only when the cgroup is gone, and then so is the process: its exit moves
    // the container, so there is no "thaw failed" outcome to report.
    if (auto thawed = found->cgroup.thaw(m_traces[container.id]); !thawed) {
        m_traces[container.id].push_back(thawed.error().message);
        return;
    }
    post(container.id, OutcomeEvent{Outcome::Thawed});
}

} // namespace lab::real
