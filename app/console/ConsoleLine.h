#pragma once
// One line of console input, read the way the transcripts' record.sh reads a script: a docker
// command line split by POSIX shell word rules, or "@sleep N", or nothing (blank, # comment).

#include "base/Expected.h"
#include "base/Time.h"

#include <string>
#include <string_view>
#include <vector>

namespace lab {

/// A console line, read.
struct ConsoleLine {
    enum class Kind { Nothing, Docker, Sleep, Invalid };
    Kind kind = Kind::Nothing;
    std::vector<std::string> args; ///< Docker: the words, without a leading "docker"
    bool saidDocker = false;       ///< Docker: the line started with the word "docker"
    Duration sleep{};              ///< Sleep: how long engine time passes
    std::string sleepText;         ///< Sleep: N as written, for the transcript
    std::string error;             ///< Invalid: why the line cannot run
};

/// Reads one line; a leading "docker" is optional.
ConsoleLine readConsoleLine(std::string_view line);

/// Reads a number of seconds ("2", "0.5", ".25") exactly, down to nanoseconds.
Expected<Duration> parseSeconds(std::string_view text);

} // namespace lab
