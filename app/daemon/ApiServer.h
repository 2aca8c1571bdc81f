#pragma once
// The listening side of the daemon: the Unix socket made safely (DaemonSocket), clients accepted
// and handed to the API, how many are connected, and each answer as a line (method, path,
// status) for whoever draws the traffic. `lifecycle-lab daemon` and the window share it.

#include "base/Expected.h"
#include "daemon/Api.h"
#include "daemon/ApiExchange.h"

#include <boost/asio/local/stream_protocol.hpp>
#include <functional>
#include <memory>
#include <set>
#include <string>

namespace lab::daemon {

/// Accepts clients on a socket and hands their requests to an Api.
class ApiServer {
public:
    /// Listens on path: prepared by prepareSocketPath (stale replaced, live refused), created
    /// mode 0600. The error says why not.
    static Expected<std::unique_ptr<ApiServer>> listen(asio::io_context& io,
                                                       const std::string& path, Api& api);
    ApiServer(asio::io_context& io, const std::string& path, Api& api);
    ~ApiServer();
    ApiServer(const ApiServer&) = delete;
    ApiServer& operator=(const ApiServer&) = delete;

    /// Accepts clients until stop().
    void accept();
    /// Accepts no more clients (the connected ones are served on) and removes the socket.
    void stop();
    const std::string& path() const { return m_path; }
    /// Clients connected now.
    std::size_t clients() const { return m_open.size(); }
    /// Called whenever clients() changed.
    void onClientsChanged(std::function<void()> callback) {
        m_clientsChanged = std::move(callback);
    }
    /// Called with every answer's status line as it goes out.
    void onExchange(std::function<void(const ApiExchange&)> callback) {
        m_exchange = std::move(callback);
    }

private:
    void forget(Connection* connection);

    asio::local::stream_protocol::acceptor m_acceptor;
    std::string m_path;
    Api& m_api;
    std::set<Connection*> m_open;
    bool m_accepting = false;
    bool m_listening = true;
    std::function<void()> m_clientsChanged;
    std::function<void(const ApiExchange&)> m_exchange;
};

} // namespace lab::daemon
