// docker ps -a through the Engine API over 10,000 containers (half running, half created): the
// daemon's own route answering GET /containers/json?all=1 on a connected socket pair, request
// written and whole answer read back (HTTP, the list, each types.Container, the JSON). Baseline,
// measured in the same run on the same engine: the console's `ps -a` (BM_ConsolePsAll10k), which
// does the same choosing and formatting of every container for a table instead of JSON.
#include "cli/DockerCli.h"
#include "daemon/Api.h"
#include "session/SimulatedSession.h"

#include <benchmark/benchmark.h>
#include <boost/asio/local/connect_pair.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

namespace {

namespace asio = boost::asio;
constexpr int kContainers = 10'000;

struct Daemon {
    asio::io_context io;
    lab::daemon::EngineHost host{io, makeSession(), lab::daemon::ClockMode::Virtual};
    lab::daemon::Api api{host};

    static std::unique_ptr<lab::EngineSession> makeSession() {
        lab::World world;
        world.images = {{{"busybox:latest"}, lab::ImageSpec{{"sh"}, {}, "", {{2'000'000}}}}};
        auto session = std::make_unique<lab::SimulatedSession>(world, 1);
        for (int i = 0; i < kContainers; ++i)
            session->run({i % 2 == 0 ? "run" : "create", "-d", "busybox", "sleep", "1000"});
        return session;
    }

    /// One request on a fresh connection; the whole answer (the daemon closes after it).
    std::string answer(const std::string& request) {
        lab::daemon::Socket client(io);
        lab::daemon::Socket server(io);
        asio::local::connect_pair(client, server);
        auto connection = std::make_shared<lab::daemon::Connection>(
            std::move(server), lab::daemon::RequestLimits{},
            [this](const lab::daemon::HttpRequest& http, const lab::daemon::ConnectionPtr& from) {
                api.handle(http, from);
            });
        connection->start();
        asio::write(client, asio::buffer(request));
        std::string text;
        bool ended = false;
        asio::async_read(client, asio::dynamic_buffer(text),
                         [&ended](boost::system::error_code, std::size_t) { ended = true; });
        io.restart();
        while (!ended && io.run_one() > 0) {
        }
        return text;
    }
};

void BM_ApiListAll10k(benchmark::State& state) {
    Daemon daemon;
    const std::string request = "GET /v1.41/containers/json?all=1 HTTP/1.1\r\nHost: lab\r\n"
                                "Connection: close\r\n\r\n";
    for (auto _ : state) {
        const std::string text = daemon.answer(request);
        if (!text.starts_with("HTTP/1.1 200"))
            state.SkipWithError("the list was not answered");
        state.counters["bytes"] = double(text.size());
    }
}
BENCHMARK(BM_ApiListAll10k)->Unit(benchmark::kMillisecond);

void BM_ConsolePsAll10k(benchmark::State& state) {
    Daemon daemon; // the same engine, asked through the console's CLI
    lab::DockerCli cli(daemon.host.engine());
    for (auto _ : state) {
        lab::CliOutput output = cli.run({"ps", "-a"});
        benchmark::DoNotOptimize(output.out.size());
    }
}
BENCHMARK(BM_ConsolePsAll10k)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
