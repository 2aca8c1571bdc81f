#pragma once
// The Backend of the simulation: each container's process is a Workload model running on the
// engine's virtual clock. Outcomes are posted on the clock at the current time, in order, so the
// engine is never re-entered and the same inputs always give the same run.

#include "base/Clock.h"
#include "engine/Backend.h"
#include "sim/ShellSyntax.h"
#include "sim/Workload.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace lab {

/// Containers as simulated processes.
class SimulatedBackend final : public Backend {
public:
    /// How long the simulated filesystem removal takes (long enough to see `removing`).
    static constexpr Duration kRemovalTime = std::chrono::milliseconds(20);
    /// How long after a process ends the daemon hears of it (containerd's exit event): a `ps`
    /// right after `docker start` of `true` still shows it running, as on a real engine.
    static constexpr Duration kExitNoticeDelay = std::chrono::milliseconds(10);

    explicit SimulatedBackend(Clock& clock) : m_clock(clock) {}

    std::string name() const override { return "simulated"; }
    void setSink(OutcomeSink& sink) override { m_sink = &sink; }
    Status prepare(const Container& container) override;
    void startProcess(const Container& container) override;
    void signal(const Container& container, int signal) override;
    void freeze(const Container& container) override;
    void thaw(const Container& container) override;
    void remove(const Container& container) override;
    Status injectFault(Fault fault, const Container* target) override;
    std::vector<Fault> armedFaults() const override;
    /// A made-up but stable PID (4000 + the creation sequence): the simulation has no host.
    int processId(const Container& container) const override;

private:
    struct RunningWorkload {
        Workload workload;
        std::optional<TimerId> wake;
    };

    void post(const std::string& id, OutcomeEvent event);
    void play(const std::string& id, const std::vector<Happening>& happenings);
    void scheduleWake(const std::string& id);

    Clock& m_clock;
    OutcomeSink* m_sink = nullptr;
    std::unordered_map<std::string, RunningWorkload> m_processes;
    // Per container, from create to removal: its programs, parsed at their first start.
    std::unordered_map<std::string, std::shared_ptr<shell::ParsedScripts>> m_scripts;
    bool m_failNextRemoval = false;
};

} // namespace lab
