#include "sim/Shell.h"

#include "base/Limits.h"
#include "sim/Applets.h"
#include "sim/Filesystem.h"
#include "sim/Programs.h"
#include "sim/ShellExpand.h"
#include "sim/Signal.h"

#include <algorithm>

namespace lab {
namespace {

using shell::Node;

// A loop that never blocks would spin forever on a real CPU; the model lets it run this many
// steps per instant, then lets time pass: 100 ms, doubling while the loop stays busy up to a
// minute. The work an engine day costs is bounded (a day of a spinning container is about 1500
// bursts, not millions), so engine time never crawls.
constexpr int kStepsPerInstant = 1000;
constexpr Duration kBusyPause = 100ms;
constexpr Duration kLongestBusyPause = 60s;
// Finished background jobs whose status `wait PID` can still report (POSIX asks for CHILD_MAX).
constexpr std::size_t kRememberedJobs = 1024;

} // namespace

Shell::Shell(ProcessContext context, shell::NodePtr script, std::vector<std::string> args,
             bool commandString, TimePoint start)
    : Process(std::move(context)), m_args(std::move(args)), m_commandString(commandString),
      m_busyPause(kBusyPause), m_now(start) {
    if (m_args.empty())
        m_args.push_back("sh");
    // The environment becomes shell variables, as in any sh.
    for (const std::string& variable : m_context.env)
        if (const auto equals = variable.find('='); equals != std::string::npos)
            m_vars[variable.substr(0, equals)] = variable.substr(equals + 1);
    m_readsStdin = script == nullptr;
    if (script)
        push(std::move(script), commandString);
}

Shell::~Shell() = default;

std::int64_t Shell::heldBytes() const {
    std::int64_t bytes = 0;
    for (const auto& [name, value] : m_vars)
        bytes += std::int64_t(name.size() + value.size());
    return bytes;
}

bool Shell::outOfMemory(Sink& sink) {
    const std::int64_t held = heldBytes();
    const std::int64_t limit = m_context.memory ? m_context.memory->limit : 0;
    if (limit > 0 && held > limit) {
        // The kernel's OOM killer: SIGKILL, and the container's cgroup records an OOM.
        sink.push_back({Happening::Kind::OutOfMemory, m_now, Stream::Stdout, {}, 0});
        finish(128 + sig::KILL, m_now);
        return true;
    }
    if (std::size_t(held) > limits::kShellVariableBytes) {
        error(sink,
              limits::beyond("variables too large", std::int64_t(limits::kShellVariableBytes)),
              m_context.streams);
        beginExit(2);
        return true;
    }
    return false;
}

bool Shell::blocked() const {
    return exitCode() || m_execed || m_foreground || m_waiting || m_busyUntil;
}

std::optional<TimePoint> Shell::nextWake() const {
    if (exitCode())
        return std::nullopt;
    if (m_execed)
        return m_execed->nextWake();
    if (!m_started)
        return m_now;
    std::optional<TimePoint> wake = m_busyUntil;
    auto consider = [&wake](const std::optional<TimePoint>& t) {
        if (t && (!wake || *t < *wake))
            wake = t;
    };
    if (m_foreground)
        consider(m_foreground->nextWake());
    for (const auto& job : m_jobs)
        consider(job.process->nextWake());
    return wake;
}

void Shell::advance(TimePoint floor, TimePoint until, Sink& sink) {
    while (!exitCode() && !m_execed) {
        const auto wake = nextWake();
        if (!wake || *wake > until)
            break;
        const TimePoint t = std::max(*wake, floor);
        m_now = std::max(m_now, t);
        m_started = true;
        if (m_foreground)
            m_foreground->advance(floor, t, sink);
        for (auto& job : m_jobs)
            job.process->advance(floor, t, sink);
        reapJobs();
        if (m_busyUntil && *m_busyUntil <= t)
            m_busyUntil.reset();
        afterChildren(sink);
        run(sink);
    }
    if (m_execed && !exitCode()) {
        m_execed->advance(floor, until, sink);
        if (auto code = m_execed->exitCode())
            finish(*code, m_execed->exitTime());
    }
}

void Shell::afterChildren(Sink& sink) {
    if (m_foreground && m_foreground->exitCode()) {
        m_status = *m_foreground->exitCode();
        m_foreground.reset();
        // ash notices a SIGINT that came during the wait only now (INT_ON after waitpid).
        if (m_pendingInterrupt)
            interrupt(sink);
    }
    if (m_waiting)
        checkWait();
}

void Shell::reapJobs() {
    for (auto job = m_jobs.begin(); job != m_jobs.end();) {
        if (!job->process->exitCode()) {
            ++job;
            continue;
        }
        m_finished.emplace_back(job->pid, *job->process->exitCode());
        job = m_jobs.erase(job);
    }
    if (m_finished.size() > kRememberedJobs)
        m_finished.erase(m_finished.begin(),
                         m_finished.end() - static_cast<std::ptrdiff_t>(kRememberedJobs));
}

bool Shell::isJob(int pid) const {
    return std::any_of(m_jobs.begin(), m_jobs.end(),
                       [pid](const Job& j) { return j.pid == pid; }) ||
           std::any_of(m_finished.begin(), m_finished.end(),
                       [pid](const auto& f) { return f.first == pid; });
}

std::optional<int> Shell::jobStatus(int pid) const {
    auto job =
        std::find_if(m_jobs.begin(), m_jobs.end(), [pid](const Job& j) { return j.pid == pid; });
    if (job != m_jobs.end())
        return job->process->exitCode();
    auto finished = std::find_if(m_finished.begin(), m_finished.end(),
                                 [pid](const auto& f) { return f.first == pid; });
    return finished != m_finished.end() ? std::optional<int>(finished->second) : 127;
}

void Shell::checkWait() {
    reapJobs();
    if (m_waitFor.empty()) {
        if (m_jobs.empty()) {
            m_waiting = false;
            m_status = 0;
            m_finished.clear();
        }
        return;
    }
    if (std::all_of(m_waitFor.begin(), m_waitFor.end(),
                    [this](int pid) { return jobStatus(pid).has_value(); })) {
        m_waiting = false;
        m_status = *jobStatus(m_waitFor.back());
    }
}

void Shell::signal(int signal, TimePoint now, Sink& sink) {
    if (exitCode())
        return;
    m_now = std::max(m_now, now);
    if (m_execed) {
        m_execed->signal(signal, now, sink);
        if (auto code = m_execed->exitCode())
            finish(*code, m_execed->exitTime());
        return;
    }
    if (signal == sig::KILL) {
        finish(128 + signal, now);
        return;
    }
    if (auto trap = m_traps.find(signal); trap != m_traps.end()) {
        if (trap->second.text.empty())
            return; // trap '' SIG: ignored
        if (std::find(m_pending.begin(), m_pending.end(), signal) == m_pending.end())
            m_pending.push_back(signal);
        // The wait builtin and a busy loop notice at once; a foreground child is waited out.
        if (m_waiting || m_busyUntil) {
            if (m_waiting)
                m_status = 128 + signal;
            m_waiting = false;
            m_busyUntil.reset();
            run(sink);
        }
        return;
    }
    if (signal == sig::INT && m_commandString) {
        if (m_foreground)
            m_pendingInterrupt = true;
        else
            interrupt(sink);
        return;
    }
    if (dropsUnhandled(signal))
        return;
    finish(128 + signal, now);
}

void Shell::interrupt(Sink& sink) {
    m_pendingInterrupt = false;
    m_waiting = false;
    m_busyUntil.reset();
    // ash resets SIGINT to default and raises it: fatal unless the kernel protects PID 1, in
    // which case ash goes on to exit 130 through its normal exit path (EXIT trap included).
    if (!m_context.pid1) {
        finish(128 + sig::INT, m_now);
        return;
    }
    m_stack.clear();
    m_pending.clear();
    m_status = 128 + sig::INT;
    beginExit(m_status);
    run(sink);
}

void Shell::push(shell::NodePtr node, bool tail, Role role) {
    Frame frame;
    frame.node = std::move(node);
    frame.tail = tail;
    frame.role = role;
    m_stack.push_back(std::move(frame));
}

void Shell::takePendingTraps() {
    // Push in reverse so that the first signal's trap runs first.
    for (auto it = m_pending.rbegin(); it != m_pending.rend(); ++it) {
        auto trap = m_traps.find(*it);
        if (trap == m_traps.end() || trap->second.text.empty())
            continue;
        Frame frame;
        frame.role = Role::Trap;
        frame.saved = m_status;
        frame.node = trap->second.action ? *trap->second.action : nullptr;
        m_stack.push_back(std::move(frame));
    }
    m_pending.clear();
}

void Shell::beginExit(int code) {
    m_stack.clear();
    auto exitTrap = m_traps.find(0);
    if (exitTrap == m_traps.end() || exitTrap->second.text.empty() || !exitTrap->second.action) {
        finish(code, m_now);
        return;
    }
    // The EXIT trap runs once; `exit` inside it sets the final code, otherwise `code` stands.
    Frame frame;
    frame.role = Role::ExitTrap;
    frame.saved = code;
    frame.node = *exitTrap->second.action;
    m_traps.erase(exitTrap);
    m_stack.push_back(std::move(frame));
}

void Shell::run(Sink& sink) {
    // Steps count per instant across calls: a loop whose every turn waits for a child that ends
    // at once (`while true; do sleep 0; done`) spins as surely as one of builtins.
    if (m_now != m_instant) {
        if (m_now != m_lastBusyEnd) // time passed because the script waited: not spinning
            m_busyPause = kBusyPause;
        m_instant = m_now;
        m_stepsThisInstant = 0;
    }
    while (!blocked()) {
        // A signal that comes while its trap runs waits for the trap to end (as ash's dotrap
        // does): a trap that signals its own shell repeats instead of nesting without end.
        const bool inTrap = std::any_of(m_stack.begin(), m_stack.end(),
                                        [](const Frame& f) { return f.role == Role::Trap; });
        if (!m_pending.empty() && !inTrap)
            takePendingTraps();
        if (m_stack.empty() && m_readsStdin && !exitCode() && takeInputLine(sink))
            continue;
        if (m_stack.empty() && m_readsStdin && !m_stdinEnded)
            return; // waits for the next line
        if (m_stack.empty()) {
            beginExit(m_status);
            continue;
        }
        step(sink);
        if (++m_stepsThisInstant >= kStepsPerInstant && !exitCode() && !m_execed) {
            m_busyUntil = m_now + m_busyPause;
            m_lastBusyEnd = m_busyUntil;
            m_busyPause = std::min(2 * m_busyPause, kLongestBusyPause);
            return;
        }
    }
}

shell::Parameters Shell::parameters() const {
    shell::Parameters params;
    params.positional.assign(m_args.begin() + 1, m_args.end());
    params.lookup = [this](const std::string& name) -> std::optional<std::string> {
        if (name == "?")
            return std::to_string(m_status);
        if (name == "$")
            return std::to_string(m_context.pid);
        if (name == "!")
            return m_lastBackground ? std::to_string(m_lastBackground) : std::string();
        if (name == "#")
            return std::to_string(m_args.size() - 1);
        if (name == "-")
            return std::string();
        if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') {
            const auto index = static_cast<std::size_t>(name[0] - '0');
            return index < m_args.size() ? std::optional<std::string>(m_args[index]) : std::nullopt;
        }
        auto var = m_vars.find(name);
        return var == m_vars.end() ? std::nullopt : std::optional<std::string>(var->second);
    };
    return params;
}

