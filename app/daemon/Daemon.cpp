#include "daemon/Daemon.h"

#include "daemon/Api.h"
#include "daemon/DaemonSocket.h"
#include "session/WorldFile.h"

#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/signal_set.hpp>
#include <charconv>
#include <csignal>
#include <iostream>
#include <set>
#include <sys/stat.h>

namespace lab::daemon {
namespace {

constexpr const char* kUsage =
    "usage: lifecycle-lab daemon [--socket PATH] [--backend sim|real] [--world FILE] "
    "[--seed N] [--clock wall|virtual] [--state-dir DIR]";

// At most this many clients at once; more wait in the kernel's backlog.
constexpr std::size_t kMaxConnections = 256;

using Acceptor = asio::local::stream_protocol::acceptor;

// Accepts clients and hands each to the API.
class Server {
public:
    Server(asio::io_context& io, const std::string& path, Api& api)
        : m_acceptor(io, asio::local::stream_protocol::endpoint(path)), m_api(api) {}

    void accept() {
        if (m_open.size() >= kMaxConnections)
            return; // resumed when a client leaves
        m_accepting = true;
        m_acceptor.async_accept([this](boost::system::error_code error, Socket socket) {
            m_accepting = false;
            if (error)
                return error == asio::error::operation_aborted ? void() : accept();
            auto connection = std::make_shared<Connection>(
                std::move(socket), RequestLimits{},
                [this](const HttpRequest& request, const ConnectionPtr& client) {
                    m_api.handle(request, client);
                });
            Connection* key = connection.get();
            m_open.insert(key);
            connection->onClosed([this, key] { forget(key); });
            connection->start();
            accept();
        });
    }

    void forget(Connection* connection) {
        m_open.erase(connection);
        if (!m_accepting)
            accept();
    }

    void stop() { m_acceptor.close(); }

private:
    Acceptor m_acceptor;
    Api& m_api;
    std::set<Connection*> m_open;
    bool m_accepting = false;
};

std::optional<std::uint64_t> number(const std::string& text) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace

Expected<DaemonOptions> parseDaemonOptions(const std::vector<std::string>& arguments) {
    DaemonOptions options;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& flag = arguments[i];
        if (i + 1 >= arguments.size())
            return Error{flag.starts_with("--") ? flag + " needs a value"
                                                : "unexpected argument: " + flag,
                         ErrorCode::Invalid};
        const std::string& value = arguments[++i];
        if (flag == "--socket") {
            options.socketPath = value;
        } else if (flag == "--backend" && (value == "sim" || value == "real")) {
            options.backend = value == "sim" ? BackendKind::Simulated : BackendKind::Real;
        } else if (flag == "--world") {
            options.worldFile = value;
        } else if (flag == "--seed" && number(value)) {
            options.seed = *number(value);
        } else if (flag == "--clock" && (value == "wall" || value == "virtual")) {
            options.clock = value == "wall" ? ClockMode::Wall : ClockMode::Virtual;
        } else if (flag == "--state-dir") {
            options.stateDir = value;
        } else {
            return Error{"invalid option: " + flag + " " + value, ErrorCode::Invalid};
        }
    }
    if (options.backend == BackendKind::Real && options.clock == ClockMode::Virtual)
        return Error{"--clock virtual needs the simulated backend: real processes run on the "
                     "wall clock",
                     ErrorCode::Invalid};
    return options;
}

int runDaemon(const DaemonOptions& options) {
    const auto refuse = [](const std::string& message) {
        std::cerr << "lifecycle-lab daemon: " << message << std::endl;
        return 1;
    };
    const Expected<World> world = options.worldFile.empty()
                                      ? loadDefaultWorld()
                                      : loadWorldFile(QString::fromStdString(options.worldFile));
    if (!world)
        return refuse(world.error().message);
    SessionSpec spec;
    spec.backend = options.backend;
    spec.seed = options.seed;
    spec.stateDir = options.stateDir;
    // On the wall clock the simulation starts now, so that the CLI's "5 seconds ago" (computed
    // against the client's clock) reads true.
    if (options.clock == ClockMode::Wall)
        spec.start = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
    auto session = openSession(spec, *world);
    if (!session)
        return refuse(session.error().message);
    const std::string path = options.socketPath.empty() ? defaultSocketPath() : options.socketPath;
    if (auto prepared = prepareSocketPath(path); !prepared)
        return refuse(prepared.error().message);

    asio::io_context io(1);
    EngineHost host(io, std::move(*session), options.clock);
    Api api(host);
    // The socket is the user's alone from the moment it exists.
    const mode_t previous = ::umask(0077);
    std::unique_ptr<Server> server;
    try {
        server = std::make_unique<Server>(io, path, api);
    } catch (const boost::system::system_error& error) {
        ::umask(previous);
        return refuse("listening on " + path + ": " + error.code().message());
    }
    ::umask(previous);
    ::chmod(path.c_str(), 0600);
    ::signal(SIGPIPE, SIG_IGN); // a client that vanishes mid-write is an error, not a death
    asio::signal_set stop(io, SIGINT, SIGTERM);
    stop.async_wait([&](boost::system::error_code, int) {
        server->stop();
        io.stop();
    });
    server->accept();
    std::cout << "export DOCKER_HOST=unix://" << path << std::endl;
    io.run();
    ::unlink(path.c_str());
    return 0;
}

int daemonMain(const std::vector<std::string>& arguments) {
    auto options = parseDaemonOptions(arguments);
    if (!options) {
        std::cerr << "lifecycle-lab daemon: " << options.error().message << '\n'
                  << kUsage << std::endl;
        return 2;
    }
    return runDaemon(*options);
}

} // namespace lab::daemon
