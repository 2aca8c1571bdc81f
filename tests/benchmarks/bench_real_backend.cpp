// The real backend's own figures (issue 4): docker pause + unpause round trip on a running
// `sleep`, and create-to-removed of `true` from the busybox image, both through lab::Engine on
// RealBackend + RealClock, wall time. As a user it runs rootless (state in $XDG_RUNTIME_DIR);
// reports the reason as an error where the backend cannot run.
#include "RealBackend.h"
#include "RealClock.h"
#include "engine/Engine.h"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <memory>
#include <unistd.h>

namespace {

struct RealEngine {
    std::unique_ptr<lab::real::RealClock> clock;
    std::unique_ptr<lab::real::RealBackend> backend;
    std::unique_ptr<lab::Engine> engine;
    std::string whyNot;

    RealEngine() {
        auto opened = lab::real::RealClock::open();
        if (!opened) {
            whyNot = opened.error().message;
            return;
        }
        clock = std::move(*opened);
        lab::real::RealBackendOptions options;
        options.stateDir = stateDir();
        options.cgroupName = "lifecycle-lab-bench-" + std::to_string(::getpid());
        auto backend_ = lab::real::RealBackend::open(*clock, options);
        if (!backend_) {
            whyNot = backend_.error().message;
            return;
        }
        backend = std::move(*backend_);
        lab::World world;
        world.images = {{{"busybox:latest"}, lab::ImageSpec{{"sh"}, {}, "", {{2'000'000}}}}};
        engine = std::make_unique<lab::Engine>(*backend, *clock, world, 1);
    }
    ~RealEngine() {
        engine.reset();
        backend.reset();
        std::error_code ignored;
        std::filesystem::remove_all(stateDir(), ignored);
    }
    static std::string stateDir() {
        const std::string base = lab::real::defaultStateDir(); // empty: open() says why
        return base.empty() ? base : base + "-bench-" + std::to_string(::getpid());
    }
    lab::Container* create(std::vector<std::string> cmd) {
        lab::CreateRequest request;
        request.config.image = "busybox";
        request.config.cmd = std::move(cmd);
        auto made = engine->create(request);
        return made ? *made : nullptr;
    }
    bool await(lab::Container& container, lab::Command command) {
        auto call =
            engine->command(container, lab::CommandEvent{command, clock->now()}, container.name);
        return engine->runUntil([&] { return call->finished(); }, std::chrono::seconds(10)) &&
               call->result().ok;
    }
};

// range(0): milliseconds left between round trips, outside the timing. The kernel sends at most
// one cgroup.events notification per 10 ms (cgroup_file_notify): a pause right after an unpause
// whose task has not gone back to sleep yet waits for that, so back to back (0) measures the
// kernel's rate limit and spaced (20) measures a learner clicking pause, then unpause.
void BM_PauseUnpauseRoundTrip(benchmark::State& state) {
    RealEngine lab;
    if (!lab.engine)
        return state.SkipWithError(lab.whyNot.c_str());
    lab::Container* sleeper = lab.create({"sleep", "1000"});
    if (!sleeper || !lab.await(*sleeper, lab::Command::Start))
        return state.SkipWithError("could not start sleep");
    const auto gap = std::chrono::milliseconds(state.range(0));
    for (auto _ : state) {
        if (!lab.await(*sleeper, lab::Command::Pause) ||
            !lab.await(*sleeper, lab::Command::Unpause))
            return state.SkipWithError("pause or unpause failed");
        if (gap.count() > 0) {
            state.PauseTiming();
            const lab::TimePoint until = lab.clock->now() + gap;
            while (lab.clock->now() < until) // a late cgroup.events notification may wake it
                lab.clock->advance(until);
            state.ResumeTiming();
        }
    }
    lab.await(*sleeper, lab::Command::RemoveForce);
}
BENCHMARK(BM_PauseUnpauseRoundTrip)->Arg(0)->Arg(20)->Unit(benchmark::kMicrosecond);

void BM_RunRmTrue(benchmark::State& state) {
    RealEngine lab;
    if (!lab.engine)
        return state.SkipWithError(lab.whyNot.c_str());
    for (auto _ : state) {
        lab::Container* container = lab.create({"true"});
        if (!container)
            return state.SkipWithError("create failed");
        const std::string id = container->id;
        auto exited = lab.engine->waitForExit(*container, false);
        if (!lab.await(*container, lab::Command::Start) ||
            !lab.engine->runUntil([&] { return exited->finished(); }, std::chrono::seconds(10)))
            return state.SkipWithError("start failed");
        lab.engine->command(*container, lab::CommandEvent{lab::Command::Remove, lab.clock->now()},
                            id);
        if (!lab.engine->runUntil([&] { return lab.engine->byId(id) == nullptr; },
                                  std::chrono::seconds(10)))
            return state.SkipWithError("removal failed");
    }
}
BENCHMARK(BM_RunRmTrue)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
