#pragma once
// The process of a simulated container: what its command does on engine time, as real
// busybox / nginx / redis / tomcat processes do as PID 1 under Docker 20.10 (docs/WORKLOAD.md
// has what was observed on a real engine and the sources for each model).
//
// How the backend drives it:
//   start()      -> the runtime's answer: a running workload or Docker's start failure
//   nextWake()   -> when to call advanceTo() next (may equal the start time: call it at once)
//   advanceTo()  -> what it printed and whether it exited, up to that moment
//   deliver()    -> a signal from `docker stop/kill`; PID 1 ignores those it has no handler for
//   freeze()/thaw() -> the cgroup freezer: nothing happens while frozen, signals wait (even
//                   SIGKILL, as with cgroup v1), sleeps keep their deadlines and what fell due
//                   during the freeze happens at the thaw
//   terminate()  -> the kernel ends it regardless (OOM kill): exits at once with the given code
// Every call lets time run up to its `now` first; times must not go backwards.

#include "base/Expected.h"
#include "engine/StartFailure.h"
#include "sim/Process.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lab {

/// A container's main process on the engine's clock.
class Workload {
public:
    /// Starts argv (entrypoint + cmd, joined as Docker does) at `now`; with `init`, docker-init
    /// (tini) is PID 1 and forwards signals to it.
    /// files is the container's root filesystem (none: a fresh one of the base tree); env the
    /// process's environment (NAME=value: the shell sees each as a variable); scripts the
    /// container's programs parsed so far, kept across its restarts (none: parse them every time);
    /// stdinOpen: started with -i, its stdin waits for input().
    static Expected<Workload, StartFailure>
    start(const std::vector<std::string>& argv, bool init, TimePoint now,
          std::shared_ptr<Filesystem> files = nullptr, std::vector<std::string> env = {},
          std::shared_ptr<shell::ParsedScripts> scripts = nullptr, bool stdinOpen = false);

    /// Starts argv as `docker exec` does at `now`: a process of the running container that is not
    /// its PID 1; runc's failures are worded for an exec and answered with 126.
    static Expected<Workload, StartFailure> exec(const std::vector<std::string>& argv,
                                                 TimePoint now, std::shared_ptr<Filesystem> files,
                                                 std::vector<std::string> env);

    /// When it next does something by itself; nothing when frozen, ended, or only waiting.
    std::optional<TimePoint> nextWake() const;
    /// Lets time run to t: output and at most one Exit, in time order.
    std::vector<Happening> advanceTo(TimePoint t);
    /// Sends a signal at `now`: ignored, handled (maybe later: traps wait for the foreground
    /// command), or fatal (Exit with 128+signal).
    std::vector<Happening> deliver(int signal, TimePoint now);
    /// Bytes written to its stdin at `now` (ended: closed after them); frozen, they wait in
    /// the pipe for the thaw.
    std::vector<Happening> input(const std::string& bytes, bool ended, TimePoint now);
    /// Freezes every task (docker pause).
    std::vector<Happening> freeze(TimePoint now);
    /// Thaws: queued signals arrive, then whatever fell due while frozen happens, at `now`.
    std::vector<Happening> thaw(TimePoint now);
    /// Ends the process at once with `exitCode`, frozen or not (the OOM killer: 137).
    std::vector<Happening> terminate(int exitCode, TimePoint now);

    /// The container's memory limit as its processes meet it (0: none): holding more, a shell
    /// is OOM-killed (an OutOfMemory happening, then Exit 137).
    void setMemoryLimit(std::int64_t bytes) { m_memory->limit = bytes; }
    /// Bytes held besides the nominal size of its processes.
    std::int64_t heldBytes() const { return m_main ? m_main->heldBytes() : 0; }

    /// True once the process has exited.
    bool exited() const { return m_exitCode.has_value(); }
    /// The exit code once exited.
    std::optional<int> exitCode() const { return m_exitCode; }
    /// True between freeze() and thaw().
    bool frozen() const { return m_frozen; }

private:
    Workload() = default;
    void run(TimePoint floor, TimePoint until, Sink& sink);
    void noteExit(Sink& sink);

    std::unique_ptr<PidCounter> m_pids; // heap: processes keep a pointer across moves
    std::shared_ptr<MemoryBudget> m_memory = std::make_shared<MemoryBudget>();
    std::unique_ptr<Process> m_main; // PID 1, or tini's child with --init
    bool m_init = false;
    bool m_frozen = false;
    std::vector<int> m_queued;  // signals sent while frozen
    std::string m_pendingInput; // stdin written while frozen
    bool m_inputEnded = false;
    TimePoint m_now{};
    std::optional<int> m_exitCode;
};

} // namespace lab
