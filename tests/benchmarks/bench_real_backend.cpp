// The real backend's own figures (issues 4 and 9): docker pause + unpause round trip on a running
// `sleep`, and create-to-removed of `true` from the busybox image, both through lab::Engine on
// RealBackend + RealClock, wall time, with Docker's default confinement. The baselines, in the
// same run and alternating with the lab sample by sample (the machine is shared: a burst of load
// then hits both sides alike): `runc run` of `/bin/true` and `runc pause` + `runc resume` of
// `/bin/sleep`, from the same root filesystem with runc's default bundle (Debian's runc; skipped
// with a message when it is missing). As a user it runs rootless (state in $XDG_RUNTIME_DIR);
// reports the reason as an error where the backend cannot run.
#include "OciStore.h"
#include "RealBackend.h"
#include "RealClock.h"
#include "engine/Engine.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <spawn.h>
#include <sstream>
#include <sys/resource.h>
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

// One `run --rm true` through the engine: create, start, its exit, rm. False if a step failed.
bool labRunRmTrue(RealEngine& lab) {
    lab::Container* container = lab.create({"true"});
    if (!container)
        return false;
    const std::string id = container->id;
    auto exited = lab.engine->waitForExit(*container, false);
    if (!lab.await(*container, lab::Command::Start) ||
        !lab.engine->runUntil([&] { return exited->finished(); }, std::chrono::seconds(10)))
        return false;
    lab.engine->command(*container, lab::CommandEvent{lab::Command::Remove, lab.clock->now()}, id);
    return lab.engine->runUntil([&] { return lab.engine->byId(id) == nullptr; },
                                std::chrono::seconds(10));
}

// Argument 1: the container's root is an overlay (the default); 0: the image bound read-only.
void BM_RunRmTrue(benchmark::State& state) {
    RealEngine lab(state.range(0) != 0);
    if (!lab.engine)
        return state.SkipWithError(lab.whyNot.c_str());
    for (auto _ : state)
        if (!labRunRmTrue(lab))
            return state.SkipWithError("run --rm true failed");
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
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
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

// runc's default `runc spec` (read-only root, the same namespaces plus a cgroup one, its default
// capabilities, masked and read-only paths and device rules, no seccomp), rootfs set to the
// busybox image the real backend runs, and `command` (a JSON list) instead of an interactive sh.
bool writeRuncBundle(const std::string& bundle, const std::string& rootfs,
                     const std::string& command) {
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
    if (!replace("\"terminal\": true", "\"terminal\": false") || !replace("\"sh\"", command) ||
        !replace("\"path\": \"rootfs\"", "\"path\": \"" + rootfs + "\""))
        return false;
    std::ofstream(bundle + "/config.json") << config;
    return true;
}

// CPU time of this process and of its reaped children (a container's process, runc and its
// `runc init`), in seconds: what a side costs whatever the load.
double cpuSeconds() {
    double total = 0;
    for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
        rusage usage{};
        ::getrusage(who, &usage);
        for (const timeval& t : {usage.ru_utime, usage.ru_stime})
            total += double(t.tv_sec) + double(t.tv_usec) * 1e-6;
    }
    return total;
}

// The lab and runc side by side: each iteration times one sample of each, in turns (the lab
// first on even iterations, runc first on odd ones), and the counters are the medians of each
// side (wall and CPU, children included) and the ratio of the wall medians. Iteration time is
// the pair's.
class Alternation {
public:
    template <typename Lab, typename Runc>
    bool iterate(benchmark::State& state, Lab&& lab, Runc&& runc) {
        const bool labFirst = m_lab.size() % 2 == 0;
        const auto first = labFirst ? time(lab, m_lab) : time(runc, m_runc);
        const auto second = labFirst ? time(runc, m_runc) : time(lab, m_lab);
        if (!first || !second)
            return false;
        state.SetIterationTime(*first + *second);
        return true;
    }
    void report(benchmark::State& state) {
        if (m_lab.empty() || m_runc.empty())
            return;
        const double lab = median(m_lab), runc = median(m_runc);
        state.counters["lab_ms"] = lab * 1e3;
        state.counters["runc_ms"] = runc * 1e3;
        state.counters["lab/runc"] = lab / runc;
        state.counters["lab_cpu_ms"] = median(m_labCpu) * 1e3;
        state.counters["runc_cpu_ms"] = median(m_runcCpu) * 1e3;
    }

private:
    template <typename Sample>
    std::optional<double> time(Sample&& sample, std::vector<double>& into) {
        const double cpuStart = cpuSeconds();
        const auto start = std::chrono::steady_clock::now();
        if (!sample())
            return std::nullopt;
        into.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        (&into == &m_lab ? m_labCpu : m_runcCpu).push_back(cpuSeconds() - cpuStart);
        return into.back();
    }
    static double median(std::vector<double> samples) {
        std::nth_element(samples.begin(), samples.begin() + samples.size() / 2, samples.end());
        return samples[samples.size() / 2];
    }
    std::vector<double> m_lab, m_runc, m_labCpu, m_runcCpu;
};

// A runc bundle of the lab's busybox image under the lab's state directory, or why not.
std::optional<std::string> runcBundle(RealEngine& lab, const std::string& command,
                                      benchmark::State& state) {
    if (spawnAndWait({"runc", "--version"}) != 0) {
        state.SkipWithError("runc is not installed (apt-get install runc): no baseline");
        return std::nullopt;
    }
    auto rootfs = lab::real::OciStore(lab.stateDir() + "/images").rootfs("busybox");
    const std::string bundle = lab.stateDir() + "/runc-bundle";
    if (!rootfs || !writeRuncBundle(bundle, *rootfs, command)) {
        state.SkipWithError("could not write runc's bundle");
        return std::nullopt;
    }
    return bundle;
}

