#pragma once
// Everything that happens later (stop timeouts, restart back-off, workload exits, pull progress)
// is a timer on a Clock. The simulation uses VirtualClock, advanced by its driver; the real
// backend uses a wall clock woken by the kernel.

#include "Time.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

namespace lab {

/// Identifies a scheduled task so that it can be cancelled.
using TimerId = std::uint64_t;

/// Engine time and the timers that fire in it.
class Clock {
public:
    virtual ~Clock() = default;
    /// The current engine time.
    virtual TimePoint now() const = 0;
    /// Runs task once the clock reaches at (at once, on the next advance, if at is past).
    virtual TimerId schedule(TimePoint at, std::function<void()> task) = 0;
    /// Forgets a scheduled task; cancelling a fired or unknown timer does nothing.
    virtual void cancel(TimerId id) = 0;
    /// Lets time pass until the next thing happens, but not past limit; false (standing at
    /// limit) when nothing happens before it.
    virtual bool advance(TimePoint limit) = 0;
    /// True when nothing can happen before limit, so waiting would only move the clock (a
    /// wall clock never knows: the kernel may wake it).
    virtual bool idleUntil(TimePoint) const { return false; }
};

/// A clock that moves only when told to: same inputs, same run.
class VirtualClock final : public Clock {
public:
    /// The simulation's epoch: a fixed, readable date, so runs are reproducible.
    static constexpr TimePoint defaultStart() { return TimePoint(1'790'000'000s); }

    explicit VirtualClock(TimePoint start = defaultStart()) : m_now(start) {}

    TimePoint now() const override { return m_now; }
    TimerId schedule(TimePoint at, std::function<void()> task) override;
    void cancel(TimerId id) override;
    /// Jumps to the earliest timer and runs every task due at that moment; stands at limit
    /// instead when the earliest timer is later.
    bool advance(TimePoint limit) override;

    /// Runs every task due up to and including t, in time order (ties in scheduling order),
    /// then stands at t.
    void advanceTo(TimePoint t);
    /// When the earliest pending task is due, if any.
    std::optional<TimePoint> nextDue() const;
    bool idleUntil(TimePoint limit) const override;

private:
    // Keyed by (due time, sequence number): ordered by time, ties in scheduling order.
    std::map<std::pair<TimePoint, TimerId>, std::function<void()>> m_timers;
    std::unordered_map<TimerId, TimePoint> m_dueById;
    TimePoint m_now;
    TimerId m_nextId = 1;
};

} // namespace lab
