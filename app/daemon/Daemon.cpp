#include "daemon/Daemon.h"

#include "daemon/ApiServer.h"
#include "daemon/DaemonSocket.h"
#include "session/WorldFile.h"

#include <boost/asio/signal_set.hpp>
#include <charconv>
#include <csignal>
#include <iostream>

namespace lab::daemon {
namespace {

constexpr const char* kUsage =
    "usage: lifecycle-lab daemon [--socket PATH] [--backend sim|real] [--world FILE] "
    "[--seed N] [--clock wall|virtual] [--state-dir DIR]";

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
    asio::io_context io(1);
    EngineHost host(io, std::move(*session), options.clock);
    Api api(host);
    auto listening = ApiServer::listen(io, path, api);
    if (!listening)
        return refuse(listening.error().message);
    std::unique_ptr<ApiServer>& server = *listening;
    ::signal(SIGPIPE, SIG_IGN); // a client that vanishes mid-write is an error, not a death
    asio::signal_set stop(io, SIGINT, SIGTERM);
    stop.async_wait([&](boost::system::error_code, int) {
        server->stop();
        io.stop();
    });
    server->accept();
    std::cout << "export DOCKER_HOST=unix://" << path << std::endl;
    io.run();
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
