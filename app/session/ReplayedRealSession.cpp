#include "session/ReplayedRealSession.h"

#include "base/Clock.h"
#include "cli/DockerCli.h"
#include "engine/Engine.h"
#include "session/ReplayedBackend.h"

namespace lab {
namespace {

constexpr std::size_t kShortId = 12;

} // namespace

// Declared in construction order: each part is built on the ones above it.
struct ReplayedRealSession::Parts {
    explicit Parts(const SessionRecording& recording)
        : clock(recording.start), backend(recording.kernel, clock),
          engine(backend, clock, recording.world, recording.seed), cli(engine) {}

    VirtualClock clock;
    ReplayedBackend backend;
    Engine engine;
    DockerCli cli;
    std::size_t traceHandedOut = 0; // takeKernelTrace(): the trace notes given so far
};

ReplayedRealSession::ReplayedRealSession(SessionRecording recording)
    : m_origin(std::move(recording)) {
    m_origin.entries.clear();
    m_parts = std::make_unique<Parts>(m_origin);
}

ReplayedRealSession::~ReplayedRealSession() = default;

CliOutput ReplayedRealSession::run(const std::vector<std::string>& args) {
    return m_parts->cli.run(args);
}

void ReplayedRealSession::sleep(Duration duration) {
    m_parts->clock.advanceTo(m_parts->clock.now() + duration);
}

std::vector<std::string> ReplayedRealSession::takeKernelTrace() {
    // The notes are in the order they came: those due by now, not handed out yet.
    const std::vector<KernelNote>& trace = m_origin.kernel->trace;
    std::vector<std::string> lines;
    std::size_t& next = m_parts->traceHandedOut;
    for (; next < trace.size() && trace[next].at <= m_parts->clock.now(); ++next)
        lines.push_back(trace[next].container.substr(0, kShortId) + " " + trace[next].line);
    return lines;
}

std::vector<std::string> ReplayedRealSession::kernelTrace(const std::string& id) const {
    std::vector<std::string> lines;
    for (const KernelNote& note : m_origin.kernel->trace)
        if (note.container == id && note.at <= m_parts->clock.now())
            lines.push_back(note.line);
    return lines;
}

Expected<ResourceSample> ReplayedRealSession::resources(const std::string& id) const {
    const ResourceSample* latest = nullptr;
    for (const KernelSample& kept : m_origin.kernel->samples)
        if (kept.container == id && kept.sample.at <= m_parts->clock.now())
            latest = &kept.sample;
    if (!latest)
        return Error{"the recorded session has no figures for this container at this time"};
    return *latest;
}

Engine& ReplayedRealSession::engine() {
    return m_parts->engine;
}

std::optional<TimePoint> ReplayedRealSession::nextDue() const {
    return m_parts->clock.nextDue();
}

std::unique_ptr<EngineSession> ReplayedRealSession::fresh() const {
    return std::make_unique<ReplayedRealSession>(m_origin);
}

std::optional<SessionRecording> ReplayedRealSession::origin() const {
    return m_origin;
}

} // namespace lab
