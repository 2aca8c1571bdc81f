#pragma once
// The console's session on the real backend: a RealClock (wall time, woken by the kernel), the
// RealBackend, the engine over a world whose local images the backend's store has, and docker's
// CLI. Commands block until Docker's call would return, as the docker CLI does; @sleep really
// waits; between commands whoever reads the input runs the engine (readyDescriptor()). Engine
// and kernel headers stay out of this header.

#include "session/EngineSession.h"

#include <memory>

namespace lab {

/// Real containers behind docker's CLI.
class RealSession final : public EngineSession {
public:
    /// Opens the real backend under stateDir (empty: its default); the error says what is
    /// missing. seed makes the IDs and names. Pulling is not real yet: every registry of world
    /// answers that it is unreachable.
    static Expected<std::unique_ptr<RealSession>> open(const World& world, std::uint64_t seed,
                                                       const std::string& stateDir);
    /// Stops and removes every container: nothing outlives the session.
    ~RealSession() override;

    CliOutput run(const std::vector<std::string>& args) override;
    void sleep(Duration duration) override;
    std::vector<std::string> takeKernelTrace() override;
    Engine& engine() override;
    BackendKind backend() const override { return BackendKind::Real; }
    int readyDescriptor() const override;
    void dispatchReady() override;
    void stopWaiting() override;
    void setWaitingLoop(std::function<void()> wait) override;
    std::vector<std::string> kernelTrace(const std::string& id) const override;
    Expected<ResourceSample> resources(const std::string& id) const override;
    /// The world, the seed and what the kernel told the session so far; start is now (the
    /// caller that kept the entries sets its own).
    std::optional<SessionRecording> origin() const override;
    /// How this machine runs the containers, in words: as root or rootless, the cgroups, the
    /// root filesystems and where the resource figures come from (for `lifecycle-lab doctor`).
    std::vector<std::string> describe() const;
    /// True when the containers get cgroups of their own (root, or a delegated cgroup): pause,
    /// the resource figures and limits need them.
    bool hasCgroups() const;

private:
    struct Parts;
    explicit RealSession(std::unique_ptr<Parts> parts);
    std::unique_ptr<Parts> m_parts;
};

} // namespace lab
