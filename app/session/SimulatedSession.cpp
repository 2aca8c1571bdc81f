#include "session/SimulatedSession.h"

#include "base/Clock.h"
#include "cli/DockerCli.h"
#include "engine/Engine.h"
#include "sim/SimulatedBackend.h"

#include <algorithm>
#include <atomic>

namespace lab {
namespace {

// How far a command in the window may move engine time at once: a stop's timeout, a pull, a
// restart's back-off (Docker caps it at a minute) return without wall time, and the window shows
// their steps as its playback catches up. Past it, engine time flows at the playback's speed.
constexpr Duration kRunAhead = std::chrono::minutes(1);

// The virtual clock, and how a command waits on it. Without a waiting loop (scripts, the terminal
// console, replays) engine time jumps to whatever the command waits for, as Docker's call would
// return; a day away, it stops and says so (cli::waitUntil). With one (the window), a wait that
// reaches further than kRunAhead past the command's start runs the loop instead, as the real
// backend's clock does (RealClock::setWaiter): the loop lets the window's playback move engine
// time at its speed, and the command looks again each time.
class WaitingClock final : public Clock {
public:
    explicit WaitingClock(TimePoint start) : m_clock(start) {}
    TimePoint now() const override { return m_clock.now(); }
    TimerId schedule(TimePoint at, std::function<void()> task) override {
        return m_clock.schedule(at, std::move(task));
    }
    void cancel(TimerId id) override { m_clock.cancel(id); }
    bool advance(TimePoint limit) override {
        if (m_interrupted)
            return false;
        const TimePoint horizon = std::max(now(), m_commandStart + kRunAhead);
        const TimePoint next = std::min(m_clock.nextDue().value_or(TimePoint::max()), limit);
        if (!m_wait || next <= horizon)
            return m_clock.advance(limit);
        m_wait();
        return !m_interrupted && now() < limit;
    }
    /// Someone can always act while the window waits (Ctrl-C, the playback): never idle then.
    bool idleUntil(TimePoint limit) const override { return !m_wait && m_clock.idleUntil(limit); }

    VirtualClock& virtualClock() { return m_clock; }
    const VirtualClock& virtualClock() const { return m_clock; }
    void setWaiter(std::function<void()> wait) { m_wait = std::move(wait); }
    /// A command starts: it may move engine time kRunAhead at once, and waits again.
    void commandStarts() {
        m_commandStart = now();
        m_interrupted = false;
    }
    /// Makes the waiting command stop waiting (Ctrl-C in the window). Async-signal-safe.
    void interrupt() { m_interrupted = true; }

private:
    VirtualClock m_clock;
    std::function<void()> m_wait;
    TimePoint m_commandStart = m_clock.now();
    std::atomic<bool> m_interrupted = false;
};

} // namespace

// Declared in construction order: each part is built on the ones above it.
struct SimulatedSession::Parts {
    Parts(const World& world, std::uint64_t seed, TimePoint start)
        : clock(start), backend(clock), engine(backend, clock, world, seed), cli(engine) {}

    WaitingClock clock;
    SimulatedBackend backend;
    Engine engine;
    DockerCli cli;
};

SimulatedSession::SimulatedSession(const World& world, std::uint64_t seed, TimePoint start)
    : m_world(world), m_seed(seed), m_start(start),
      m_parts(std::make_unique<Parts>(world, seed, start)) {}

SimulatedSession::~SimulatedSession() = default;

CliOutput SimulatedSession::run(const std::vector<std::string>& args) {
    m_parts->clock.commandStarts();
    return m_parts->cli.run(args);
}

void SimulatedSession::sleep(Duration duration) {
    VirtualClock& clock = m_parts->clock.virtualClock();
    clock.advanceTo(clock.now() + duration);
}

Engine& SimulatedSession::engine() {
    return m_parts->engine;
}

void SimulatedSession::setWaitingLoop(std::function<void()> wait) {
    m_parts->clock.setWaiter(std::move(wait));
}

void SimulatedSession::stopWaiting() {
    m_parts->clock.interrupt();
}

std::optional<TimePoint> SimulatedSession::nextDue() const {
    return m_parts->clock.virtualClock().nextDue();
}

std::unique_ptr<EngineSession> SimulatedSession::fresh() const {
    return std::make_unique<SimulatedSession>(m_world, m_seed, m_start);
}

std::optional<SessionRecording> SimulatedSession::origin() const {
    return SessionRecording{m_seed, m_world, {}};
}

} // namespace lab
