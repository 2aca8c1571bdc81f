#include "daemon/EmbeddedDaemon.h"

#include "daemon/ApiServer.h"

#include <boost/asio/executor_work_guard.hpp>

namespace lab::daemon {

// Declared in the order they are made: the server goes first, the io_context (with the
// connections its handlers still hold) last.
struct EmbeddedDaemon::Parts {
    asio::io_context io{1};
    asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
    EngineHost host;
    Api api{host};
    std::unique_ptr<ApiServer> server;

    explicit Parts(EngineSession& session) : host(io, session, ClockMode::Follow) {}
};

Expected<std::unique_ptr<EmbeddedDaemon>> EmbeddedDaemon::listen(EngineSession& session,
                                                                 const std::string& path) {
    auto parts = std::make_unique<Parts>(session);
    auto server = ApiServer::listen(parts->io, path, parts->api);
    if (!server)
        return server.error();
    parts->server = std::move(*server);
    parts->server->accept();
    return std::unique_ptr<EmbeddedDaemon>(new EmbeddedDaemon(std::move(parts)));
}

EmbeddedDaemon::EmbeddedDaemon(std::unique_ptr<Parts> parts) : m_parts(std::move(parts)) {}

EmbeddedDaemon::~EmbeddedDaemon() = default;

std::size_t EmbeddedDaemon::poll() {
    return m_parts->io.poll();
}

void EmbeddedDaemon::settle() {
    m_parts->host.settle();
}

std::size_t EmbeddedDaemon::clients() const {
    return m_parts->server->clients();
}

void EmbeddedDaemon::onClientsChanged(std::function<void()> callback) {
    m_parts->server->onClientsChanged(std::move(callback));
}

void EmbeddedDaemon::onExchange(std::function<void(const ApiExchange&)> callback) {
    m_parts->server->onExchange(std::move(callback));
}

} // namespace lab::daemon