void Shell::error(Sink& sink, const std::string& message, const StreamMap& streams) {
    write(sink, m_now, Stream::Stderr, "sh: " + message + "\n", streams);
}

std::optional<StreamMap> Shell::redirected(const Node& node, Sink& sink) {
    StreamMap streams = m_context.streams;
    for (const auto& redirect : node.redirects) {
        std::optional<Stream>& target = redirect.fd == 1 ? streams.out : streams.err;
        std::string& targetFile = redirect.fd == 1 ? streams.outFile : streams.errFile;
        if (redirect.dupTo != 0) {
            target = redirect.dupTo == 1 ? streams.out : streams.err;
            targetFile = redirect.dupTo == 1 ? streams.outFile : streams.errFile;
            continue;
        }
        auto file = shell::expandWord(redirect.file, parameters());
        if (!file) {
            error(sink, file.error().message, m_context.streams);
            return std::nullopt;
        }
        target = *file == "/dev/stdout"   ? m_context.streams.out
                 : *file == "/dev/stderr" ? m_context.streams.err
                                          : std::nullopt;
        targetFile.clear();
        if (target || *file == "/dev/null")
            continue;
        // Writing to a file inside the container: nothing reaches docker logs.
        const std::string path = normalisePath(*file);
        if (Status opened = m_context.files->open(path, redirect.append); !opened) {
            error(sink, "can't create " + *file + ": " + opened.error().message, m_context.streams);
            return std::nullopt;
        }
        targetFile = path;
    }
    return streams;
}

