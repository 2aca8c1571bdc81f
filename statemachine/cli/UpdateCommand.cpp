// docker update: new limits or a new restart policy for containers (docs/DOCKER-BEHAVIOUR.md
// §10.5). Each argument is updated in turn; its name is printed, the errors follow.
#include "cli/Commands.h"
#include "engine/Engine.h"

namespace lab::cli {

ResourceLimits limitsOf(const ParsedFlags& flags) {
    ResourceLimits limits;
    limits.memory = flags.bytesValue("memory");
    limits.memorySwap = flags.bytesValue("memory-swap");
    limits.nanoCpus = flags.nanoCpusValue("cpus");
    if (flags.isSet("pids-limit"))
        limits.pidsLimit = flags.intValue("pids-limit", 0);
    return limits;
}

void runUpdate(Context& context, const ParsedFlags& flags) {
    UpdateRequest request;
    request.limits = limitsOf(flags);
    if (const auto restart = flags.value("restart")) {
        auto policy = parseRestartPolicy(*restart);
        if (!policy) {
            context.output.err.push_back(policy.error().message);
            context.output.status = 1;
            return;
        }
        request.restart = *policy;
    }
    if (request.limits == ResourceLimits{} && !request.restart) {
        context.output.err.push_back("you must provide one or more flags when using this command");
        context.output.status = 1;
        return;
    }
    std::vector<std::string> errors;
    for (const std::string& argument : flags.arguments) {
        auto container = context.engine.find(argument);
        const Status updated =
            container ? context.engine.update(**container, request) : Status(container.error());
        if (updated)
            context.output.out.push_back(argument);
        else
            errors.push_back(fromDaemon(updated.error().message));
    }
    context.output.err.insert(context.output.err.end(), errors.begin(), errors.end());
    if (!errors.empty())
        context.output.status = 1;
}

} // namespace lab::cli
