// The simulated engine at scale (issue targets: 10,000 containers through create, start, pause,
// unpause, stop, rm in under 1 s; `ps -a` over 10,000 containers in under 50 ms; `stats
// --no-stream -a` over the same, against that `ps -a`).
// Baselines, measured in the same run: the lifecycle machines alone fed the same events (what
// the engine adds on top of MSM dispatch), and writing the same ps table from pre-computed
// strings (what formatting costs beyond copying bytes).
#include "base/Clock.h"
#include "cli/DockerCli.h"
#include "engine/Engine.h"
#include "sim/SimulatedBackend.h"

#include <benchmark/benchmark.h>

namespace {

constexpr int kContainers = 10'000;

lab::World benchWorld() {
    lab::World world;
    world.images = {{{"busybox:latest"}, lab::ImageSpec{{"sh"}, {}, "", {{2'000'000}}}}};
    return world;
}

struct Lab {
    lab::VirtualClock clock;
    lab::SimulatedBackend backend{clock};
    lab::Engine engine{backend, clock, benchWorld(), 1};

    void command(lab::Container& container, lab::Command command) {
        lab::CommandEvent event{command, clock.now()};
        event.timeout = std::chrono::seconds(1);
        lab::CallHandle call = engine.command(container, event, container.name);
        engine.runUntil([&] { return call->finished(); });
    }
};

lab::CreateRequest sleeper() {
    lab::CreateRequest request;
    request.config.image = "busybox";
    request.config.cmd = {"sleep", "1000"};
    return request;
}

void BM_EngineLifecycle10k(benchmark::State& state) {
    for (auto _ : state) {
        Lab lab;
        for (int i = 0; i < kContainers; ++i) {
            lab::Container* container = *lab.engine.create(sleeper());
            const std::string id = container->id;
            for (lab::Command command :
                 {lab::Command::Start, lab::Command::Pause, lab::Command::Unpause,
                  lab::Command::Stop, lab::Command::Remove})
                lab.command(*lab.engine.byId(id), command);
        }
        benchmark::DoNotOptimize(lab.engine.events().size());
    }
}
BENCHMARK(BM_EngineLifecycle10k)->Unit(benchmark::kMillisecond);

// Baseline: the same commands and outcomes straight into 10,000 lifecycle machines.
void BM_MachinesOnly10k(benchmark::State& state) {
    using lab::Command;
    using lab::Outcome;
    for (auto _ : state) {
        const lab::TimePoint at{};
        for (int i = 0; i < kContainers; ++i) {
            lab::LifecycleMachine machine;
            lab::LifecycleRecord record;
            machine.handle(lab::CommandEvent{Command::Create, at}, record);
            machine.handle(lab::CommandEvent{Command::Start, at}, record);
            machine.handle(lab::OutcomeEvent{Outcome::ProcessStarted, at}, record);
            machine.handle(lab::CommandEvent{Command::Pause, at}, record);
            machine.handle(lab::OutcomeEvent{Outcome::Frozen, at}, record);
            machine.handle(lab::CommandEvent{Command::Unpause, at}, record);
            machine.handle(lab::OutcomeEvent{Outcome::Thawed, at}, record);
            machine.handle(lab::CommandEvent{Command::Stop, at}, record);
            machine.handle(lab::OutcomeEvent{Outcome::Signalled, at, 0, 15}, record);
            machine.handle(lab::OutcomeEvent{Outcome::Signalled, at, 0, 9}, record);
            machine.handle(lab::OutcomeEvent{Outcome::ProcessExited, at, 137}, record);
            machine.handle(lab::CommandEvent{Command::Remove, at}, record);
            benchmark::DoNotOptimize(
                machine.handle(lab::OutcomeEvent{Outcome::RemovalDone, at}, record));
        }
    }
}
BENCHMARK(BM_MachinesOnly10k)->Unit(benchmark::kMillisecond);

void BM_PsAll10k(benchmark::State& state) {
    Lab lab;
    for (int i = 0; i < kContainers; ++i) {
        lab::Container* container = *lab.engine.create(sleeper());
        if (i % 2 == 0)
            lab.command(*container, lab::Command::Start);
    }
    lab::DockerCli cli(lab.engine);
    for (auto _ : state) {
        lab::CliOutput output = cli.run({"ps", "-a"});
        benchmark::DoNotOptimize(output.out.size());
    }
}
BENCHMARK(BM_PsAll10k)->Unit(benchmark::kMillisecond);

// docker stats --no-stream -a over the same containers: two samples of each running one (one
// collector interval of engine time apart) and the formatter. Its baseline is BM_PsAll10k.
void BM_StatsAll10k(benchmark::State& state) {
    Lab lab;
    lab::CreateRequest longSleeper = sleeper();
    longSleeper.config.cmd = {"sleep", "100000000"}; // outlives every iteration's second
    for (int i = 0; i < kContainers; ++i) {
        lab::Container* container = *lab.engine.create(longSleeper);
        if (i % 2 == 0)
            lab.command(*container, lab::Command::Start);
    }
    lab::DockerCli cli(lab.engine);
    for (auto _ : state) {
        lab::CliOutput output = cli.run({"stats", "--no-stream", "-a"});
        benchmark::DoNotOptimize(output.out.size());
    }
}
BENCHMARK(BM_StatsAll10k)->Unit(benchmark::kMillisecond);

// Baseline: the same number of lines of the same length, copied from ready strings.
void BM_CopyTable10k(benchmark::State& state) {
    Lab lab;
    for (int i = 0; i < kContainers; ++i)
        lab.engine.create(sleeper());
    lab::DockerCli cli(lab.engine);
    const std::vector<std::string> table = cli.run({"ps", "-a"}).out;
    for (auto _ : state) {
        std::vector<std::string> copy;
        copy.reserve(table.size());
        for (const std::string& line : table)
            copy.push_back(line);
        benchmark::DoNotOptimize(copy.size());
    }
}
BENCHMARK(BM_CopyTable10k)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
