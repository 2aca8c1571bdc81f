#pragma once
// The engine as the daemon runs it: the session (the same engine and rules the console uses),
// engine time (the wall clock, or a virtual clock that moves when told to), and the requests
// waiting for the engine (a stop for its container's exit, a wait, a stream). Everything here
// runs on the daemon's one I/O thread.

#include "engine/Engine.h"
#include "session/EngineSession.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <list>
#include <memory>

namespace lab::daemon {

/// How engine time passes in the daemon.
enum class ClockMode {
    Wall,    ///< engine time follows the wall clock: docker stop of sleep takes ten seconds
    Virtual, ///< engine time moves only by POST /lab/advance, and while a call like stop waits
    /// engine time is someone else's: the window's playback moves it (and takes the real
    /// backend's news); the host only answers, when settle() is called after the engine moved
    Follow
};

/// The session, its time, and who waits for what.
class EngineHost final : private EngineObserver {
public:
    using Predicate = std::function<bool()>;
    using Action = std::function<void()>;

    EngineHost(boost::asio::io_context& io, std::unique_ptr<EngineSession> session, ClockMode mode);
    /// Over a session someone else owns (the window's), which must outlive the host.
    EngineHost(boost::asio::io_context& io, EngineSession& session, ClockMode mode);
    ~EngineHost() override;
    EngineHost(const EngineHost&) = delete;
    EngineHost& operator=(const EngineHost&) = delete;

    Engine& engine() { return m_session.engine(); }
    ClockMode mode() const { return m_mode; }

    /// Runs then() once done() holds, checked whenever the engine moved. A blocking wait is a
    /// Docker call that returns when its operation completes (stop, rm, pull): on the virtual
    /// clock, engine time runs ahead for it as the console's does. A stream that waits for a
    /// container (wait, attach, follow) never moves time. Dropped unharmed once alive() fails.
    void when(Predicate done, Action then, bool blocking, Predicate alive);
    /// Runs what is due and answers the waits that can be answered (after every request).
    void settle();
    /// Virtual clock: lets duration of engine time pass.
    void advance(Duration duration);

    /// Hears every line a container prints and every event the daemon logs, until forgotten.
    using PrintedListener = std::function<void(const Container&, const LogLine&)>;
    using EventListener = std::function<void(const DockerEvent&)>;
    int listenPrinted(PrintedListener listener);
    int listenEvents(EventListener listener);
    void forget(int listener);

private:
    struct Waiter {
        Predicate done;
        Action then;
        bool blocking;
        Predicate alive;
    };

    void printed(const Container& container, const LogLine& line) override;
    void published(const DockerEvent& event) override;
    bool answerWaiters();
    void catchUpWithWallClock();
    void armWallTimer();
    void watchReadyDescriptor();

    boost::asio::io_context& m_io;
    std::unique_ptr<EngineSession> m_owned;
    EngineSession& m_session;
    Engine& m_observed; // the engine as the host began: a window's replaces the host with it
    ClockMode m_mode;
    boost::asio::steady_timer m_timer;
    std::unique_ptr<boost::asio::posix::stream_descriptor> m_ready;
    std::chrono::steady_clock::time_point m_wallOrigin;
    TimePoint m_engineOrigin;
    std::list<Waiter> m_waiters;
    std::map<int, PrintedListener> m_printed;
    std::map<int, EventListener> m_events;
    int m_nextListener = 1;
    bool m_settling = false;
    bool m_settleAgain = false;
};

} // namespace lab::daemon
