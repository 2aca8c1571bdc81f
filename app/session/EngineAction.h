#pragma once
// Something done to the engine that no docker command does: a fault from the window's Faults menu
// or a lesson, a daemon restart. A value, not a callback, so that a replay does it again and a
// session file can keep it (docs/SESSION-FORMAT.md).

#include "base/Expected.h"

#include <optional>
#include <string>
#include <string_view>

namespace lab {

class Engine;

/// One action on the engine, with the container it targets by ID or name (never a pointer: a
/// replay finds it in a new engine).
struct EngineAction {
    enum class Kind {
        NextRemovalFails, ///< the next removal of any container fails: it ends dead
        OutOfMemory,      ///< the kernel's OOM killer kills container's process
        RestartDaemon     ///< dockerd stops every container and starts again
    };
    Kind kind = Kind::NextRemovalFails;
    std::string container; ///< OutOfMemory: the target; empty otherwise

    bool operator==(const EngineAction&) const = default;
};

/// Does action to engine; answers what the engine answered (a fault it refuses).
Status applyEngineAction(const EngineAction& action, Engine& engine);

/// The action's name in a session file: "next-removal-fails", "out-of-memory", "restart-daemon".
std::string_view actionName(EngineAction::Kind kind);
/// The kind with this name, if any.
std::optional<EngineAction::Kind> actionKind(std::string_view name);

} // namespace lab
