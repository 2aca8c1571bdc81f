// The real backend's own figures (issue 4): docker pause + unpause round trip on a running
// `sleep`, and create-to-removed of `true` from the busybox image, both through lab::Engine on
// RealBackend + RealClock, wall time. The baseline, in the same run: `runc run` of `/bin/true`
// from the same root filesystem (Debian's runc; skipped with a message when it is missing).
// As a user it runs rootless (state in $XDG_RUNTIME_DIR); reports the reason as an error where
// the backend cannot run.
#include "OciStore.h"
#include "RealBackend.h"
#include "RealClock.h"
#include "engine/Engine.h"

#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct RealEngine {
    std::unique_ptr<lab::real::RealClock> clock;
    std::unique_ptr<lab::real::RealBackend> backend;
    std::unique_ptr<lab::Engine> engine;
    std::string whyNot;

    explicit RealEngine(bool writableRootfs = true) {
        auto opened = lab::real::RealClock::open();
        if (!opened) {
            whyNot = opened.error().message;
            return;
        }
        clock = std::move(*opened);
        lab::real::RealBackendOptions options;
        options.stateDir = stateDir();
        options.cgroupName = "lifecycle-lab-bench-" + std::to_string(::getpid());
        options.writableRootfs = writableRootfs;
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
               call->result().has_value();
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
BENCHMARK(BM_PauseUnpauseRoundTrip)->Arg(0)->Arg(20)->Unit(benchmark::kMicrosecond)->UseRealTime();

// Argument 1: the container's root is an overlay (the default); 0: the image bound read-only.
void BM_RunRmTrue(benchmark::State& state) {
    RealEngine lab(state.range(0) != 0);
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
BENCHMARK(BM_RunRmTrue)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime();

// Runs argv[0] found in PATH, output to /dev/null; its exit status, or -1.
int spawnAndWait(std::vector<std::string> argv) {
    std::vector<char*> args;
    for (auto& arg : argv)
        args.push_back(arg.data());
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    if (spawned != 0 || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

// runc's default `runc spec` (read-only root, the same namespaces but the cgroup one), rootfs set
// to the busybox image the real backend runs, and /bin/true instead of an interactive sh.
bool writeRuncBundle(const std::string& bundle, const std::string& rootfs) {
    std::filesystem::create_directories(bundle);
    if (spawnAndWait({"runc", "spec", "--bundle", bundle}) != 0)
        return false;
    std::ifstream in(bundle + "/config.json");
    std::stringstream text;
    text << in.rdbuf();
    std::string config = text.str();
    const auto replace = [&config](const std::string& from, const std::string& to) {
        const auto at = config.find(from);
        if (at != std::string::npos)
            config.replace(at, from.size(), to);
        return at != std::string::npos;
    };
    if (!replace("\"terminal\": true", "\"terminal\": false") ||
        !replace("\"sh\"", "\"/bin/true\"") ||
        !replace("\"path\": \"rootfs\"", "\"path\": \"" + rootfs + "\""))
        return false;
    std::ofstream(bundle + "/config.json") << config;
    return true;
}

// The baseline: `runc run` of /bin/true from the same root filesystem, to its exit and deletion
// (runc run without --detach deletes the container when the process ends).
void BM_RuncRunTrue(benchmark::State& state) {
    if (spawnAndWait({"runc", "--version"}) != 0)
        return state.SkipWithError("runc is not installed (apt-get install runc): no baseline");
    RealEngine lab; // the same busybox image, made by the real backend
    if (!lab.engine)
        return state.SkipWithError(lab.whyNot.c_str());
    auto rootfs = lab::real::OciStore(lab.stateDir() + "/images").rootfs("busybox");
    const std::string bundle = lab.stateDir() + "/runc-bundle";
    if (!rootfs || !writeRuncBundle(bundle, *rootfs))
        return state.SkipWithError("could not write runc's bundle");
    const std::string root = lab.stateDir() + "/runc-root";
    int run = 0;
    for (auto _ : state)
        if (spawnAndWait({"runc", "--root", root, "run", "--bundle", bundle,
                          "lifecycle-lab-bench-" + std::to_string(run++)}) != 0)
            return state.SkipWithError("runc run failed");
}
BENCHMARK(BM_RuncRunTrue)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
