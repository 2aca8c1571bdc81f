#pragma once
// docker exec and docker top as both backends answer them: a second process started inside a
// running container, and the list of the container's processes.

#include "base/Time.h"

#include <optional>
#include <string>
#include <vector>

namespace lab {

/// What `docker exec` asks for (-e, -w, -u, -t; the command and its arguments).
struct ExecRequest {
    std::vector<std::string> argv;
    std::vector<std::string> env; ///< the container's .Config.Env, then -e (NAME=value)
    std::string workdir;          ///< -w; empty: the container's (/)
    std::string user;             ///< -u USER[:GROUP]; empty: the container's (root)
    bool tty = false;             ///< -t
};

/// One write of an exec'd process.
struct ExecOutput {
    bool isStderr = false;
    std::string text; ///< as written, usually ending in '\n'
};

/// What an exec'd process printed and how it ended, filled in as engine time passes.
struct ExecSession {
    std::vector<ExecOutput> output;
    std::optional<int> exitCode; ///< set when it ended (126 when runc could not start it)
};

/// One row of `docker top`: a process of the container as the host sees it.
struct ProcessEntry {
    int pid = 0;  ///< host PID
    int ppid = 0; ///< host PID of its parent (containerd-shim for PID 1 and exec'd processes)
    TimePoint started{};
    std::string command; ///< the command line, arguments joined by spaces
};

} // namespace lab