void Shell::runSimple(const Node& node, bool tail, Sink& sink) {
    const auto params = parameters();
    auto argv = shell::expandFields(node.words, params);
    std::vector<std::pair<std::string, std::string>> assignments;
    for (const auto& [name, word] : node.assignments) {
        auto value = shell::expandWord(word, params);
        if (!value) {
            argv = value.error();
            break;
        }
        assignments.emplace_back(name, *value);
    }
    if (!argv) {
        // A failed expansion ends a non-interactive shell.
        error(sink, argv.error().message, m_context.streams);
        beginExit(2);
        return;
    }
    for (const auto& [name, value] : assignments)
        m_vars[name] = value;
    if (outOfMemory(sink))
        return;
    auto streams = redirected(node, sink);
    if (!streams) {
        m_status = 1;
        return;
    }
    if (argv->empty()) {
        m_status = 0;
        return;
    }
    if (!runBuiltin(*argv, *streams, sink))
        runExternal(*argv, *streams, tail, false, sink);
}

void Shell::runExternal(const std::vector<std::string>& argv, const StreamMap& streams, bool tail,
                        bool background, Sink& sink) {
    switch (lookupProgram(argv[0])) {
    case Lookup::NotInPath:
    case Lookup::NoSuchFile:
        error(sink, argv[0] + ": not found", streams);
        m_status = 127;
        return;
    case Lookup::PermissionDenied:
        error(sink, argv[0] + ": Permission denied", streams);
        m_status = 126;
        return;
    case Lookup::Found:
        break;
    }
    // ash's EV_EXIT: with -c and no trap ever set, the last command replaces the shell.
    const bool mayHaveTraps = std::any_of(
        m_traps.begin(), m_traps.end(), [](const auto& trap) { return !trap.second.text.empty(); });
    if (tail && !background && m_commandString && !mayHaveTraps) {
        exec(argv, streams, false, sink);
        return;
    }
    auto child = launchProgram(argv, childContext(m_context, streams), m_now);
    if (background) {
        m_lastBackground = child->pid();
        m_jobs.push_back({child->pid(), std::move(child)});
    } else {
        m_foreground = std::move(child);
    }
}

