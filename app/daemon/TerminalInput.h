#pragma once
// What the terminal of a container started with -t does to the bytes its client types before
// the process reads them (the kernel's line discipline in canonical mode, with echo): the docker
// CLI puts the learner's terminal in raw mode and sends every key as it is pressed, so echo,
// erasing and the end of a line happen here, on the daemon's side of the stream.

#include <string>

namespace lab::daemon {

/// A container's terminal in canonical mode: keys in, echo and whole lines out.
class TerminalInput {
public:
    /// What one batch of keys did.
    struct Result {
        std::string echo;   ///< what the terminal shows (the keys, "\b \b" for an erase, ^C)
        std::string lines;  ///< whole lines ("...\n") for the process's stdin
        bool ended = false; ///< Ctrl-D on an empty line: end of file for the process
    };

    /// Feeds the keys typed: printable bytes join the line and echo, Enter ends it (echoed as
    /// "\r\n"), Backspace / Ctrl-U / Ctrl-W erase, Ctrl-C drops the line, Ctrl-D on an empty line
    /// ends input; cursor keys and other escape sequences are swallowed.
    Result feed(const std::string& keys);

private:
    enum class Escape { None, Started, Sequence }; ///< ESC, ESC [ (or O) ... final byte
    void eraseLast(Result& result);

    std::string m_line;
    Escape m_escape = Escape::None;
};

} // namespace lab::daemon
