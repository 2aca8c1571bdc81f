#include "sim/Program.h"

#include "sim/Signal.h"

#include <algorithm>

namespace lab {

void Program::print(TimePoint at, Stream fd, std::string text) {
    m_timetable.emplace(std::make_pair(at, m_sequence++), Item{fd, std::move(text), 0});
}

void Program::exitAt(TimePoint at, int code) {
    m_timetable.emplace(std::make_pair(at, m_sequence++), Item{std::nullopt, {}, code});
}

std::optional<TimePoint> Program::nextWake() const {
    if (exitCode() || m_timetable.empty())
        return std::nullopt;
    return m_timetable.begin()->first.first;
}

void Program::advance(TimePoint floor, TimePoint until, Sink& sink) {
    while (!exitCode() && !m_timetable.empty() && m_timetable.begin()->first.first <= until) {
        auto node = m_timetable.extract(m_timetable.begin());
        const TimePoint at = std::max(node.key().first, floor);
        Item& item = node.mapped();
        if (item.fd)
            write(sink, at, *item.fd, std::move(item.text));
        else
            finish(item.code, at);
    }
}

void Program::signal(int signal, TimePoint now, Sink&) {
    if (exitCode())
        return;
    // A handler the program installs replaces an inherited SIG_IGN, as sigaction(2) does.
    if (auto handler = m_handlers.find(signal);
        handler != m_handlers.end() && signal != sig::KILL) {
        handler->second(*this, signal, now);
        return;
    }
    if (dropsUnhandled(signal))
        return;
    m_timetable.clear();
    finish(128 + signal, now);
}

} // namespace lab
