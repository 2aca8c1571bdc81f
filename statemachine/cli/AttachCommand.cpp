// docker attach: the CLI inspects the container first and refuses one that does not run
// (docker/cli cli/command/container/attach.go), then follows its output to its exit and exits
// with its code; Ctrl-C reaches the container as SIGINT (--sig-proxy, the console's
// ForegroundSession) (docs/DOCKER-BEHAVIOUR.md §10.7).
#include "cli/Commands.h"
#include "cli/OutputRecorder.h"
#include "engine/Engine.h"

namespace lab::cli {

void runAttach(Context& context, const ParsedFlags& flags) {
    const std::string& argument = flags.arguments.front();
    auto container = context.engine.find(argument);
    const char* refusal = nullptr;
    if (container) {
        switch ((*container)->state()) {
        case ContainerState::Running:
            break;
        case ContainerState::Paused:
            refusal = "You cannot attach to a paused container, unpause it first";
            break;
        case ContainerState::Restarting:
            refusal = "You cannot attach to a restarting container, wait until it is running";
            break;
        default:
            refusal = "You cannot attach to a stopped container, start it first";
        }
    }
    if (!container || refusal) {
        context.output.err.push_back(refusal ? refusal : fromDaemon(container.error().message));
        context.output.status = 1;
        return;
    }
    OutputRecorder recorder(context.engine);
    recorder.follow((*container)->id);
    CallHandle exit = context.engine.waitForExit(**container, false);
    context.engine.attach(**container);
    followToExit(context, recorder, exit, argument);
}

} // namespace lab::cli