void Shell::startBackground(const shell::NodePtr& node, Sink& sink) {
    if (node->kind == Node::Kind::Simple && !node->words.empty()) {
        auto argv = shell::expandFields(node->words, parameters());
        auto streams = redirected(*node, sink);
        if (argv && streams && !argv->empty() && !isShellBuiltin((*argv)[0])) {
            runExternal(*argv, *streams, false, true, sink);
            return;
        }
    }
    // Anything else runs in a forked copy of this shell: same variables, traps reset.
    auto child = std::make_unique<Shell>(childContext(m_context, m_context.streams), node, m_args,
                                         false, m_now);
    child->m_vars = m_vars;
    m_lastBackground = child->pid();
    m_jobs.push_back({child->pid(), std::move(child)});
}

void Shell::exec(const std::vector<std::string>& argv, const StreamMap& streams, bool builtin,
                 Sink& sink) {
    const Lookup found = lookupProgram(argv[0]);
    if (found != Lookup::Found) {
        const bool denied = found == Lookup::PermissionDenied;
        error(sink,
              (builtin ? "exec: line 0: " : "") + argv[0] +
                  (denied ? ": Permission denied" : ": not found"),
              streams);
        beginExit(denied ? 126 : 127);
        return;
    }
    // The new program keeps the PID (and PID 1's protection) and the ignored signals only.
    ProcessContext context = m_context;
    context.streams = streams;
    m_stack.clear();
    m_execed = launchProgram(argv, std::move(context), m_now);
}

} // namespace lab
