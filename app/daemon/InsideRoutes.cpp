// The routes that look or act inside a running container: exec (create, start with its
// hijacked stream or detached, inspect for the exit code), top, stats and update. Each calls the
// engine as the console's docker exec, top, stats and update do.
#include "cli/Commands.h"
#include "daemon/Api.h"
#include "daemon/ApiJson.h"
#include "docker/GoTime.h"

#include <cstdio>
#include <thread>

namespace lab::daemon {
namespace {

using nlohmann::json;

// One exec'd process's writes as the hijacked stream carries them: stdcopy frames without a
// TTY (as attach's), the bytes as written with one.
std::string execFrame(const ExecOutput& write, bool tty) {
    return tty ? write.text : stdcopyFrame(write.isStderr, write.text);
}

// One reading as types.StatsJSON's cpu_stats: docker stats divides the container's CPU time by
// the host's (system_cpu_usage, over online_cpus), which is the wall time on every CPU.
json cpuStats(const ResourceSample& sample) {
    const auto cpus = std::max(1U, std::thread::hardware_concurrency());
    const auto wall =
        std::chrono::duration_cast<std::chrono::nanoseconds>(sample.at.time_since_epoch());
    return {{"cpu_usage", {{"total_usage", sample.cpuMicroseconds.value_or(0) * 1000}}},
            {"system_cpu_usage", wall.count() * cpus},
            {"online_cpus", cpus}};
}

// types.StatsJSON from two readings one collector interval apart; zeros without them.
json statsJson(const Container& container, const std::optional<ResourceSample>& first,
               const std::optional<ResourceSample>& second) {
    json stats = {{"id", container.id}, {"name", "/" + container.name}};
    if (!first || !second) {
        stats["read"] = "0001-01-01T00:00:00Z"; // Go's zero time: nothing was read
        return stats;
    }
    stats["preread"] = docker::formatRfc3339Nano(first->at);
    stats["read"] = docker::formatRfc3339Nano(second->at);
    stats["precpu_stats"] = cpuStats(*first);
    stats["cpu_stats"] = cpuStats(*second);
    stats["pids_stats"] = {{"current", second->processes.value_or(0)}};
    stats["memory_stats"] = {{"usage", second->memoryBytes.value_or(0)},
                             {"limit", second->memoryLimitBytes.value_or(0)},
                             {"stats", {{"inactive_file", 0}}}};
    return stats;
}

} // namespace

void Api::execCreate(const ApiRequest& request, const std::string& reference,
                     const ConnectionPtr& connection) {
    Container* container = findOrReply(reference, connection);
    if (!container)
        return;
    // Docker refuses a container that does not run when the exec is created: the lifecycle
    // table answers, as it does again when the exec starts (Engine::exec).
    Engine& engine = m_host.engine();
    const CallHandle allowed =
        engine.command(*container, CommandEvent{Command::Exec, engine.clock().now()}, reference);
    if (allowed->finished() && !allowed->result().has_value())
        return connection->replyError(statusFor(*allowed), allowed->result().error().message);
    const json body = json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return connection->replyError(400, "invalid JSON in the request body");
    PendingExec exec;
    exec.container = container->id;
    exec.request.env = container->env();
    try {
        // Go's encoder writes an empty list or string as null.
        const auto words = [&body](const char* key) {
            const json value = body.value(key, json());
            return value.is_null() ? std::vector<std::string>{}
                                   : value.get<std::vector<std::string>>();
        };
        const auto text = [&body](const char* key) {
            const json value = body.value(key, json());
            return value.is_null() ? std::string() : value.get<std::string>();
        };
        exec.request.argv = words("Cmd");
        for (const std::string& variable : words("Env"))
            exec.request.env.push_back(variable);
        exec.request.workdir = text("WorkingDir");
        exec.request.user = text("User");
        exec.request.tty = body.value("Tty", false);
    } catch (const json::exception& error) {
        return connection->replyError(400, std::string("invalid exec body: ") + error.what());
    }
    if (exec.request.argv.empty())
        return connection->replyError(400, "No exec command specified");
    char id[65];
    std::snprintf(id, sizeof id, "%064llx", static_cast<unsigned long long>(++m_execCount));
    m_execs.emplace(id, std::move(exec));
    connection->reply(201, document({{"Id", id}}));
}

void Api::execStart(const ApiRequest& request, const std::string& id,
                    const ConnectionPtr& connection) {
    const auto found = m_execs.find(id);
    if (found == m_execs.end())
        return connection->replyError(404, "No such exec instance: " + id);
    PendingExec& exec = found->second;
    if (exec.session)
        return connection->replyError(409, "Error: Exec command " + id + " has already run");
    auto container = m_host.engine().find(exec.container);
    if (!container)
        return connection->replyError(statusFor(container.error()), container.error().message);
    auto session = m_host.engine().exec(**container, exec.request, exec.container);
    if (!session)
        return connection->replyError(statusFor(session.error()), session.error().message);
    exec.session = *session;
    const json body = json::parse(request.body, nullptr, false);
    if (body.is_object() && body.value("Detach", false))
        return connection->reply(200, "");
    connection->upgrade();
    streamExec(exec.session, 0, exec.request.tty, connection);
}

void Api::streamExec(const std::shared_ptr<ExecSession>& session, std::size_t sent, bool tty,
                     const ConnectionPtr& connection) {
    m_host.when([session, sent] { return session->output.size() > sent || session->exitCode; },
                [this, session, sent, tty, connection] {
                    for (std::size_t i = sent; i < session->output.size(); ++i)
                        connection->sendRaw(execFrame(session->output[i], tty));
                    if (session->exitCode)
                        return connection->closeAfterWrites();
                    streamExec(session, session->output.size(), tty, connection);
                },
                false, [connection] { return connection->open(); });
}

void Api::execInspect(const std::string& id, const ConnectionPtr& connection) {
    const auto found = m_execs.find(id);
    if (found == m_execs.end())
        return connection->replyError(404, "No such exec instance: " + id);
    const PendingExec& exec = found->second;
    const bool ended = exec.session && exec.session->exitCode;
    const json exitCode = ended ? json(*exec.session->exitCode) : json(nullptr); // null: running
    const std::vector<std::string>& argv = exec.request.argv;
    connection->reply(
        200, document({{"ID", id},
                       {"ContainerID", exec.container},
                       {"Running", exec.session && !ended},
                       {"ExitCode", exitCode},
                       {"ProcessConfig",
                        {{"tty", exec.request.tty},
                         {"entrypoint", argv.front()},
                         {"arguments", std::vector<std::string>(argv.begin() + 1, argv.end())},
                         {"privileged", false},
                         {"user", exec.request.user}}}}));
}

void Api::top(const ApiRequest& request, const std::string& reference,
              const ConnectionPtr& connection) {
    Container* container = findOrReply(reference, connection);
    if (!container)
        return;
    // The CLI sends ps's arguments as one string: "-o pid,comm".
    std::vector<std::string> psArgs;
    const std::string text = request.param("ps_args");
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t space = std::min(text.find(' ', at), text.size());
        if (space > at)
            psArgs.push_back(text.substr(at, space - at));
        at = space + 1;
    }
    auto table = cli::topTable(m_host.engine(), *container, reference, psArgs);
    if (!table)
        return connection->replyError(statusFor(table.error()), table.error().message);
    connection->reply(200, document({{"Titles", table->titles}, {"Processes", table->processes}}));
}

