#pragma once
// One modelled process inside a simulated container: a program (sleep, nginx, ...) or a busybox
// shell. Processes live on engine time: they are told how far time has gone and which signals
// arrive, and they answer with what they printed and when they ended. No threads, no wall clock.

#include "base/Time.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lab {

namespace shell {
class ParsedScripts;
}
class Filesystem;

/// Where a process's bytes go: the container's two log streams.
enum class Stream { Stdout, Stderr };

/// Something a workload did by itself, at a moment of engine time.
struct Happening {
    enum class Kind { Output, Exit, OutOfMemory }; ///< OutOfMemory: the OOM killer chose it
    Kind kind = Kind::Output;
    TimePoint at;
    Stream stream = Stream::Stdout; ///< Output only
    std::string text;               ///< Output only: the bytes as written, usually ending in '\n'
    int exitCode = 0;               ///< Exit only: 0..255, 128+n when killed by signal n
};

/// Collects what processes do while they are advanced or signalled.
using Sink = std::vector<Happening>;

/// Where a process's stdout and stderr end up: a container stream, a file of the container,
/// or nowhere (/dev/null).
struct StreamMap {
    std::optional<Stream> out = Stream::Stdout;
    std::optional<Stream> err = Stream::Stderr;
    std::string outFile; ///< set (and out empty): fd 1 writes to this file of the container
    std::string errFile; ///< the same for fd 2
    /// The container stream that fd 1 (Stdout) or fd 2 (Stderr) of this process reaches.
    std::optional<Stream> route(Stream fd) const { return fd == Stream::Stdout ? out : err; }
    /// The file fd 1 or fd 2 writes to; empty when none.
    const std::string& file(Stream fd) const { return fd == Stream::Stdout ? outFile : errFile; }
};

/// Hands out process IDs inside one container, in order, as the kernel does.
class PidCounter {
public:
    /// The next free PID.
    int next() { return m_next++; }

private:
    int m_next = 2;
};

/// The memory limit of a container's cgroup as its processes meet it: a process that would
/// hold more is killed by the OOM killer. Shared by the container's processes; docker update
/// changes it.
struct MemoryBudget {
    std::int64_t limit = 0; ///< bytes a process may hold besides its nominal size; 0: no limit
};

/// What a new process inherits from whoever started it.
struct ProcessContext {
    int pid = 1; ///< the PID inside the container
    /// PID 1 of the container: the kernel drops signals it has no handler for (except KILL).
    bool pid1 = true;
    /// Signals set to SIG_IGN by the parent (`trap '' TERM`): ignored handlers survive exec.
    std::set<int> ignored;
    StreamMap streams;          ///< where fd 1 and fd 2 lead
    PidCounter* pids = nullptr; ///< the container's PID allocator (owned by the Workload)
    /// The container's root filesystem; shared by its processes (never null).
    std::shared_ptr<Filesystem> files;
    std::vector<std::string> env; ///< NAME=value, as execve passes it
    /// The container's scripts already parsed, kept across its restarts (none: parse each time).
    std::shared_ptr<shell::ParsedScripts> scripts;
    std::shared_ptr<const MemoryBudget> memory; ///< the container's limit (owned by the Workload)
    /// Its stdin stays open for input (`docker run -i`): a shell without a script reads commands
    /// from it instead of meeting end of file at once.
    bool stdinOpen = false;
};

/// A modelled process; see Program.h and Shell.h for the kinds.
class Process {
public:
    /// A process with what it inherited from its parent.
    explicit Process(ProcessContext context) : m_context(std::move(context)) {}
    virtual ~Process() = default;
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    /// When it next does something by itself; nothing if it only waits for signals or has ended.
    virtual std::optional<TimePoint> nextWake() const = 0;
    /// Lets time run up to `until`; what was due before `floor` (a thaw) happens at `floor`.
    virtual void advance(TimePoint floor, TimePoint until, Sink& sink) = 0;
    /// A signal arrives at `now`: handled, ignored, or fatal.
    virtual void signal(int signal, TimePoint now, Sink& sink) = 0;

    /// Bytes arrive on its stdin at `now` (ended: the writer closed it). Programs that never
    /// read stdin leave them unread.
    virtual void input(const std::string& /*bytes*/, bool /*ended*/, TimePoint /*now*/,
                       Sink& /*sink*/) {}
    /// Bytes it holds besides its nominal size (a shell's variables).
    virtual std::int64_t heldBytes() const { return 0; }
    /// The exit code once the process has ended.
    std::optional<int> exitCode() const { return m_exitCode; }
    /// When it ended; meaningful once exitCode() is set.
    TimePoint exitTime() const { return m_exitTime; }
    /// The process's PID inside the container.
    int pid() const { return m_context.pid; }

protected:
    /// Records the end of the process.
    void finish(int code, TimePoint at) {
        if (!m_exitCode) {
            m_exitCode = code & 0xff;
            m_exitTime = at;
        }
    }
    /// Writes to fd 1 or fd 2, following the redirections the process was started with.
    void write(Sink& sink, TimePoint at, Stream fd, std::string text, const StreamMap& map) const;
    void write(Sink& sink, TimePoint at, Stream fd, std::string text) const {
        write(sink, at, fd, std::move(text), m_context.streams);
    }
    /// True when an unhandled signal does nothing: PID 1's kernel protection, an inherited
    /// SIG_IGN, or a signal whose default is to be ignored. SIGKILL is never ignored.
    bool dropsUnhandled(int signal) const;

    ProcessContext m_context;

private:
    std::optional<int> m_exitCode;
    TimePoint m_exitTime{};
};

/// A process's context for a child it starts (a fresh PID, not PID 1, same streams).
ProcessContext childContext(const ProcessContext& parent, StreamMap streams);

} // namespace lab
