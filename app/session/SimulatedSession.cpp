#include "session/SimulatedSession.h"

#include "base/Clock.h"
#include "cli/DockerCli.h"
#include "engine/Engine.h"
#include "sim/SimulatedBackend.h"

namespace lab {

// Declared in construction order: each part is built on the ones above it.
struct SimulatedSession::Parts {
    Parts(const World& world, std::uint64_t seed)
        : backend(clock), engine(backend, clock, world, seed), cli(engine) {}

    VirtualClock clock;
    SimulatedBackend backend;
    Engine engine;
    DockerCli cli;
};

SimulatedSession::SimulatedSession(const World& world, std::uint64_t seed)
    : m_world(world), m_seed(seed), m_parts(std::make_unique<Parts>(world, seed)) {}

SimulatedSession::~SimulatedSession() = default;

CliOutput SimulatedSession::run(const std::vector<std::string>& args) {
    return m_parts->cli.run(args);
}

void SimulatedSession::sleep(Duration duration) {
    m_parts->clock.advanceTo(m_parts->clock.now() + duration);
}

Engine& SimulatedSession::engine() {
    return m_parts->engine;
}

std::optional<TimePoint> SimulatedSession::nextDue() const {
    return m_parts->clock.nextDue();
}

std::unique_ptr<EngineSession> SimulatedSession::fresh() const {
    return std::make_unique<SimulatedSession>(m_world, m_seed);
}

} // namespace lab
