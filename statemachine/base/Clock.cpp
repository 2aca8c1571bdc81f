#include "Clock.h"

#include <algorithm>

namespace lab {

TimerId VirtualClock::schedule(TimePoint at, std::function<void()> task) {
    const TimerId id = m_nextId++;
    if (at < m_now)
        at = m_now;
    m_timers.emplace(std::pair{at, id}, std::move(task));
    m_dueById.emplace(id, at);
    return id;
}

void VirtualClock::cancel(TimerId id) {
    const auto due = m_dueById.find(id);
    if (due == m_dueById.end())
        return;
    m_timers.erase(std::pair{due->second, id});
    m_dueById.erase(due);
}

std::optional<TimePoint> VirtualClock::nextDue() const {
    if (m_timers.empty())
        return std::nullopt;
    return m_timers.begin()->first.first;
}

bool VirtualClock::idleUntil(TimePoint limit) const {
    const auto due = nextDue();
    return !due || *due > limit;
}

bool VirtualClock::advance(TimePoint limit) {
    const auto due = nextDue();
    if (!due || *due > limit) {
        m_now = std::max(m_now, limit);
        return false;
    }
    advanceTo(*due);
    return true;
}

void VirtualClock::advanceTo(TimePoint t) {
    // A task may schedule further tasks, also due before t: take them one at a time.
    while (!m_timers.empty() && m_timers.begin()->first.first <= t) {
        auto first = m_timers.begin();
        m_now = first->first.first;
        auto task = std::move(first->second);
        m_dueById.erase(first->first.second);
        m_timers.erase(first);
        task();
    }
    if (t > m_now)
        m_now = t;
}

} // namespace lab
