#include "sim/Workload.h"

#include "sim/Filesystem.h"
#include "sim/Program.h"
#include "sim/Programs.h"
#include "sim/Signal.h"

#include <utility>

namespace lab {
namespace {

// The prefix containerd 1.6 / runc 1.1 put before an exec error (docs/DOCKER-BEHAVIOUR.md §2.2).
const std::string kRuncPrefix = "failed to create shim task: OCI runtime create failed: runc "
                                "create failed: unable to start container process: ";
// The same for a `docker exec` (docs/DOCKER-BEHAVIOUR.md §10.1).
const std::string kRuncExecPrefix =
    "OCI runtime exec failed: exec failed: unable to start container process: ";

// docker-init's child had PID 7 in every run observed ("[FATAL tini (7)] ...").
constexpr int kInitChildPid = 7;

std::optional<StartFailure> runcFailure(const std::string& name,
                                        const std::string& prefix = kRuncPrefix) {
    switch (lookupProgram(name)) {
    case Lookup::Found:
        return std::nullopt;
    case Lookup::NotInPath:
        return StartFailure{127, prefix + "exec: \"" + name +
                                     "\": executable file not found in $PATH: unknown"};
    case Lookup::NoSuchFile:
        return StartFailure{127, prefix + "exec: \"" + name + "\": stat " + name +
                                     ": no such file or directory: unknown"};
    case Lookup::PermissionDenied:
        return StartFailure{126, prefix + "exec: \"" + name + "\": permission denied: unknown"};
    }
    return std::nullopt;
}

} // namespace

Expected<Workload, StartFailure> Workload::exec(const std::vector<std::string>& argv, TimePoint now,
                                                std::shared_ptr<Filesystem> files,
                                                std::vector<std::string> env) {
    if (argv.empty())
        return tl::unexpected(StartFailure{126, "No exec command specified"});
    if (auto failure = runcFailure(argv[0], kRuncExecPrefix)) {
        failure->exitCode = 126; // the daemon answers every failed exec start with 126
        return tl::unexpected(*failure);
    }
    Workload workload;
    workload.m_now = now;
    workload.m_pids = std::make_unique<PidCounter>();
    ProcessContext context;
    context.pid1 = false;
    context.pid = workload.m_pids->next();
    context.pids = workload.m_pids.get();
    context.files = files ? std::move(files) : std::make_shared<Filesystem>();
    context.env = std::move(env);
    context.memory = workload.m_memory;
    workload.m_main = launchProgram(argv, context, now);
    return workload;
}

Expected<Workload, StartFailure> Workload::start(const std::vector<std::string>& argv, bool init,
                                                 TimePoint now, std::shared_ptr<Filesystem> files,
                                                 std::vector<std::string> env,
                                                 std::shared_ptr<shell::ParsedScripts> scripts,
                                                 bool stdinOpen) {
    // The daemon refuses this at create; a start can only get here through a programming error.
    if (argv.empty())
        return tl::unexpected(StartFailure{128, "No command specified"});

    Workload workload;
    workload.m_init = init;
    workload.m_now = now;
    workload.m_pids = std::make_unique<PidCounter>();
    ProcessContext context;
    context.pids = workload.m_pids.get();
    context.files = files ? std::move(files) : std::make_shared<Filesystem>();
    context.env = std::move(env);
    context.scripts = std::move(scripts);
    context.memory = workload.m_memory;
    context.stdinOpen = stdinOpen;
    if (!init) {
        if (auto failure = runcFailure(argv[0]))
            return tl::unexpected(*failure);
        workload.m_main = launchProgram(argv, context, now);
        return workload;
    }
    // tini always starts; if it cannot exec the command it says so and exits 127 or 126.
    context.pid = kInitChildPid;
    context.pid1 = false;
    while (workload.m_pids->next() < kInitChildPid) {
    }
    const Lookup found = lookupProgram(argv[0]);
    if (found == Lookup::Found) {
        workload.m_main = launchProgram(argv, context, now);
        return workload;
    }
    const bool denied = found == Lookup::PermissionDenied;
    auto tiniFailure = std::make_unique<Program>(context, now);
    tiniFailure->print(
        now, Stream::Stderr,
        "[FATAL tini (" + std::to_string(kInitChildPid) + ")] exec " + argv[0] +
            " failed: " + (denied ? "Permission denied" : "No such file or directory") + "\n");
    tiniFailure->exitAt(now, denied ? 126 : 127);
    workload.m_main = std::move(tiniFailure);
    return workload;
}

std::optional<TimePoint> Workload::nextWake() const {
    if (m_exitCode || m_frozen)
        return std::nullopt;
    auto wake = m_main->nextWake();
    if (wake && *wake < m_now)
        return m_now;
    return wake;
}

void Workload::run(TimePoint floor, TimePoint until, Sink& sink) {
    if (until > m_now)
        m_now = until;
    if (m_exitCode || m_frozen)
        return;
    m_main->advance(floor, until, sink);
    noteExit(sink);
}

void Workload::noteExit(Sink& sink) {
    if (m_exitCode || !m_main->exitCode())
        return;
    m_exitCode = m_main->exitCode();
    sink.push_back({Happening::Kind::Exit, m_main->exitTime(), Stream::Stdout, {}, *m_exitCode});
}

std::vector<Happening> Workload::advanceTo(TimePoint t) {
    Sink sink;
    run(TimePoint::min(), t, sink);
    return sink;
}

std::vector<Happening> Workload::deliver(int signal, TimePoint now) {
    Sink sink;
    run(TimePoint::min(), now, sink);
    if (m_exitCode || signal <= 0)
        return sink;
    if (m_frozen) {
        m_queued.push_back(signal);
        return sink;
    }
    // Without --init the main process is PID 1 and applies the kernel's rule itself. With it,
    // tini forwards every signal to its child, except SIGKILL, which kills tini and with it the
    // namespace: the same 137 either way.
    m_main->signal(signal, now, sink);
    noteExit(sink);
    return sink;
}

std::vector<Happening> Workload::input(const std::string& bytes, bool ended, TimePoint now) {
    Sink sink;
    run(TimePoint::min(), now, sink);
    if (m_exitCode)
        return sink;
    if (m_frozen) {
        m_pendingInput += bytes;
        m_inputEnded = m_inputEnded || ended;
        return sink;
    }
    m_main->input(bytes, ended, now, sink);
    noteExit(sink);
    return sink;
}

std::vector<Happening> Workload::freeze(TimePoint now) {
    Sink sink;
    run(TimePoint::min(), now, sink);
    m_frozen = !m_exitCode;
    return sink;
}

std::vector<Happening> Workload::thaw(TimePoint now) {
    Sink sink;
    if (now > m_now)
        m_now = now;
    if (!m_frozen)
        return advanceTo(now);
    m_frozen = false;
    // A signal that arrived during the freeze is handled first when the tasks run again.
    for (int signal : std::exchange(m_queued, {})) {
        if (m_exitCode)
            break;
        m_main->signal(signal, now, sink);
        noteExit(sink);
    }
    if (!m_exitCode && (!m_pendingInput.empty() || m_inputEnded)) {
        m_main->input(std::exchange(m_pendingInput, {}), std::exchange(m_inputEnded, false), now,
                      sink);
        noteExit(sink);
    }
    run(now, now, sink);
    return sink;
}

std::vector<Happening> Workload::terminate(int exitCode, TimePoint now) {
    Sink sink;
    if (!m_frozen)
        run(TimePoint::min(), now, sink);
    if (!m_exitCode) {
        m_exitCode = exitCode;
        m_frozen = false;
        sink.push_back({Happening::Kind::Exit, now, Stream::Stdout, {}, exitCode});
    }
    return sink;
}

} // namespace lab
