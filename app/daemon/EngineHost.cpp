#include "daemon/EngineHost.h"

namespace lab::daemon {
namespace {

// A blocking call on the virtual clock lets at most this much engine time pass at once, as the
// console's commands do before they call a wait unfinished.
constexpr Duration kBlockingHorizon = std::chrono::hours(24);

} // namespace

EngineHost::EngineHost(boost::asio::io_context& io, std::unique_ptr<EngineSession> session,
                       ClockMode mode)
    : EngineHost(io, *session, mode) {
    m_owned = std::move(session);
}

EngineHost::EngineHost(boost::asio::io_context& io, EngineSession& session, ClockMode mode)
    : m_io(io), m_session(session), m_observed(session.engine()), m_mode(mode), m_timer(io),
      m_wallOrigin(std::chrono::steady_clock::now()),
      m_engineOrigin(m_session.engine().clock().now()) {
    engine().addObserver(*this);
    // The real backend: the kernel wakes the engine (unless its owner takes the news).
    if (m_session.readyDescriptor() >= 0 && m_mode != ClockMode::Follow) {
        m_mode = ClockMode::Wall;
        m_ready = std::make_unique<boost::asio::posix::stream_descriptor>(
            m_io, ::dup(m_session.readyDescriptor()));
        watchReadyDescriptor();
    }
    settle();
}

EngineHost::~EngineHost() {
    m_observed.removeObserver(*this);
}

void EngineHost::when(Predicate done, Action then, bool blocking, Predicate alive) {
    m_waiters.push_back({std::move(done), std::move(then), blocking, std::move(alive)});
    settle();
}

void EngineHost::advance(Duration duration) {
    if (m_mode == ClockMode::Virtual)
        m_session.sleep(duration);
    settle();
}

bool EngineHost::answerWaiters() {
    bool answered = false;
    for (auto waiter = m_waiters.begin(); waiter != m_waiters.end();) {
        if (!waiter->alive()) {
            waiter = m_waiters.erase(waiter);
            continue;
        }
        if (!waiter->done()) {
            ++waiter;
            continue;
        }
        Action then = std::move(waiter->then);
        waiter = m_waiters.erase(waiter);
        then(); // may add waiters (at the end of the list) or change the engine
        answered = true;
    }
    return answered;
}

void EngineHost::settle() {
    if (m_settling) {
        m_settleAgain = true;
        return;
    }
    m_settling = true;
    for (;;) {
        m_settleAgain = false;
        if (m_mode == ClockMode::Wall)
            catchUpWithWallClock();
        else if (m_mode == ClockMode::Virtual)
            m_session.sleep(Duration::zero()); // what is due now happens now
        if (answerWaiters() || m_settleAgain)
            continue;
        if (m_mode != ClockMode::Virtual)
            break;
        // Virtual: a blocking call lets time jump to the next thing that happens.
        const bool blocked = std::any_of(m_waiters.begin(), m_waiters.end(),
                                         [](const Waiter& waiter) { return waiter.blocking; });
        const auto due = m_session.nextDue();
        const TimePoint now = engine().clock().now();
        if (!blocked || !due || *due - now > kBlockingHorizon)
            break;
        m_session.sleep(std::max(*due - now, Duration::zero()));
    }
    m_settling = false;
    if (m_mode == ClockMode::Wall && !m_ready)
        armWallTimer();
}

void EngineHost::catchUpWithWallClock() {
    if (m_ready)
        return; // the real backend's clock is the wall clock already
    const TimePoint target = m_engineOrigin + std::chrono::duration_cast<Duration>(
                                                  std::chrono::steady_clock::now() - m_wallOrigin);
    const TimePoint now = engine().clock().now();
    if (target > now)
        m_session.sleep(target - now);
}

void EngineHost::armWallTimer() {
    const auto due = m_session.nextDue();
    m_timer.cancel();
    if (!due)
        return;
    m_timer.expires_at(
        m_wallOrigin +
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(*due - m_engineOrigin));
    m_timer.async_wait([this](boost::system::error_code error) {
        if (!error)
            settle();
    });
}

void EngineHost::watchReadyDescriptor() {
    m_ready->async_wait(boost::asio::posix::stream_descriptor::wait_read,
                        [this](boost::system::error_code error) {
                            if (error)
                                return;
                            m_session.dispatchReady();
                            settle();
                            watchReadyDescriptor();
                        });
}

int EngineHost::listenPrinted(PrintedListener listener) {
    m_printed.emplace(m_nextListener, std::move(listener));
    return m_nextListener++;
}

int EngineHost::listenEvents(EventListener listener) {
    m_events.emplace(m_nextListener, std::move(listener));
    return m_nextListener++;
}

void EngineHost::forget(int listener) {
    m_printed.erase(listener);
    m_events.erase(listener);
}

void EngineHost::printed(const Container& container, const LogLine& line) {
    const auto listeners = m_printed; // a listener may forget itself
    for (const auto& [id, listener] : listeners)
        listener(container, line);
}

void EngineHost::published(const DockerEvent& event) {
    const auto listeners = m_events;
    for (const auto& [id, listener] : listeners)
        listener(event);
}

} // namespace lab::daemon
