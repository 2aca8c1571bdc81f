#include "session/RealSession.h"

#include "RealBackend.h"
#include "RealClock.h"
#include "cli/DockerCli.h"
#include "engine/Container.h"
#include "engine/Engine.h"
#include "session/RecordingBackend.h"

#include <algorithm>
#include <map>

namespace lab {
namespace {

constexpr std::size_t kShortId = 12;
constexpr int kInterruptedStatus = 130; // a shell's status for a command ended by SIGINT

// The real backend pulls from registries itself (RealBackend::pull); the world's simulated ones
// are read only by a replay of the session, which makes no network requests and says so.
World withoutRegistries(World world) {
    for (RegistrySpec& registry : world.registries)
        registry.unreachable = "a replayed session does not pull from " + registry.host +
                               ": the pull happened when the session was recorded";
    return world;
}

} // namespace

// Declared in construction order; destroyed in reverse: the CLI and the engine before the
// backend, which tears every container down, before the clock it watches on. The engine talks to
// the backend through the recorder, which keeps what a session file needs to replay it.
struct RealSession::Parts {
    Parts(std::unique_ptr<real::RealClock> openedClock,
          std::unique_ptr<real::RealBackend> openedBackend, const World& engineWorld,
          std::uint64_t engineSeed)
        : world(engineWorld), seed(engineSeed), clock(std::move(openedClock)),
          backend(std::move(openedBackend)),
          recorder(*backend, *clock,
                   [this](const std::string& id) -> const std::vector<std::string>& {
                       return backend->trace(id);
                   }),
          engine(recorder, *clock, world, seed), cli(engine) {}

    World world;
    std::uint64_t seed;
    std::unique_ptr<real::RealClock> clock;
    std::unique_ptr<real::RealBackend> backend;
    RecordingBackend recorder;
    Engine engine;
    DockerCli cli;
    // What takeKernelTrace() has handed out: events looked at, trace lines per container.
    std::size_t eventsSeen = 0;
    std::map<std::string, std::size_t> traceLinesSeen;
};

Expected<std::unique_ptr<RealSession>> RealSession::open(const World& world, std::uint64_t seed,
                                                         const std::string& stateDir) {
    auto clock = real::RealClock::open();
    if (!clock)
        return clock.error().context("the real backend's clock");
    real::RealBackendOptions options;
    if (!stateDir.empty())
        options.stateDir = stateDir;
    auto backend = real::RealBackend::open(**clock, options);
    if (!backend)
        return backend.error();
    return std::unique_ptr<RealSession>(new RealSession(std::make_unique<Parts>(
        std::move(*clock), std::move(*backend), withoutRegistries(world), seed)));
}

RealSession::RealSession(std::unique_ptr<Parts> parts) : m_parts(std::move(parts)) {}

bool RealSession::hasCgroups() const {
    return !m_parts->backend->cgroupRoot().empty();
}

std::vector<std::string> RealSession::describe() const {
    const real::RealBackend& backend = *m_parts->backend;
    return {backend.rootless() ? "rootless, in a user namespace that maps you to root" : "as root",
            "cgroups: " + backend.cgroupDescription(),
            "root filesystems: " + backend.rootfsDescription(),
            "figures: " + backend.resourcesDescription()};
}

RealSession::~RealSession() = default;

CliOutput RealSession::run(const std::vector<std::string>& args) {
    // What happened while nobody waited (an exit while the learner typed) is news the command
    // must see first: `ps` right after a container ended says Exited, as Docker's would.
    real::RealClock& clock = *m_parts->clock;
    clock.resume();
    clock.dispatchReady();
    CliOutput output = m_parts->cli.run(args);
    m_parts->recorder.notice();
    // Stopped waiting (Ctrl-C, SIGTERM): the CLI would have died there, printing nothing, while
    // the daemon carries on with the call.
    if (clock.interrupted())
        return CliOutput{{}, {}, kInterruptedStatus};
    return output;
}

void RealSession::sleep(Duration duration) {
    real::RealClock& clock = *m_parts->clock;
    clock.resume();
    const TimePoint until = clock.now() + duration;
    clock.schedule(until, [] {}); // wakes the clock on time, whatever else happens meanwhile
    m_parts->engine.runUntil([&] { return clock.now() >= until; },
                             duration + std::chrono::seconds(1));
}

std::vector<std::string> RealSession::takeKernelTrace() {
    // The containers that may have been touched: those known, those alive, and those that came
    // and went since the last call (run --rm), in the order their events name them.
    std::vector<std::string> ids;
    const auto note = [&ids](const std::string& id) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(id);
    };
    const auto& events = m_parts->engine.events();
    for (std::size_t i = m_parts->eventsSeen; i < events.size(); ++i)
        if (events[i].type == "container")
            note(events[i].actorId);
    m_parts->eventsSeen = events.size();
    for (const auto& [id, seen] : m_parts->traceLinesSeen)
        note(id);
    for (const Container* container : m_parts->engine.containers())
        note(container->id);

    std::vector<std::string> lines;
    for (const std::string& id : ids) {
        const auto& trace = m_parts->backend->trace(id);
        std::size_t& seen = m_parts->traceLinesSeen[id];
        for (; seen < trace.size(); ++seen)
            lines.push_back(id.substr(0, kShortId) + " " + trace[seen]);
        if (m_parts->engine.byId(id) == nullptr) // removed: its trace is complete
            m_parts->traceLinesSeen.erase(id);
    }
    return lines;
}

std::vector<std::string> RealSession::kernelTrace(const std::string& id) const {
    return m_parts->backend->trace(id);
}

Expected<ResourceSample> RealSession::resources(const std::string& id) const {
    auto sample = m_parts->backend->resources(id);
    if (sample)
        m_parts->recorder.keepSample(id, *sample);
    return sample;
}

std::optional<SessionRecording> RealSession::origin() const {
    SessionRecording recording{m_parts->seed, m_parts->world, {}, m_parts->clock->now(), {}};
    recording.kernel = std::make_shared<KernelRecord>(m_parts->recorder.record());
    return recording;
}

Engine& RealSession::engine() {
    return m_parts->engine;
}

int RealSession::readyDescriptor() const {
    return m_parts->clock->descriptor();
}

void RealSession::dispatchReady() {
    m_parts->clock->dispatchReady();
}

void RealSession::setWaitingLoop(std::function<void()> wait) {
    m_parts->clock->setWaiter(std::move(wait));
}

void RealSession::stopWaiting() {
    m_parts->clock->interrupt();
}

} // namespace lab
