// docker logs: what the container's process printed, each line on the stream it was written to.
#include "cli/Commands.h"
#include "docker/GoTime.h"
#include "engine/Engine.h"

namespace lab::cli {

void runLogs(Context& context, const ParsedFlags& flags) {
    auto container = context.engine.find(flags.arguments[0]);
    if (!container) {
        context.output.err.push_back(fromDaemon(container.error().message));
        context.output.status = 1;
        return;
    }
    const std::vector<LogLine>& logs = (*container)->logs;
    const std::size_t first = (*container)->tailStart(flags.value("tail").value_or("all"));
    const bool timestamps = flags.isSet("timestamps");
    for (std::size_t i = first; i < logs.size(); ++i) {
        const std::string line =
            timestamps ? docker::formatRfc3339NanoFixed(logs[i].at) + " " + logs[i].text
                       : logs[i].text;
        (logs[i].isStderr ? context.output.err : context.output.out).push_back(line);
    }
}

} // namespace lab::cli
