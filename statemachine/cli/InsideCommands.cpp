// docker exec and docker top: a process more in a running container, and its processes
// (docs/DOCKER-BEHAVIOUR.md §10).
#include "cli/Commands.h"
#include "docker/TabWriter.h"
#include "engine/Engine.h"

#include <map>

namespace lab::cli {
namespace {

// A ps column as procps names it (-o NAME) and heads it, and how a row fills it.
struct PsColumn {
    std::string header;
    std::string (*value)(const ProcessEntry&);
};

std::string twoDigits(long long value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
}

// STIME: the hour and minute the process started (processes of today).
std::string startTime(const ProcessEntry& process) {
    const auto minutes =
        std::chrono::duration_cast<std::chrono::minutes>(process.started.time_since_epoch())
            .count();
    return twoDigits(minutes / 60 % 24) + ":" + twoDigits(minutes % 60);
}

const std::map<std::string, PsColumn>& psColumns() {
    static const std::map<std::string, PsColumn> columns = {
        {"uid", {"UID", [](const ProcessEntry&) { return std::string("root"); }}},
        {"user", {"USER", [](const ProcessEntry&) { return std::string("root"); }}},
        {"pid", {"PID", [](const ProcessEntry& p) { return std::to_string(p.pid); }}},
        {"ppid", {"PPID", [](const ProcessEntry& p) { return std::to_string(p.ppid); }}},
        {"c", {"C", [](const ProcessEntry&) { return std::string("0"); }}},
        {"stime", {"STIME", startTime}},
        {"tty", {"TTY", [](const ProcessEntry&) { return std::string("?"); }}},
        {"time", {"TIME", [](const ProcessEntry&) { return std::string("00:00:00"); }}},
        {"cmd", {"CMD", [](const ProcessEntry& p) { return p.command; }}},
        {"args", {"COMMAND", [](const ProcessEntry& p) { return p.command; }}},
        {"comm",
         {"COMMAND",
          [](const ProcessEntry& p) {
              const std::string first = p.command.substr(0, p.command.find(' '));
              return first.substr(first.rfind('/') + 1);
          }}},
    };
    return columns;
}

// docker top's ps arguments: none (ps -ef) or -o/-eo with a comma-separated list.
Expected<std::vector<std::string>> psColumnNames(const std::vector<std::string>& args) {
    if (args.empty())
        return std::vector<std::string>{"uid", "pid", "ppid", "c", "stime", "tty", "time", "cmd"};
    if (args.size() != 2 || (args[0] != "-o" && args[0] != "-eo"))
        return Error{"the lab's ps takes no options but -o COLUMNS or -eo COLUMNS"};
    std::vector<std::string> names;
    std::string_view list = args[1];
    while (!list.empty()) {
        const std::size_t comma = std::min(list.find(','), list.size());
        const std::string name(list.substr(0, comma));
        if (!psColumns().contains(name))
            return Error{"ps: error: unknown user-defined format specifier \"" + name + "\""};
        names.push_back(name);
        list.remove_prefix(std::min(comma + 1, list.size()));
    }
    // daemon/top_unix.go parsePSOutput: the rows are matched to the container by PID.
    if (std::find(names.begin(), names.end(), "pid") == names.end())
        return Error{"Couldn't find PID field in ps output"};
    return names;
}

void fail(Context& context, const std::string& message) {
    context.output.err.push_back(fromDaemon(message));
    context.output.status = 1;
}

} // namespace

void runExec(Context& context, const ParsedFlags& flags) {
    const std::string& reference = flags.arguments.front();
    auto container = context.engine.find(reference);
    if (!container)
        return fail(context, container.error().message);
    ExecRequest request;
    request.argv.assign(flags.arguments.begin() + 1, flags.arguments.end());
    request.env = (*container)->env();
    for (const std::string& variable : flags.values("env"))
        request.env.push_back(variable);
    request.workdir = flags.value("workdir").value_or("");
    request.user = flags.value("user").value_or("");
    request.tty = flags.isSet("tty");
    auto session = context.engine.exec(**container, request, reference);
    if (!session)
        return fail(context, session.error().message);
    if (flags.isSet("detach"))
        return; // docker exec -d returns once the process started, printing nothing
    if (!waitUntil(
            context, [&] { return (*session)->exitCode.has_value(); }, reference, "exit"))
        return;
    for (const ExecOutput& write : (*session)->output)
        appendLines(write.isStderr ? context.output.err : context.output.out, write.text);
    context.output.status = *(*session)->exitCode;
}

Expected<TopTable> topTable(Engine& engine, Container& container, std::string_view reference,
                            const std::vector<std::string>& psArgs) {
    auto processes = engine.top(container, reference);
    if (!processes)
        return processes.error();
    auto names = psColumnNames(psArgs);
    if (!names)
        return names.error();
    TopTable table;
    for (const std::string& name : *names)
        table.titles.push_back(psColumns().at(name).header);
    for (const ProcessEntry& process : *processes) {
        std::vector<std::string>& row = table.processes.emplace_back();
        for (const std::string& name : *names)
            row.push_back(psColumns().at(name).value(process));
    }
    return table;
}

void runTop(Context& context, const ParsedFlags& flags) {
    const std::string& reference = flags.arguments.front();
    auto container = context.engine.find(reference);
    if (!container)
        return fail(context, container.error().message);
    auto top = topTable(context.engine, **container, reference,
                        {flags.arguments.begin() + 1, flags.arguments.end()});
    if (!top)
        return fail(context, top.error().message);
    std::string table;
    const auto addRow = [&table](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i)
            table += cells[i] + (i + 1 < cells.size() ? "\t" : "\n");
    };
    addRow(top->titles);
    for (const auto& row : top->processes)
        addRow(row);
    // docker top's own tabwriter: tabwriter.NewWriter(out, 20, 1, 3, ' ', 0)
    appendLines(context.output.out, docker::alignColumns(table, {20, 3, ' '}));
}

} // namespace lab::cli