void Api::update(const ApiRequest& request, const std::string& reference,
                 const ConnectionPtr& connection) {
    Container* container = findOrReply(reference, connection);
    if (!container)
        return;
    auto update = updateRequestFrom(request.body);
    if (!update)
        return connection->replyError(update.error().status, update.error().message);
    if (auto updated = m_host.engine().update(*container, *update); !updated)
        return connection->replyError(statusFor(updated.error()), updated.error().message);
    connection->reply(200, document({{"Warnings", json::array()}}));
}

void Api::stats(const ApiRequest& request, const std::string& reference,
                const ConnectionPtr& connection) {
    Container* found = findOrReply(reference, connection);
    if (!found)
        return;
    if (request.param("stream", "1") != "0" && request.param("stream") != "false")
        return connection->replyError(400,
                                      "the lab answers docker stats --no-stream only (stream=0)");
    Engine& engine = m_host.engine();
    const std::string id = found->id;
    const auto read = [&engine, id]() -> Expected<std::optional<ResourceSample>> {
        auto container = engine.find(id);
        if (!container || !cli::measuredByStats(**container))
            return std::optional<ResourceSample>();
        auto sample = engine.usage(**container);
        if (!sample)
            return sample.error();
        return std::optional<ResourceSample>(*sample);
    };
    auto first = read();
    if (!first)
        return connection->replyError(statusFor(first.error()), first.error().message);
    if (!*first)
        return connection->reply(200, document(statsJson(*found, {}, {})));
    // The second reading comes one collector interval later, as Docker's does.
    const TimePoint at = engine.clock().now() + cli::kStatsInterval;
    engine.clock().schedule(at, [] {}); // wakes the wall clock then
    m_host.when([&engine, at] { return engine.clock().now() >= at; },
                [this, read, first = **first, id, connection] {
                    auto container = m_host.engine().find(id);
                    if (!container)
                        return connection->replyError(404, "No such container: " + id);
                    auto second = read();
                    if (!second)
                        return connection->replyError(statusFor(second.error()),
                                                      second.error().message);
                    connection->reply(200, document(statsJson(**container, first, *second)));
                },
                true, [connection] { return connection->open(); });
}

} // namespace lab::daemon
