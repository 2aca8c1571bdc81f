// docker exec and docker top: the lifecycle table answers first (docs/DOCKER-BEHAVIOUR.md §10).
// then the backend acts inside the container.
#include "engine/Engine.h"

namespace lab {
namespace {

// The table's verdict on a command that only looks inside: an error with Docker's words, or Ok.
Status askTable(Engine& engine, Container& container, Command command,
                std::string_view nameAsTyped) {
    const CallHandle call =
        engine.command(container, CommandEvent{command, engine.clock().now()}, nameAsTyped);
    if (!call->finished())
        return Error{"internal error: docker " + std::string(commandName(command)) +
                     " should be answered at once"};
    if (!call->result().has_value())
        return call->result().error();
    return Ok{};
}

} // namespace

Expected<std::shared_ptr<ExecSession>>
Engine::exec(Container& container, const ExecRequest& request, std::string_view nameAsTyped) {
    if (Status allowed = askTable(*this, container, Command::Exec, nameAsTyped); !allowed)
        return allowed.error();
    auto session = std::make_shared<ExecSession>();
    if (Status started = m_backend.exec(container, request, session); !started)
        return started.error();
    return session;
}

Expected<std::vector<ProcessEntry>> Engine::top(Container& container,
                                                std::string_view nameAsTyped) {
    if (Status allowed = askTable(*this, container, Command::Top, nameAsTyped); !allowed)
        return allowed.error();
    return m_backend.processes(container);
}

} // namespace lab
