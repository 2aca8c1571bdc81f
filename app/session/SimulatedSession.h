#pragma once
// The console's session on the simulated engine: a virtual clock, the simulated backend, the
// engine over a world, and docker's CLI on top. Engine headers stay out of this header.

#include "base/Clock.h"
#include "base/Expected.h"
#include "engine/World.h"
#include "session/EngineSession.h"

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>

namespace lab {

/// A simulated Docker engine started from a world, driven through docker's CLI.
class SimulatedSession final : public EngineSession {
public:
    /// seed fixes every random choice (IDs, generated names): same script, same transcript.
    /// Engine time starts at start (the world's images arrive then).
    SimulatedSession(const World& world, std::uint64_t seed,
                     TimePoint start = VirtualClock::defaultStart());
    ~SimulatedSession() override;

    CliOutput run(const std::vector<std::string>& args) override;
    void sleep(Duration duration) override;
    Engine& engine() override;
    BackendKind backend() const override { return BackendKind::Simulated; }
    /// While set, a command that would move engine time more than a minute past its start runs
    /// wait() instead: the window lets engine time pass at its playback's speed meanwhile
    /// (sleep()), and stopWaiting() ends the wait.
    void setWaitingLoop(std::function<void()> wait) override;
    void stopWaiting() override;
    std::optional<TimePoint> nextDue() const override;
    std::unique_ptr<EngineSession> fresh() const override;
    std::optional<SessionRecording> origin() const override;

private:
    struct Parts;
    World m_world;
    std::uint64_t m_seed;
    TimePoint m_start;
    std::unique_ptr<Parts> m_parts;
};

} // namespace lab
