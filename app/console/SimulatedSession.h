#pragma once
// The console's session on the simulated engine: a virtual clock, the simulated backend, the
// engine over a world, and docker's CLI on top. Engine headers stay out of this header.

#include "base/Expected.h"
#include "console/Session.h"
#include "sim/World.h"

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>

namespace lab {

class Engine;

/// A simulated Docker engine started from a world, driven through docker's CLI.
class SimulatedSession final : public Session {
public:
    /// seed fixes every random choice (IDs, generated names): same script, same transcript.
    SimulatedSession(const World& world, std::uint64_t seed);
    ~SimulatedSession() override;

    CliOutput run(const std::vector<std::string>& args) override;
    void sleep(Duration duration) override;
    std::vector<std::string> commands() const override;

    /// The engine, for observers (the GUI's console dock, the event log).
    Engine& engine();
    /// When the engine's next timer is due (a workload's exit, a stop timeout), if any.
    std::optional<TimePoint> nextDue() const;
    /// A new session on the same world and seed, as this one was when it started (replay).
    std::unique_ptr<SimulatedSession> fresh() const;

private:
    struct Parts;
    World m_world;
    std::uint64_t m_seed;
    std::unique_ptr<Parts> m_parts;
};

/// Runs script on a fresh simulated engine of world and seed; writes the transcript.
Status runScript(std::istream& script, const World& world, std::uint64_t seed,
                 std::ostream& transcript);

} // namespace lab
