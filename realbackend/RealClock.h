#pragma once
// The engine's clock on the wall: timers are a timerfd armed for the earliest one, and the
// kernel's own news (a pidfd turning readable when a container's process ends, an inotify watch
// on cgroup.events, a pipe with output) wakes the same epoll_wait. advance() sleeps in the kernel
// until one of them happens; nothing polls.

#include "UniqueFd.h"
#include "base/Clock.h"
#include "base/Expected.h"

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <utility>

namespace lab::real {

/// Wall-clock time with kernel events, for the real backend.
class RealClock final : public lab::Clock {
public:
    /// Opens the epoll set, the timerfd and the wake-up eventfd.
    static Expected<std::unique_ptr<RealClock>> open();
    ~RealClock() override = default;

    /// The wall clock (CLOCK_REALTIME): Docker stamps events in calendar time.
    TimePoint now() const override;
    TimerId schedule(TimePoint at, std::function<void()> task) override;
    void cancel(TimerId id) override;
    /// Runs the timers that are due, else blocks in epoll_wait until a timer is due, a watched
    /// descriptor is readable, wake() is called, or limit; false when limit came first.
    bool advance(TimePoint limit) override;

    /// Calls onReady from inside advance() whenever fd is readable, until unwatch(fd). The
    /// caller keeps owning fd and must unwatch it before closing it.
    Status watch(int fd, std::function<void()> onReady);
    /// Stops watching fd; safe from inside a callback.
    void unwatch(int fd);
    /// How many descriptors are watched (the leak check of the tests).
    std::size_t watchedCount() const { return m_watches.size(); }
    /// Makes a blocked advance() return true; callable from any thread.
    void wake();
    /// While set, advance() does not block: it calls wait(), which runs another event loop
    /// (Qt's) until descriptor() is readable or that loop took the clock's news itself
    /// (dispatchReady()), and returns so the caller looks again. Empty: block in epoll_wait.
    void setWaiter(std::function<void()> wait) { m_waiter = std::move(wait); }
    /// Makes advance() return false at once, now and until resume(): whoever waits for engine
    /// time stops waiting (the console's Ctrl-C, SIGTERM). Async-signal-safe.
    void interrupt();
    /// Lets advance() wait again.
    void resume() { m_interrupted = false; }
    /// True from interrupt() until resume().
    bool interrupted() const { return m_interrupted; }

    /// The epoll set: readable whenever a timer is due or a watched descriptor has news, so
    /// another event loop (Qt's) can wait on it instead of blocking in advance().
    int descriptor() const { return m_epoll.get(); }
    /// Runs the due timers and the callbacks of ready descriptors without waiting, then arms
    /// the timer for the next one, so descriptor() turns readable when it is due.
    void dispatchReady();

private:
    RealClock();
    bool runDueTimers();
    bool armTimer(TimePoint at);
    // One epoll_wait (timeout as epoll's: -1 forever, 0 not at all); true when a watched
    // descriptor's callback ran or wake() was called, nullopt when epoll failed.
    std::optional<bool> dispatchEvents(int timeoutMilliseconds);

    UniqueFd m_epoll;
    UniqueFd m_timerFd;
    UniqueFd m_wakeFd;
    // The timers themselves are the virtual clock's bookkeeping, moved to the wall time each
    // time some are due: same ordering rules (time, then scheduling order) as the simulation.
    lab::VirtualClock m_timers;
    // Keyed by a token, not the fd, so that a callback that closes and reopens descriptors
    // during one epoll batch cannot have a stale event run the new owner's callback.
    std::map<std::uint64_t, std::pair<int, std::function<void()>>> m_watches;
    std::uint64_t m_nextToken = 3; // 1: timerfd, 2: eventfd
    std::function<void()> m_waiter;
    std::atomic<bool> m_interrupted = false;
    static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");
};

} // namespace lab::real
