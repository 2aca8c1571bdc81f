#pragma once
// The console between commands. The engine keeps running while the console waits for the next
// line, as Docker's daemon does while nobody types: a real container's exit is reaped when it
// happens, its --rm carried out, its restart made on time, its output drained. And the console
// takes its signals as a shell does: SIGINT cancels the line being typed (or the wait of the
// command running), SIGTERM and SIGHUP (the terminal closed) end the console as `exit` does, so
// the session still tears every container down.

#include <optional>
#include <string>

namespace lab {

class Session;

/// Input from a descriptor, waited for together with the session's engine; the console's
/// signal handlers live as long as it does (one at a time).
class ConsoleInput {
public:
    /// What ended a wait.
    enum class Wake { Input, Interrupted, Leaving, Resized };

    ConsoleInput(Session& session, int fd);
    ~ConsoleInput();
    ConsoleInput(const ConsoleInput&) = delete;
    ConsoleInput& operator=(const ConsoleInput&) = delete;

    int fd() const { return m_fd; }
    /// Waits until fd has input or a signal came, running what the engine has due meanwhile.
    Wake wait();
    /// Plain mode: the next line without its newline; nothing at the end of input or once a
    /// signal came (SIGINT then ends the console too: there is no line to cancel).
    std::optional<std::string> readLine();
    /// The signal that ends the console once it came (SIGTERM, SIGHUP), else 0.
    int leavingSignal() const;
    /// Whether a SIGINT came since the last call.
    bool takeInterrupt();

private:
    Session& m_session;
    int m_fd;
    std::string m_buffered; // plain mode: read but not yet returned
    bool m_atEnd = false;
};

} // namespace lab
