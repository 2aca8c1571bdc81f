// docker stats --no-stream: one sample of each container's resource use, taken as the daemon
// takes it (a first reading primes the CPU figure, the answer comes one collector interval
// later) and printed through docker's formatter (docs/DOCKER-BEHAVIOUR.md §10.3).
#include "cli/Commands.h"
#include "docker/HumanSize.h"
#include "engine/Engine.h"

#include <algorithm>
#include <cstdio>

namespace lab::cli {
namespace {

using docker::TemplateValue;

constexpr const char* kStatsTable = "table {{.ID}}\\t{{.Name}}\\t{{.CPUPerc}}\\t{{.MemUsage}}\\t"
                                    "{{.MemPerc}}\\t{{.NetIO}}\\t{{.BlockIO}}\\t{{.PIDs}}";
constexpr const char* kStatsContext = "*container.statsContext";

std::string percent(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f%%", value);
    return text;
}

// One container's row: what was typed, the container, and its two readings (none when it does
// not run: Docker answers zeros at once).
struct Measured {
    std::string argument;
    const Container* container = nullptr;
    std::optional<ResourceSample> first;
    std::optional<ResourceSample> second;
};

TemplateValue statsRow(const Measured& row, bool noTrunc) {
    double cpu = 0;
    std::int64_t memory = 0;
    std::int64_t limit = 0;
    int pids = 0;
    if (row.first && row.second) {
        const ResourceSample& a = *row.first;
        const ResourceSample& b = *row.second;
        const auto wall = std::chrono::duration<double, std::micro>(b.at - a.at).count();
        if (a.cpuMicroseconds && b.cpuMicroseconds && wall > 0)
            cpu = double(*b.cpuMicroseconds - *a.cpuMicroseconds) / wall * 100.0;
        memory = b.memoryBytes.value_or(0);
        limit = b.memoryLimitBytes.value_or(0);
        pids = b.processes.value_or(0);
    }
    const double memoryPercent = limit > 0 ? double(memory) / double(limit) * 100.0 : 0.0;
    const std::string& id = row.container->id;
    return TemplateValue::structure(
        kStatsContext,
        {{"Container", row.argument},
         {"Name", row.container->name},
         {"ID", noTrunc ? id : id.substr(0, 12)},
         {"CPUPerc", percent(cpu)},
         {"MemUsage", docker::bytesSize(double(memory)) + " / " + docker::bytesSize(double(limit))},
         {"MemPerc", percent(memoryPercent)},
         {"NetIO", "0B / 0B"}, // the lab's containers have no network
         {"BlockIO", "0B / 0B"},
         {"PIDs", std::to_string(pids)}});
}

TemplateValue statsHeader() {
    return TemplateValue::structure(kStatsContext, {{"Container", "CONTAINER"},
                                                    {"Name", "NAME"},
                                                    {"ID", "CONTAINER ID"},
                                                    {"CPUPerc", "CPU %"},
                                                    {"MemUsage", "MEM USAGE / LIMIT"},
                                                    {"MemPerc", "MEM %"},
                                                    {"NetIO", "NET I/O"},
                                                    {"BlockIO", "BLOCK I/O"},
                                                    {"PIDs", "PIDS"}});
}

// The readings of every container that runs, one collector interval apart.
Status measure(Context& context, std::vector<Measured>& rows) {
    const auto read = [&](std::optional<ResourceSample> Measured::*slot) -> Status {
        for (Measured& row : rows) {
            if (!measuredByStats(*row.container))
                continue;
            auto sample = context.engine.usage(*row.container);
            if (!sample)
                return sample.error();
            row.*slot = *sample;
        }
        return Ok{};
    };
    if (Status first = read(&Measured::first); !first)
        return first;
    const bool anyRuns =
        std::any_of(rows.begin(), rows.end(), [](const Measured& row) { return row.first; });
    if (anyRuns)
        context.engine.runUntil([] { return false; }, kStatsInterval);
    return read(&Measured::second);
}

} // namespace

bool measuredByStats(const Container& container) {
    return container.machine.isRunning() && !container.machine.isRestarting();
}

void runStats(Context& context, const ParsedFlags& flags) {
    if (!flags.isSet("no-stream")) {
        context.output.unfinished = "docker stats would go on refreshing every second: the lab "
                                    "prints one sample, with --no-stream";
        context.output.status = 1;
        return;
    }
    std::vector<Measured> rows;
    std::vector<std::string> errors;
    for (const std::string& argument : flags.arguments) {
        auto container = context.engine.find(argument);
        if (container)
            rows.push_back({argument, *container, {}, {}});
        else
            errors.push_back(fromDaemon(container.error().message));
    }
    if (flags.arguments.empty()) // every running container; -a: every container
        for (const Container* container : context.engine.containers())
            if (flags.isSet("all") || measuredByStats(*container))
                rows.push_back({container->shortId(), container, {}, {}});
    if (!errors.empty()) {
        context.output.err = errors;
        context.output.status = 1;
        return;
    }
    if (Status measured = measure(context, rows); !measured) {
        context.output.err.push_back(fromDaemon(measured.error().message));
        context.output.status = 1;
        return;
    }
    std::vector<TemplateValue> values;
    for (const Measured& row : rows)
        values.push_back(statsRow(row, flags.isSet("no-trunc")));
    printFormatted(context, flags.value("format").value_or(kStatsTable), statsHeader(), values);
}

} // namespace lab::cli
