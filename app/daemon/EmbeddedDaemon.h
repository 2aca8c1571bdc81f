#pragma once
// The daemon inside another program's event loop (the window): the Engine API served on a socket
// over a session someone else owns and whose engine time someone else moves (ClockMode::Follow).
// Nothing runs by itself: poll() does what the socket brought, settle() answers the requests
// waiting for the engine once it moved. The header keeps Boost out of its includers.

#include "base/Expected.h"
#include "daemon/ApiExchange.h"

#include <functional>
#include <memory>
#include <string>

namespace lab {
class EngineSession;
}

namespace lab::daemon {

/// The Engine API on a socket, driven by its owner's event loop.
class EmbeddedDaemon {
public:
    /// Listens on path (stale socket replaced, a live one refused, created 0600) over session,
    /// which must outlive the daemon; the error says why not.
    static Expected<std::unique_ptr<EmbeddedDaemon>> listen(EngineSession& session,
                                                            const std::string& path);
    ~EmbeddedDaemon();
    EmbeddedDaemon(const EmbeddedDaemon&) = delete;
    EmbeddedDaemon& operator=(const EmbeddedDaemon&) = delete;

    /// Runs whatever the socket is ready for (accepts, reads, writes); how many handlers ran.
    std::size_t poll();
    /// The engine moved: requests waiting for it answer if they can.
    void settle();
    /// Clients connected now.
    std::size_t clients() const;
    /// Called whenever clients() changed.
    void onClientsChanged(std::function<void()> callback);
    /// Called with every answer as its status line goes out.
    void onExchange(std::function<void(const ApiExchange&)> callback);

private:
    struct Parts;
    explicit EmbeddedDaemon(std::unique_ptr<Parts> parts);
    std::unique_ptr<Parts> m_parts;
};

} // namespace lab::daemon
