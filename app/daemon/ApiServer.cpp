#include "daemon/ApiServer.h"

#include "daemon/DaemonSocket.h"

#include <cctype>
#include <sys/stat.h>
#include <unistd.h>

namespace lab::daemon {
namespace {

// At most this many clients at once; more wait in the kernel's backlog.
constexpr std::size_t kMaxConnections = 256;

} // namespace

std::string exchangePath(std::string_view target) {
    target = target.substr(0, target.find('?'));
    // "/v1.41/..." -> "/...": the version prefix is digits and dots after "/v".
    if (target.starts_with("/v") && target.size() > 2 &&
        std::isdigit(static_cast<unsigned char>(target[2]))) {
        const auto slash = target.find('/', 1);
        const auto version =
            target.substr(2, slash == std::string_view::npos ? target.npos : slash - 2);
        if (version.find_first_not_of("0123456789.") == std::string_view::npos)
            target = slash == std::string_view::npos ? "/" : target.substr(slash);
    }
    return std::string(target);
}

Expected<std::unique_ptr<ApiServer>> ApiServer::listen(asio::io_context& io,
                                                       const std::string& path, Api& api) {
    if (auto prepared = prepareSocketPath(path); !prepared)
        return prepared.error();
    // The socket is the user's alone from the moment it exists.
    const mode_t previous = ::umask(0077);
    std::unique_ptr<ApiServer> server;
    try {
        server = std::make_unique<ApiServer>(io, path, api);
    } catch (const boost::system::system_error& error) {
        ::umask(previous);
        return Error{"listening on " + path + ": " + error.code().message(), ErrorCode::Kernel};
    }
    ::umask(previous);
    ::chmod(path.c_str(), 0600);
    return server;
}

ApiServer::ApiServer(asio::io_context& io, const std::string& path, Api& api)
    : m_acceptor(io, asio::local::stream_protocol::endpoint(path)), m_path(path), m_api(api) {}

ApiServer::~ApiServer() {
    stop();
}

void ApiServer::accept() {
    if (!m_listening || m_open.size() >= kMaxConnections)
        return; // resumed when a client leaves
    m_accepting = true;
    m_acceptor.async_accept([this](boost::system::error_code error, Socket socket) {
        m_accepting = false;
        if (error)
            return error == asio::error::operation_aborted ? void() : accept();
        auto connection = std::make_shared<Connection>(
            std::move(socket), RequestLimits{},
            [this](const HttpRequest& request, const ConnectionPtr& client) {
                if (m_exchange)
                    client->onAnswer([this, method = std::string(request.method_string()),
                                      path = exchangePath({request.target().data(),
                                                           request.target().size()})](int status) {
                        if (m_exchange)
                            m_exchange(ApiExchange{method, path, status});
                    });
                m_api.handle(request, client);
            });
        Connection* key = connection.get();
        m_open.insert(key);
        connection->onClosed([this, key] { forget(key); });
        connection->start();
        if (m_clientsChanged)
            m_clientsChanged();
        accept();
    });
}

void ApiServer::forget(Connection* connection) {
    m_open.erase(connection);
    if (m_clientsChanged)
        m_clientsChanged();
    if (!m_accepting)
        accept();
}

void ApiServer::stop() {
    if (!m_listening)
        return;
    m_listening = false;
    m_acceptor.close();
    ::unlink(m_path.c_str());
}

} // namespace lab::daemon
