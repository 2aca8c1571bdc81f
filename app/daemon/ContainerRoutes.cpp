// The container routes that answer once the engine has done the work: list, create, inspect,
// the lifecycle commands, rm and rename. Each asks the engine exactly what the console's CLI
// asks it, so the two can never disagree.
#include "cli/DockerCli.h"
#include "cli/InspectData.h"
#include "cli/PsFilters.h"
#include "daemon/Api.h"
#include "daemon/ApiJson.h"
#include "docker/Signals.h"
#include "engine/Security.h"

#include <charconv>

namespace lab::daemon {
namespace {

std::optional<long long> integer(const std::string& text) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// Answers a lifecycle call once the engine finished it: 204, 304 when nothing changed, or
// Docker's error.
void replyWhenFinished(EngineHost& host, const CallHandle& call, const ConnectionPtr& connection) {
    host.when([call] { return call->finished(); },
              [call, connection] {
                  if (!call->result().has_value())
                      return connection->replyError(statusFor(*call),
                                                    call->result().error().message);
                  connection->reply(call->verdict() == Verdict::NotModified ? 304 : 204, "");
              },
              true, [connection] { return connection->open(); });
}

} // namespace

void Api::list(const ApiRequest& request, const ConnectionPtr& connection) {
    auto filters = filtersFrom(request.param("filters"));
    if (!filters)
        return connection->replyError(filters.error().status, filters.error().message);
    Engine& engine = m_host.engine();
    auto filter = cli::PsFilter::make(*filters, engine);
    if (!filter)
        return connection->replyError(statusFor(filter.error()), filter.error().message);
    const auto limit = integer(request.param("limit", "-1"));
    if (!limit)
        return connection->replyError(400, "strconv.Atoi: parsing \"" + request.param("limit") +
                                               "\": invalid syntax");
    const TimePoint now = engine.clock().now();
    // Written one container at a time (the document a JSON array of them would be): 10,000
    // summaries are never all held at once, so the heap stays small (docs/PERFORMANCE.md).
    std::string body = "[";
    for (const Container* container :
         cli::listContainers(engine, *filter, request.flag("all"), *limit > 0 ? *limit : -1)) {
        std::string summary =
            document(containerSummary(*container, engine, now, request.flag("size")));
        summary.back() = ','; // document()'s newline
        body += summary;
    }
    if (body.size() > 1)
        body.pop_back(); // the last comma
    connection->reply(200, body + "]\n");
}

void Api::create(const ApiRequest& request, const ConnectionPtr& connection) {
    auto create = createRequestFrom(request.body, request.param("name"));
    if (!create)
        return connection->replyError(create.error().status, create.error().message);
    // The daemon checks the host settings before it looks for the image (as the run flow does).
    if (auto security = validateSecurityOptions(create->config); !security)
        return connection->replyError(400, security.error().message);
    // Said here, where the CLI prints the daemon's words (it does not for a refused attach).
    if (Status input = m_host.engine().canWriteStdin(); create->config.openStdin && !input)
        return connection->replyError(501, input.error().message);
    auto created = m_host.engine().create(std::move(*create));
    if (!created) // 404 "No such image: ..." makes the CLI pull and create again
        return connection->replyError(statusFor(created.error()), created.error().message);
    connection->reply(201,
                      document({{"Id", (*created)->id}, {"Warnings", nlohmann::json::array()}}));
}

void Api::inspect(const std::string& reference, const ConnectionPtr& connection) {
    Container* container = findOrReply(reference, connection);
    if (!container)
        return;
    connection->reply(200, cli::containerInspectData(*container, m_host.engine()).json() + "\n");
}

void Api::command(const ApiRequest& request, const std::string& reference, const std::string& verb,
                  const ConnectionPtr& connection) {
    Engine& engine = m_host.engine();
    const bool kill = verb == "kill";
    Container* container = findOrReply(reference, connection,
                                       kill ? "Cannot kill container: " + reference + ": " : "");
    if (!container)
        return;
    const Command which = verb == "start"     ? Command::Start
                          : verb == "stop"    ? Command::Stop
                          : verb == "restart" ? Command::Restart
                          : kill              ? Command::Kill
                          : verb == "pause"   ? Command::Pause
                                              : Command::Unpause;
    CommandEvent event = cli::defaultEvent(which, *container);
    if (const std::string t = request.param("t"); !t.empty()) {
        const auto seconds = integer(t);
        if (!seconds)
            return connection->replyError(400,
                                          "strconv.Atoi: parsing \"" + t + "\": invalid syntax");
        event.timeout = std::chrono::seconds(*seconds);
    }
    if (const std::string signal = request.param("signal"); kill && !signal.empty()) {
        auto number = docker::parseSignal(signal);
        if (!number)
            return connection->replyError(400, number.error().message);
        if (auto supported = docker::checkLinuxSignal(*number); !supported)
            return connection->replyError(400, supported.error().message);
        event.signal = int(*number);
    }
    event.at = engine.clock().now();
    replyWhenFinished(m_host, engine.command(*container, event, reference), connection);
}

void Api::remove(const ApiRequest& request, const std::string& reference,
                 const ConnectionPtr& connection) {
    Engine& engine = m_host.engine();
    Container* container = findOrReply(reference, connection);
    if (!container)
        return;
    CommandEvent event = cli::defaultEvent(
        request.flag("force") ? Command::RemoveForce : Command::Remove, *container);
    event.at = engine.clock().now();
    replyWhenFinished(m_host, engine.command(*container, event, reference), connection);
}

void Api::rename(const ApiRequest& request, const std::string& reference,
                 const ConnectionPtr& connection) {
    Engine& engine = m_host.engine();
    Container* container = findOrReply(reference, connection);
    if (!container)
        return;
    if (auto renamed = engine.rename(*container, request.param("name")); !renamed)
        return connection->replyError(statusFor(renamed.error()), renamed.error().message);
    connection->reply(204, "");
}

} // namespace lab::daemon
