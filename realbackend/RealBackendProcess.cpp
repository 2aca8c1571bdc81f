// RealBackend: a container's process from start to exit: clone3 and what the child does
// (ContainerProcess), its output and init's reports as they come, signals (held until the process
// has settled: Settling.h), the exit through the pidfd.
#include "ContainerSandbox.h"
#include "InitProcess.h"
#include "Settling.h"
#include "Syscalls.h"
#include "docker/Signals.h"
#include "engine/Container.h"
#include "engine/Security.h"

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace lab::real {

namespace {

// The container's HostConfig as the child applies it.
Expected<Confinement> confinementOf(const ContainerConfig& config, bool sysMounted) {
    auto capabilities = containerCapabilities(config);
    if (!capabilities)
        return capabilities.error();
    return planConfinement(
        {*capabilities, config.privileged, wantsNoNewPrivileges(config), sysMounted});
}

} // namespace

void RealBackend::startProcess(const Container& container) {
    ContainerSandbox* found = sandbox(container.id);
    const std::vector<std::string> argv = container.argv();
    if (!found || argv.empty()) {
        post(container.id,
             OutcomeEvent{Outcome::StartFailed,
                          {},
                          128,
                          0,
                          found ? "No command specified" : "container was never prepared"});
        return;
    }
    std::vector<std::string>& trace = m_traces[container.id];
    auto confinement = confinementOf(container.config, m_options.newNetwork);
    if (!confinement) {
        post(container.id,
             OutcomeEvent{Outcome::StartFailed, {}, 128, 0, confinement.error().message});
        return;
    }
    auto attempt = startContainerProcess(
        ProcessSpec{container.shortId(), found->dir + "/rootfs", argv,
                    mergeEnv(container.config.env, found->imageConfig.env),
                    found->imageConfig.workingDir, m_options.newNetwork, container.config.init,
                    found->resources.procsFiles(), m_rootless, found->imageRootfs,
                    std::move(*confinement), found->lowerDir.empty()},
        m_tree ? &found->cgroup : nullptr, trace);
    if (!attempt) {
        post(container.id,
             OutcomeEvent{
                 Outcome::StartFailed, {}, attempt.error().exitCode, 0, attempt.error().message});
        return;
    }
    found->process = std::move(*attempt);
    found->settled = false;
    found->ticksAtExec = cpuTicksOf({found->process->pid()});
    found->oomKillsAtStart = found->resources.oomKills().value_or(0);
    found->partial[0].clear();
    found->partial[1].clear();
    // ProcessStarted is posted before any watch can fire: the clock runs due timers first.
    post(container.id, OutcomeEvent{Outcome::ProcessStarted});
    const std::string id = container.id;
    m_clock.watch(found->process->stdoutPipe().get(), [this, id] { onOutput(id, false); });
    m_clock.watch(found->process->stderrPipe().get(), [this, id] { onOutput(id, true); });
    m_clock.watch(found->process->pidfd(), [this, id] { onExit(id); });
    if (found->process->initReports())
        m_clock.watch(found->process->initReports().get(), [this, id] { onInitReport(id); });
}

void RealBackend::onInitReport(const std::string& id) {
    ContainerSandbox* found = sandbox(id);
    if (!found || !found->process || !found->process->initReports())
        return;
    InitReport report;
    while (::read(found->process->initReports().get(), &report, sizeof report) == sizeof report)
        m_traces[id].push_back(describe(report));
}

void RealBackend::onOutput(const std::string& id, bool isStderr) {
    ContainerSandbox* found = sandbox(id);
    if (!found || !found->process)
        return;
    UniqueFd& pipe = isStderr ? found->process->stderrPipe() : found->process->stdoutPipe();
    std::string& partial = found->partial[isStderr ? 1 : 0];
    char buffer[65536];
    for (;;) {
        const ssize_t n = pipe ? ::read(pipe.get(), buffer, sizeof buffer) : 0;
        if (n < 0 && errno == EINTR)
            continue;
        if (n > 0) {
            partial.append(buffer, std::size_t(n));
            for (std::size_t end; (end = partial.find('\n')) != std::string::npos;) {
                m_sink->output(id, m_clock.now(), isStderr, partial.substr(0, end));
                partial.erase(0, end + 1);
            }
            continue;
        }
        if (n < 0 && errno == EAGAIN)
            return;
        // End of file: every writer is gone. What is left without a newline is a line too.
        if (!partial.empty())
            m_sink->output(id, m_clock.now(), isStderr, partial);
        partial.clear();
        if (pipe) {
            m_clock.unwatch(pipe.get());
            pipe.reset();
        }
        return;
    }
}

void RealBackend::onExit(const std::string& id) {
    ContainerSandbox* found = sandbox(id);
    if (!found || !found->process)
        return;
    const std::optional<int> code = found->process->reapIfExited();
    if (!code)
        return;
    onInitReport(id); // what init did before it ended
    m_traces[id].push_back("pidfd readable; waitid(P_PIDFD) = " + std::to_string(*code));
    // Whatever it wrote before it died comes first, as in `docker logs`.
    onOutput(id, false);
    onOutput(id, true);
    closeProcessWatches(*found);
    stopWaitingToSettle(*found);
    // A pause that was still waiting for "frozen 1" gets its answer, or its call would wait
    // forever.
    const bool wasFreezing = found->freezing;
    stopWaitingForFreeze(*found);
    found->process.reset();
    if (found->resources.oomKills().value_or(0) > found->oomKillsAtStart) {
        m_traces[id].push_back("oom_kill count went up: the OOM killer ended it");
        m_sink->report(id, OutcomeEvent{Outcome::OutOfMemory, m_clock.now()});
    }
    if (wasFreezing)
        m_sink->report(id,
                       OutcomeEvent{Outcome::FreezeFailed, m_clock.now(), 0, 0,
                                    "the container's process exited while it was being frozen"});
    if (!sandbox(id))
        return;
    m_sink->report(id, OutcomeEvent{Outcome::ProcessExited, m_clock.now(), *code});
}

void RealBackend::closeProcessWatches(ContainerSandbox& found) {
    if (!found.process)
        return;
    for (UniqueFd* fd : {&found.process->stdoutPipe(), &found.process->stderrPipe(),
                         &found.process->initReports()})
        if (*fd) {
            m_clock.unwatch(fd->get());
            fd->reset();
        }
    m_clock.unwatch(found.process->pidfd());
}

void RealBackend::signal(const Container& container, int signal) {
    ContainerSandbox* found = sandbox(container.id);
    if (!found || !found->process || !found->process->alive())
        return;
    // SIGKILL cannot be caught, so it waits for nothing (and what was held is moot).
    if (signal == SIGKILL) {
        found->heldSignals.clear();
        stopWaitingToSettle(*found);
    } else if (!found->heldSignals.empty() || !hasSettled(*found)) {
        found->heldSignals.push_back(signal);
        m_traces[container.id].push_back("SIG" + docker::signalName(signal) +
                                         " held: the container is still starting (a process is "
                                         "runnable and has not yet waited)");
        if (!found->settleRecheck)
            recheckSettled(*found);
        return;
    }
    sendSignal(*found, signal);
}

void RealBackend::sendSignal(ContainerSandbox& found, int signal) {
    std::vector<std::string>& trace = m_traces[found.id];
    const std::string name = "SIG" + docker::signalName(signal);
    if (auto sent = pidfdSignal(found.process->pidfd(), signal); !sent) {
        // ESRCH: it died a moment ago; its exit is on the way through the pidfd.
        trace.push_back("pidfd_send_signal(" + std::to_string(found.process->pid()) + ", " + name +
                        "): " + sent.error().message);
        return;
    }
    trace.push_back("pidfd_send_signal(" + std::to_string(found.process->pid()) + ", " + name +
                    ")");
    post(found.id, OutcomeEvent{Outcome::Signalled, {}, 0, signal});
}

bool RealBackend::hasSettled(ContainerSandbox& found) {
    if (found.settled)
        return true;
    // Every process of the container (with --init, the command too), or PID 1 without a cgroup.
    std::vector<int> pids = {found.process->pid()};
    if (m_tree)
        if (auto inCgroup = found.cgroup.pids(); inCgroup)
            pids = *inCgroup;
    const auto because = settledBecause(pids, found.ticksAtExec);
    if (!because)
        return false;
    found.settled = true;
    m_traces[found.id].push_back("settled: " + *because);
    return true;
}

void RealBackend::recheckSettled(ContainerSandbox& found) {
    // Looked at again a tenth of a millisecond later, on the clock; its exit, if that comes
    // first, drops what was held (onExit).
    const std::string id = found.id;
    found.settleRecheck =
        m_clock.schedule(m_clock.now() + std::chrono::microseconds(100), [this, id] {
            ContainerSandbox* still = sandbox(id);
            if (!still)
                return;
            still->settleRecheck.reset();
            if (!still->process || !still->process->alive())
                return;
            if (!hasSettled(*still)) {
                recheckSettled(*still);
                return;
            }
            for (int held : std::exchange(still->heldSignals, {}))
                sendSignal(*still, held);
        });
}

void RealBackend::stopWaitingToSettle(ContainerSandbox& found) {
    if (found.settleRecheck)
        m_clock.cancel(*found.settleRecheck);
    found.settleRecheck.reset();
    if (!found.heldSignals.empty())
        m_traces[found.id].push_back(std::to_string(found.heldSignals.size()) +
                                     " held signal(s) not sent: the process ended first, or was "
                                     "killed");
    found.heldSignals.clear();
}

} // namespace lab::real
