#include "session/EngineSession.h"

#include "cli/Commands.h"
#include "engine/Engine.h"
#include "session/RealSession.h"
#include "session/ReplayedRealSession.h"
#include "session/SimulatedSession.h"

#include <random>

namespace lab {

std::vector<std::string> EngineSession::commands() const {
    std::vector<std::string> usages;
    for (const auto& spec : cli::commandSpecs())
        usages.push_back(spec.usage);
    return usages;
}

Expected<std::unique_ptr<EngineSession>> openSession(const SessionSpec& spec, const World& world) {
    if (spec.backend == BackendKind::Simulated)
        return std::unique_ptr<EngineSession>(std::make_unique<SimulatedSession>(
            world, spec.seed, spec.start.value_or(VirtualClock::defaultStart())));
    // Random, as Docker's IDs are: two labs (or a lab and a test) may share the state directory
    // and the cgroup subtree, where one ID must not name two containers.
    std::random_device entropy;
    const std::uint64_t seed = (std::uint64_t(entropy()) << 32) ^ entropy();
    auto real = RealSession::open(world, seed, spec.stateDir);
    if (!real)
        return real.error().context("the real backend cannot open");
    return std::unique_ptr<EngineSession>(std::move(*real));
}

std::unique_ptr<EngineSession> openRecording(const SessionRecording& recording) {
    if (recording.kernel)
        return std::make_unique<ReplayedRealSession>(recording);
    return std::make_unique<SimulatedSession>(recording.world, recording.seed);
}

Expected<ResourceSample> EngineSession::resources(const std::string& /*id*/) const {
    return Error{"live figures come from a container's cgroups, and the simulated engine has "
                 "none: switch to the real backend (Engine > Backend > Real)"};
}

void replayEntries(EngineSession& session, TimePoint start,
                   const std::vector<SessionEntry>& entries,
                   const std::function<void(const SessionEntry&)>& perform) {
    for (const SessionEntry& entry : entries) {
        if (const Duration wait = start + entry.at - session.engine().clock().now();
            wait > Duration::zero())
            session.sleep(wait);
        perform(entry);
    }
}

std::string modeName(BackendKind backend) {
    return backend == BackendKind::Simulated ? "simulation" : "real (root)";
}

} // namespace lab