// `run --rm true` through the lab (argument 1: overlay root, 0: the image bound read-only)
// against `runc run` of /bin/true (to its exit and deletion: runc run without --detach deletes
// the container when the process ends), alternating.
void BM_RunRmTrueVsRunc(benchmark::State& state) {
    RealEngine lab(state.range(0) != 0);
    if (!lab.engine)
        return state.SkipWithError(lab.whyNot.c_str());
    const auto bundle = runcBundle(lab, "\"/bin/true\"", state);
    if (!bundle)
        return;
    const std::string root = lab.stateDir() + "/runc-root";
    int run = 0;
    Alternation pairs;
    for (auto _ : state) {
        const auto runc = [&] {
            return spawnAndWait({"runc", "--root", root, "run", "--bundle", *bundle,
                                 "lifecycle-lab-bench-" + std::to_string(run++)}) == 0;
        };
        if (!pairs.iterate(
                state, [&] { return labRunRmTrue(lab); }, runc))
            return state.SkipWithError("the lab's run --rm or runc run failed");
    }
    pairs.report(state);
}
BENCHMARK(BM_RunRmTrueVsRunc)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseManualTime();

// A `sleep` on each side: a container of the lab and a `runc run -d` of /bin/sleep from the same
// root filesystem with runc's default bundle; removed again when it goes. `ready` is false (and
// the benchmark skipped with the reason) where either cannot start.
struct SleepersSideBySide {
    RealEngine lab;
    lab::Container* sleeper = nullptr;
    std::string root, id;
    bool ready = false;

    SleepersSideBySide(benchmark::State& state, std::string runcId) : id(std::move(runcId)) {
        if (const char* whyNot = start(state))
            state.SkipWithError(whyNot);
    }
    // Why not, or nothing (also when runcBundle has said why itself).
    const char* start(benchmark::State& state) {
        if (!lab.engine)
            return lab.whyNot.c_str();
        const auto bundle = runcBundle(lab, "\"/bin/sleep\", \"1000\"", state);
        if (!bundle)
            return nullptr;
        sleeper = lab.create({"sleep", "1000"});
        if (!sleeper || !lab.await(*sleeper, lab::Command::Start))
            return "could not start sleep";
        root = lab.stateDir() + "/runc-root";
        if (spawnAndWait({"runc", "--root", root, "run", "-d", "--bundle", *bundle, id}) != 0)
            return "runc run -d of sleep failed";
        ready = true;
        return nullptr;
    }
    ~SleepersSideBySide() {
        if (!root.empty())
            spawnAndWait({"runc", "--root", root, "delete", "--force", id});
        if (sleeper)
            lab.await(*sleeper, lab::Command::RemoveForce);
    }
};

// docker pause + unpause of a running `sleep` through the lab against `runc pause` + `runc
// resume` of a detached `runc run -d` of /bin/sleep (two runc processes, as a user would type
// them), alternating, back to back.
void BM_PauseUnpauseVsRunc(benchmark::State& state) {
    SleepersSideBySide both(state, "lifecycle-lab-bench-sleep");
    if (!both.ready)
        return;
    Alternation pairs;
    for (auto _ : state) {
        const auto labPair = [&] {
            return both.lab.await(*both.sleeper, lab::Command::Pause) &&
                   both.lab.await(*both.sleeper, lab::Command::Unpause);
        };
        const auto runcPair = [&] {
            return spawnAndWait({"runc", "--root", both.root, "pause", both.id}) == 0 &&
                   spawnAndWait({"runc", "--root", both.root, "resume", both.id}) == 0;
        };
        if (!pairs.iterate(state, labPair, runcPair)) {
            state.SkipWithError("pause or unpause failed");
            break;
        }
    }
    pairs.report(state);
}
BENCHMARK(BM_PauseUnpauseVsRunc)->Unit(benchmark::kMillisecond)->UseManualTime();

// docker exec of `true` in a running `sleep` through the lab (the container's namespaces,
// cgroup and confinement: Docker's 14 capabilities and seccomp profile) against `runc exec` of
// /bin/true in a `runc run -d` of /bin/sleep (runc's default bundle: its 3 capabilities, no
// seccomp filter), alternating, each to the process's exit.
void BM_ExecTrueVsRunc(benchmark::State& state) {
    SleepersSideBySide both(state, "lifecycle-lab-bench-exec");
    if (!both.ready)
        return;
    Alternation pairs;
    for (auto _ : state) {
        const auto labExec = [&] {
            auto session =
                both.lab.engine->exec(*both.sleeper, lab::ExecRequest{{"true"}}, "sleeper");
            return session &&
                   both.lab.engine->runUntil([&] { return (*session)->exitCode.has_value(); },
                                             std::chrono::seconds(10)) &&
                   (*session)->exitCode == 0;
        };
        const auto runcExec = [&] {
            return spawnAndWait({"runc", "--root", both.root, "exec", both.id, "/bin/true"}) == 0;
        };
        if (!pairs.iterate(state, labExec, runcExec)) {
            state.SkipWithError("an exec failed");
            break;
        }
    }
    pairs.report(state);
}
BENCHMARK(BM_ExecTrueVsRunc)->Unit(benchmark::kMillisecond)->UseManualTime();

} // namespace

BENCHMARK_MAIN();
