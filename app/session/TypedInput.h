#pragma once
// What a learner types into a docker command while it waits in the window's console
// (console/ForegroundSession.h): Ctrl-C, a line for the attached container's stdin, Ctrl-D,
// Ctrl-P Ctrl-Q. A value kept with its command at its engine time, so that a replay types it
// again at the same engine time and a session file keeps it (docs/SESSION-FORMAT.md).

#include "base/Time.h"

#include <optional>
#include <string>
#include <string_view>

namespace lab {

/// One thing typed into a waiting command.
struct TypedInput {
    enum class Kind {
        Interrupt,  ///< Ctrl-C
        Stdin,      ///< bytes for the attached container's stdin
        EndOfInput, ///< Ctrl-D: the attached container's stdin closes
        Detach      ///< Ctrl-P Ctrl-Q
    };
    Kind kind = Kind::Interrupt;
    std::string bytes; ///< Stdin: what was written; empty otherwise

    bool operator==(const TypedInput&) const = default;
};

/// A typed input at the engine time it reached the engine, since the session began.
struct TimedInput {
    Duration at{};
    TypedInput input;

    bool operator==(const TimedInput&) const = default;
};

/// The keys of kind in a session file: "ctrl-c", "ctrl-d", "ctrl-p ctrl-q"; empty for Stdin.
std::string_view keysName(TypedInput::Kind kind);
/// The kind typed with these keys, if any (never Stdin).
std::optional<TypedInput::Kind> keysKind(std::string_view name);

} // namespace lab
