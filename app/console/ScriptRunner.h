#pragma once
// The console's two non-interactive ways to run lines: a script into a transcript in the format
// of tests/golden (what its record.sh writes for a real engine), and plain mode, where each
// command's output goes to the real stdout and stderr.

#include "base/Expected.h"
#include "session/Session.h"

#include <iosfwd>
#include <string>
#include <string_view>

namespace lab {

/// Runs every line of script and writes the transcript: "$ line", "> out", "! err", "[rc=N]",
/// "@ sleep N". Fails only when the script cannot be read; commands may fail as they like.
/// With trace, the kernel operations of each line go there (see printKernelTrace).
Status runScript(std::istream& script, Session& session, std::ostream& transcript,
                 std::ostream* trace = nullptr);

/// Writes the session's kernel operations since the last call, "  [kernel] SHORTID operation".
void printKernelTrace(Session& session, std::ostream& trace);

/// Plain and interactive mode: runs lines one at a time, remembering the last exit status.
class CommandLoop {
public:
    /// With trace, each line's kernel operations follow its output there.
    CommandLoop(Session& session, std::ostream& out, std::ostream& err,
                std::ostream* trace = nullptr)
        : m_session(session), m_out(out), m_err(err), m_trace(trace) {}

    /// Runs one line (a docker command, @sleep, help, exit/quit); false once the user leaves.
    bool feed(std::string_view line);
    /// Runs every line of input until its end or exit/quit.
    void feedAll(std::istream& input);
    /// The exit status of the last command run (0 before any).
    int status() const { return m_status; }

private:
    void printHelp();
    void printTrace();

    Session& m_session;
    std::ostream& m_out;
    std::ostream& m_err;
    std::ostream* m_trace;
    int m_status = 0;
};

} // namespace lab
