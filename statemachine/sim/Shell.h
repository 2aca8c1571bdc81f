#pragma once
// busybox sh (ash) as a modelled process. What matters for the lifecycle, all observed on
// Docker 20.10.24 with busybox 1.35 (docs/WORKLOAD.md):
//  - a trapped signal runs its trap only once the foreground command has finished
//    (`trap 'exit 0' TERM; sleep 1000` still waits), but interrupts the `wait` builtin at once;
//  - with -c, the last simple command is exec'd when no trap is set, so `sh -c 'sleep 9'`
//    *is* sleep (and, as PID 1, ignores SIGTERM and SIGINT);
//  - with -c, ash catches SIGINT: it exits 130 after the foreground command (as PID 1 it runs
//    the EXIT trap first; otherwise it dies of the signal);
//  - other signals without a trap: ignored as PID 1, fatal otherwise.

#include "sim/Process.h"
#include "sim/ShellExpand.h"

#include <map>

namespace lab {

/// True for the names busybox sh runs itself instead of starting a program.
bool isShellBuiltin(const std::string& name);

/// Parses a script the container runs as its program: once for the container's life when its
/// context keeps the parsed scripts, so that a restart does not parse it again.
Expected<shell::NodePtr> parseProgram(const ProcessContext& context, std::string_view script);

/// A busybox shell interpreting a parsed script.
class Shell final : public Process {
public:
    /// `commandString`: started as `sh -c` (enables exec of the last command and catching
    /// SIGINT); otherwise a script file. args[0] is $0, the rest $1... Without a script the
    /// shell reads its commands from stdin, a line at a time, until end of file or `exit`.
    Shell(ProcessContext context, shell::NodePtr script, std::vector<std::string> args,
          bool commandString, TimePoint start);
    ~Shell() override; ///< ends with its children (the namespace goes with PID 1)

    std::optional<TimePoint> nextWake() const override;
    void advance(TimePoint floor, TimePoint until, Sink& sink) override;
    void signal(int signal, TimePoint now, Sink& sink) override;
    /// The bytes of its variables.
    std::int64_t heldBytes() const override;
    /// Commands typed on stdin (a shell without a script): each whole line runs in turn.
    void input(const std::string& bytes, bool ended, TimePoint now, Sink& sink) override;

private:
    enum class Role { Run, Trap, ExitTrap };
    struct Frame {
        shell::NodePtr node;
        Role role = Role::Run;
        bool tail = false; // nothing runs after it: `sh -c` may exec it
        int phase = 0;
        std::size_t index = 0;
        int saved = 0; // Trap: $? to restore; ExitTrap: the exit code; loops: last body status
        std::vector<std::string> items;
    };
    struct Job {
        int pid;
        std::unique_ptr<Process> process;
    };
    struct Trap {
        std::string text;
        Expected<shell::NodePtr> action;
    };

    bool blocked() const;
    /// A shell reading stdin with nothing to run: pushes its next whole line, or the rest at
    /// end of file. False while it waits for more input.
    bool takeInputLine(Sink& sink);
    void run(Sink& sink);
    void step(Sink& sink);
    void push(shell::NodePtr node, bool tail, Role role = Role::Run);
    void runSimple(const shell::Node& node, bool tail, Sink& sink);
    void startBackground(const shell::NodePtr& node, Sink& sink);
    void runExternal(const std::vector<std::string>& argv, const StreamMap& streams, bool tail,
                     bool background, Sink& sink);
    void exec(const std::vector<std::string>& argv, const StreamMap& streams, bool builtin,
              Sink& sink);
    void beginExit(int code);
    /// After an assignment: killed by the OOM killer beyond the container's memory limit, or
    /// stopped at the simulation's budget for variables. True when the shell ends.
    bool outOfMemory(Sink& sink);
    void interrupt(Sink& sink);
    void takePendingTraps();
    void checkWait();
    void reapJobs();
    /// True for a background job's PID, running or remembered.
    bool isJob(int pid) const;
    /// A background job's exit status: none while it runs, 127 for an unknown PID.
    std::optional<int> jobStatus(int pid) const;
    void afterChildren(Sink& sink);
    void error(Sink& sink, const std::string& message, const StreamMap& streams);
    shell::Parameters parameters() const;
    std::optional<StreamMap> redirected(const shell::Node& node, Sink& sink);

    // Builtins (ShellBuiltins.cpp); false when argv[0] is not one.
    bool runBuiltin(const std::vector<std::string>& argv, const StreamMap& streams, Sink& sink);
    void trapBuiltin(const std::vector<std::string>& argv, const StreamMap& streams, Sink& sink);
    void waitBuiltin(const std::vector<std::string>& argv);
    void killBuiltin(const std::vector<std::string>& argv, const StreamMap& streams, Sink& sink);
    void loopBuiltin(const std::vector<std::string>& argv, const StreamMap& streams, Sink& sink);
    void setBuiltin(const std::vector<std::string>& argv, const StreamMap& streams, Sink& sink);

    std::vector<Frame> m_stack;
    int m_status = 0;
    std::map<std::string, std::string> m_vars;
    std::vector<std::string> m_args;
    std::map<int, Trap> m_traps; // 0 = EXIT
    std::vector<int> m_pending;  // trapped signals not yet run, in arrival order
    bool m_pendingInterrupt = false;
    bool m_commandString;
    std::unique_ptr<Process> m_foreground;
    std::vector<Job> m_jobs;                     // still running
    std::vector<std::pair<int, int>> m_finished; // PID, exit status: the latest reaped jobs
    int m_lastBackground = 0;
    bool m_waiting = false;
    std::vector<int> m_waitFor; // empty: every job
    std::unique_ptr<Process> m_execed;
    std::optional<TimePoint> m_busyUntil;
    Duration m_busyPause{}; // the next pause of a busy loop (Shell.cpp: kBusyPause)
    TimePoint m_instant{};  // when the steps counted in m_stepsThisInstant ran
    int m_stepsThisInstant = 0;
    std::optional<TimePoint> m_lastBusyEnd; // the end of the last pause a busy loop was given
    bool m_started = false;
    TimePoint m_now;
    bool m_readsStdin = false; // started without a script: commands come from input()
    std::string m_typed;       // stdin not yet run
    bool m_stdinEnded = false;
};

} // namespace lab
