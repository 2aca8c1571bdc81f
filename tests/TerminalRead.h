#pragma once
// Reading what a program on a pseudo-terminal shows, for the tests that type into one (the
// console, the docker CLI): header-only, shared by those tests.

#include <chrono>
#include <functional>
#include <poll.h>
#include <string>
#include <unistd.h>

namespace lab::test {

/// Appends what terminal (the master side) shows to screen until seen() holds; false if it did
/// not within patience, or the terminal closed first.
inline bool readTerminalUntil(int terminal, std::string& screen, const std::function<bool()>& seen,
                              std::chrono::milliseconds patience) {
    const auto deadline = std::chrono::steady_clock::now() + patience;
    while (!seen()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd readable{terminal, POLLIN, 0};
        if (left.count() <= 0 || ::poll(&readable, 1, int(left.count())) != 1)
            return false;
        char chunk[4096];
        const ssize_t got = ::read(terminal, chunk, sizeof chunk);
        if (got <= 0)
            return false;
        screen.append(chunk, std::size_t(got));
    }
    return true;
}

} // namespace lab::test
