#include "session/EngineAction.h"

#include "engine/Engine.h"

#include <array>
#include <utility>

namespace lab {
namespace {

constexpr std::array kNames{
    std::pair{EngineAction::Kind::NextRemovalFails, std::string_view("next-removal-fails")},
    std::pair{EngineAction::Kind::OutOfMemory, std::string_view("out-of-memory")},
    std::pair{EngineAction::Kind::RestartDaemon, std::string_view("restart-daemon")},
};

} // namespace

Status applyEngineAction(const EngineAction& action, Engine& engine) {
    if (action.kind == EngineAction::Kind::RestartDaemon) {
        engine.restartDaemon();
        return Ok{};
    }
    Container* target = nullptr;
    if (!action.container.empty()) {
        auto found = engine.find(action.container);
        target = found ? *found : nullptr;
    }
    return engine.injectFault(action.kind == EngineAction::Kind::OutOfMemory
                                  ? Fault::OutOfMemory
                                  : Fault::NextRemovalFails,
                              target);
}

std::string_view actionName(EngineAction::Kind kind) {
    for (const auto& [each, name] : kNames)
        if (each == kind)
            return name;
    return {};
}

std::optional<EngineAction::Kind> actionKind(std::string_view name) {
    for (const auto& [kind, each] : kNames)
        if (each == name)
            return kind;
    return std::nullopt;
}

} // namespace lab
