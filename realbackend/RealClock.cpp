#include "RealClock.h"

#include "Syscalls.h"

#include <cerrno>
#include <ctime>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>

namespace lab::real {
namespace {

constexpr std::uint64_t kTimerToken = 1;
constexpr std::uint64_t kWakeToken = 2;

Status addToEpoll(int epoll, int fd, std::uint64_t token) {
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = token;
    if (::epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event) < 0)
        return errnoError("epoll_ctl add " + std::to_string(fd), errno);
    return Ok{};
}

} // namespace

Expected<std::unique_ptr<RealClock>> RealClock::open() {
    std::unique_ptr<RealClock> clock(new RealClock);
    clock->m_epoll.reset(::epoll_create1(EPOLL_CLOEXEC));
    if (!clock->m_epoll)
        return errnoError("epoll_create1", errno);
    clock->m_timerFd.reset(::timerfd_create(CLOCK_REALTIME, TFD_CLOEXEC | TFD_NONBLOCK));
    if (!clock->m_timerFd)
        return errnoError("timerfd_create", errno);
    clock->m_wakeFd.reset(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    if (!clock->m_wakeFd)
        return errnoError("eventfd", errno);
    if (auto added = addToEpoll(clock->m_epoll.get(), clock->m_timerFd.get(), kTimerToken); !added)
        return added.error();
    if (auto added = addToEpoll(clock->m_epoll.get(), clock->m_wakeFd.get(), kWakeToken); !added)
        return added.error();
    return clock;
}

TimePoint RealClock::now() const {
    timespec ts{};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return TimePoint(std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec));
}

RealClock::RealClock() : m_timers(now()) {}

TimerId RealClock::schedule(TimePoint at, std::function<void()> task) {
    return m_timers.schedule(at, std::move(task));
}

void RealClock::cancel(TimerId id) {
    m_timers.cancel(id);
}

bool RealClock::runDueTimers() {
    const TimePoint current = now();
    const auto due = m_timers.nextDue();
    if (!due || *due > current)
        return false;
    m_timers.advanceTo(current);
    return true;
}

bool RealClock::armTimer(TimePoint at) {
    itimerspec spec{};
    const auto sinceEpoch = at.time_since_epoch();
    const auto seconds = std::chrono::floor<std::chrono::seconds>(sinceEpoch);
    spec.it_value.tv_sec = seconds.count();
    spec.it_value.tv_nsec = long((sinceEpoch - seconds).count());
    if (spec.it_value.tv_sec == 0 && spec.it_value.tv_nsec == 0)
        spec.it_value.tv_nsec = 1; // zero would disarm
    return ::timerfd_settime(m_timerFd.get(), TFD_TIMER_ABSTIME, &spec, nullptr) == 0;
}

bool RealClock::advance(TimePoint limit) {
    for (;;) {
        if (m_interrupted)
            return false;
        if (runDueTimers())
            return true;
        if (now() >= limit)
            return false;
        TimePoint deadline = limit;
        if (const auto due = m_timers.nextDue(); due && *due < deadline)
            deadline = *due;
        if (!armTimer(deadline))
            return false;
        if (m_waiter) {
            m_waiter();
            dispatchEvents(0);
            return true; // the caller checks what it waits for, which may have come meanwhile
        }
        const std::optional<bool> happened = dispatchEvents(-1);
        if (!happened)
            return false;
        if (*happened)
            return true;
    }
}

std::optional<bool> RealClock::dispatchEvents(int timeoutMilliseconds) {
    epoll_event events[16];
    int count = 0;
    do
        count = ::epoll_wait(m_epoll.get(), events, 16, timeoutMilliseconds);
    while (count < 0 && errno == EINTR);
    if (count < 0)
        return std::nullopt;
    bool happened = false;
    for (int i = 0; i < count; ++i) {
        const std::uint64_t token = events[i].data.u64;
        std::uint64_t drained = 0;
        if (token == kTimerToken) {
            [[maybe_unused]] auto n = ::read(m_timerFd.get(), &drained, sizeof drained);
        } else if (token == kWakeToken) {
            [[maybe_unused]] auto n = ::read(m_wakeFd.get(), &drained, sizeof drained);
            happened = true;
        } else if (auto watch = m_watches.find(token); watch != m_watches.end()) {
            // A copy: the callback may unwatch itself.
            auto onReady = watch->second.second;
            onReady();
            happened = true;
        }
    }
    return happened;
}

void RealClock::dispatchReady() {
    runDueTimers();
    dispatchEvents(0);
    runDueTimers(); // what the callbacks posted for now
    if (const auto due = m_timers.nextDue())
        armTimer(*due);
}

Status RealClock::watch(int fd, std::function<void()> onReady) {
    const std::uint64_t token = m_nextToken++;
    if (auto added = addToEpoll(m_epoll.get(), fd, token); !added)
        return added.error();
    m_watches.emplace(token, std::pair{fd, std::move(onReady)});
    return Ok{};
}

void RealClock::unwatch(int fd) {
    for (auto watch = m_watches.begin(); watch != m_watches.end(); ++watch)
        if (watch->second.first == fd) {
            ::epoll_ctl(m_epoll.get(), EPOLL_CTL_DEL, fd, nullptr);
            m_watches.erase(watch);
            return;
        }
}

void RealClock::wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(m_wakeFd.get(), &one, sizeof one);
}

void RealClock::interrupt() {
    m_interrupted = true;
    wake();
}

} // namespace lab::real
