#pragma once
// A program modelled as a timetable: lines it prints at given moments, an exit at a given
// moment (or never), and handlers for the signals it catches. sleep, /hello, nginx, redis and
// tomcat are all built from this (see Programs.cpp).

#include "sim/Process.h"

#include <functional>
#include <map>
#include <utility>

namespace lab {

/// A process whose behaviour is a timetable plus signal handlers.
class Program final : public Process {
public:
    /// A signal handler: reacts by scheduling output or an exit on the program.
    using Handler = std::function<void(Program& self, int signal, TimePoint now)>;

    /// A program started at `start` with an empty timetable (it runs until signalled).
    Program(ProcessContext context, TimePoint start)
        : Process(std::move(context)), m_start(start) {}

    /// When the program was started.
    TimePoint started() const { return m_start; }
    /// Schedules bytes on fd 1 or fd 2 at `at`.
    void print(TimePoint at, Stream fd, std::string text);
    /// Schedules the exit; items scheduled after it never happen.
    void exitAt(TimePoint at, int code);
    /// Installs a handler: the kernel then delivers `signal` even to PID 1.
    void handle(int signal, Handler handler) { m_handlers[signal] = std::move(handler); }

    std::optional<TimePoint> nextWake() const override;
    void advance(TimePoint floor, TimePoint until, Sink& sink) override;
    void signal(int signal, TimePoint now, Sink& sink) override;

private:
    struct Item {
        std::optional<Stream> fd; // nothing: the exit
        std::string text;
        int code = 0;
    };
    // Keyed by (time, sequence): time order, ties in scheduling order.
    std::map<std::pair<TimePoint, int>, Item> m_timetable;
    std::map<int, Handler> m_handlers;
    TimePoint m_start;
    int m_sequence = 0;
};

} // namespace lab
