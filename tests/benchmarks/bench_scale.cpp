// The simulation at the sizes a hostile or ambitious learner reaches (issue targets: a world of
// 10,000 images loads in under a second; 24 hours of engine time with 100 restarting containers
// pass in under a second). Baselines, measured in the same run: parsing the same JSON with Qt
// alone (what loading adds on top of reading JSON), and one hour of the same 100 containers
// (a day should cost 24 hours' worth, no more: nothing may grow faster than time).
#include "base/Clock.h"
#include "cli/DockerCli.h"
#include "engine/Engine.h"
#include "session/WorldFile.h"
#include "sim/SimulatedBackend.h"

#include <QJsonDocument>
#include <benchmark/benchmark.h>

namespace {

constexpr int kImages = 10'000;
constexpr int kRestarting = 100;

QByteArray worldOfImages() {
    QByteArray json = R"({"images": [)";
    for (int i = 0; i < kImages; ++i)
        json += QByteArray(i ? "," : "") + R"({"tags": ["library/image)" + QByteArray::number(i) +
                R"(:latest"], "cmd": ["sh", "-c", "echo )" + QByteArray::number(i) +
                R"("], "layers": [{"size": 2000000}, {"size": )" + QByteArray::number(i) + "}]}";
    return json + "]}";
}

void BM_LoadWorld10kImages(benchmark::State& state) {
    const QByteArray json = worldOfImages();
    for (auto _ : state) {
        const auto world = lab::loadWorldJson(json, QStringLiteral("bench.json"));
        lab::VirtualClock clock;
        lab::SimulatedBackend backend(clock);
        lab::Engine engine(backend, clock, *world, 1);
        benchmark::DoNotOptimize(&engine);
    }
}
BENCHMARK(BM_LoadWorld10kImages)->Unit(benchmark::kMillisecond);

// Baseline: Qt's JSON parser over the same text.
void BM_ParseJson10kImages(benchmark::State& state) {
    const QByteArray json = worldOfImages();
    for (auto _ : state)
        benchmark::DoNotOptimize(QJsonDocument::fromJson(json).isObject());
}
BENCHMARK(BM_ParseJson10kImages)->Unit(benchmark::kMillisecond);

// kRestarting containers that print a line and fail, restarted by policy (the back-off caps at
// a minute), for `hours` of engine time.
void restartingFor(benchmark::State& state, int hours) {
    lab::World world;
    world.images = {{{"busybox:latest"}, lab::ImageSpec{{"sh"}, {}, "", {{2'000'000}}}}};
    for (auto _ : state) {
        lab::VirtualClock clock;
        lab::SimulatedBackend backend(clock);
        lab::Engine engine(backend, clock, world, 1);
        lab::DockerCli cli(engine);
        for (int i = 0; i < kRestarting; ++i)
            cli.run({"run", "-d", "--restart", "always", "busybox", "sh", "-c", "echo up; exit 1"});
        clock.advanceTo(clock.now() + std::chrono::hours(hours));
        state.counters["events"] = double(engine.events().size());
    }
}

void BM_Day100Restarting(benchmark::State& state) {
    restartingFor(state, 24);
}
BENCHMARK(BM_Day100Restarting)->Unit(benchmark::kMillisecond);

void BM_Hour100Restarting(benchmark::State& state) {
    restartingFor(state, 1);
}
BENCHMARK(BM_Hour100Restarting)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
