// The commands, their usage lines and flags, as docker CLI 28.2 declares them.
#include "base/Limits.h"
#include "cli/Commands.h"
#include "docker/Formatter.h"
#include "engine/Engine.h"

#include <algorithm>

namespace lab::cli {
namespace {

using K = FlagKind;

const std::vector<FlagSpec> kCreateFlags = {
    {"name", 0, K::String},         {"rm", 0, K::Bool},
    {"restart", 0, K::String},      {"init", 0, K::Bool},
    {"pull", 0, K::String},         {"env", 'e', K::StringList},
    {"label", 'l', K::StringList},  {"stop-signal", 0, K::String},
    {"stop-timeout", 0, K::Int},    {"entrypoint", 0, K::String},
    {"interactive", 'i', K::Bool},  {"tty", 't', K::Bool},
    {"attach", 'a', K::StringList}, {"quiet", 'q', K::Bool},
    {"cap-add", 0, K::StringList},  {"cap-drop", 0, K::StringList},
    {"privileged", 0, K::Bool},     {"security-opt", 0, K::StringList},
    {"memory", 'm', K::Bytes},      {"memory-swap", 0, K::Bytes},
    {"cpus", 0, K::NanoCpus},       {"pids-limit", 0, K::Int},
};

std::vector<FlagSpec> runFlags() {
    std::vector<FlagSpec> flags = kCreateFlags;
    flags.push_back({"detach", 'd', K::Bool});
    return flags;
}

} // namespace

bool waitUntil(Context& context, const std::function<bool()>& done, const std::string& container,
               const std::string& never) {
    constexpr Duration kHorizon = std::chrono::hours(24);
    if (context.engine.runUntil(done, kHorizon))
        return true;
    const std::string call = "docker " + context.command;
    const bool nothingLeft = context.engine.clock().idleUntil(TimePoint::max());
    context.output.unfinished = nothingLeft
                                    ? call + " would wait forever: container " + container +
                                          " never " + never + "s in the simulation"
                                    : call + " would wait more than a day: container " + container +
                                          " does not " + never + " within 24 hours of engine time";
    context.output.status = 1;
    return false;
}

void stopFollowing(Context& context, const std::string& container) {
    context.output.unfinished = "docker " + context.command + " would go on printing: " +
                                limits::beyond("container " + container + " printed too much",
                                               std::int64_t(limits::kAttachedOutputBytes));
    context.output.status = 1;
}

std::string fromDaemon(const std::string& message) {
    return "Error response from daemon: " + message;
}

void printFormatted(Context& context, std::string_view format, const docker::TemplateValue& header,
                    const std::vector<docker::TemplateValue>& rows) {
    auto text = docker::renderFormat(format, header, rows);
    if (!text) {
        context.output.err.push_back(text.error().context("template parsing error").message);
        context.output.status = 1;
        return;
    }
    appendLines(context.output.out, *text);
}

void appendLines(std::vector<std::string>& lines, std::string_view text) {
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        lines.emplace_back(text.substr(0, end));
        text.remove_prefix(std::min(end + 1, text.size()));
    }
}

const std::vector<CommandSpec>& commandSpecs() {
    static const std::vector<CommandSpec> specs = {
        {"create", "create [OPTIONS] IMAGE [COMMAND] [ARG...]", Arity::AtLeast, 1, false,
         kCreateFlags, runCreate},
        {"run", "run [OPTIONS] IMAGE [COMMAND] [ARG...]", Arity::AtLeast, 1, false, runFlags(),
         runRun},
        {"pull",
         "pull [OPTIONS] NAME[:TAG|@DIGEST]",
         Arity::Exactly,
         1,
         true,
         {{"quiet", 'q', K::Bool}},
         runPull},
        {"start",
         "start [OPTIONS] CONTAINER [CONTAINER...]",
         Arity::AtLeast,
         1,
         true,
         {{"attach", 'a', K::Bool}, {"interactive", 'i', K::Bool}},
         runStart},
        {"stop",
         "stop [OPTIONS] CONTAINER [CONTAINER...]",
         Arity::AtLeast,
         1,
         true,
         {{"timeout", 't', K::Int}, {"signal", 's', K::String}},
         runStop},
        {"restart",
         "restart [OPTIONS] CONTAINER [CONTAINER...]",
         Arity::AtLeast,
         1,
         true,
         {{"timeout", 't', K::Int}, {"signal", 's', K::String}},
         runRestart},
        {"kill",
         "kill [OPTIONS] CONTAINER [CONTAINER...]",
         Arity::AtLeast,
         1,
         true,
         {{"signal", 's', K::String}},
         runKill},
        {"pause", "pause CONTAINER [CONTAINER...]", Arity::AtLeast, 1, true, {}, runPause},
        {"unpause", "unpause CONTAINER [CONTAINER...]", Arity::AtLeast, 1, true, {}, runUnpause},
        {"rm",
         "rm [OPTIONS] CONTAINER [CONTAINER...]",
         Arity::AtLeast,
         1,
         true,
         {{"force", 'f', K::Bool}, {"volumes", 'v', K::Bool}, {"link", 'l', K::Bool}},
         runRemove},
        {"wait", "wait CONTAINER [CONTAINER...]", Arity::AtLeast, 1, true, {}, runWait},
        {"update",
         "update [OPTIONS] CONTAINER [CONTAINER...]",
         Arity::AtLeast,
         1,
         true,
         {{"memory", 'm', K::Bytes},
          {"memory-swap", 0, K::Bytes},
          {"cpus", 0, K::NanoCpus},
          {"pids-limit", 0, K::Int},
          {"restart", 0, K::String}},
         runUpdate},
        {"exec",
         "exec [OPTIONS] CONTAINER COMMAND [ARG...]",
         Arity::AtLeast,
         2,
         false,
         {{"detach", 'd', K::Bool},
          {"interactive", 'i', K::Bool},
          {"tty", 't', K::Bool},
          {"env", 'e', K::StringList},
          {"workdir", 'w', K::String},
          {"user", 'u', K::String},
          {"privileged", 0, K::Bool}},
         runExec},
        {"top", "top CONTAINER [ps OPTIONS]", Arity::AtLeast, 1, false, {}, runTop},
        {"stats",
         "stats [OPTIONS] [CONTAINER...]",
         Arity::AtLeast,
         0,
         true,
         {{"all", 'a', K::Bool},
          {"no-stream", 0, K::Bool},
          {"no-trunc", 0, K::Bool},
          {"format", 0, K::String}},
         runStats},
        {"rename", "rename CONTAINER NEW_NAME", Arity::Exactly, 2, true, {}, runRename},
        {"logs",
         "logs [OPTIONS] CONTAINER",
         Arity::Exactly,
         1,
         true,
         {{"tail", 'n', K::String}, {"timestamps", 't', K::Bool}},
         runLogs},
        {"ps",
         "ps [OPTIONS]",
         Arity::None,
         0,
         true,
         {{"all", 'a', K::Bool},
          {"quiet", 'q', K::Bool},
          {"size", 's', K::Bool},
          {"no-trunc", 0, K::Bool},
          {"latest", 'l', K::Bool},
          {"last", 'n', K::Int},
          {"format", 0, K::String},
          {"filter", 'f', K::FilterList}},
         runPs},
        {"inspect",
         "inspect [OPTIONS] NAME|ID [NAME|ID...]",
         Arity::AtLeast,
         1,
         true,
         {{"format", 'f', K::String}, {"size", 's', K::Bool}, {"type", 0, K::String}},
         runInspect},
        {"events",
         "events [OPTIONS]",
         Arity::None,
         0,
         true,
         {{"since", 0, K::String},
          {"until", 0, K::String},
          {"filter", 'f', K::FilterList},
          {"format", 0, K::String}},
         runEvents},
        {"tag", "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]", Arity::Exactly, 2, true, {}, runTag},
        {"rmi",
         "rmi [OPTIONS] IMAGE [IMAGE...]",
         Arity::AtLeast,
         1,
         true,
         {{"force", 'f', K::Bool}},
         runRmi},
        {"diff", "diff CONTAINER", Arity::Exactly, 1, true, {}, runDiff},
        {"commit",
         "commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
         Arity::Range,
         1,
         true,
         {},
         runCommit,
         2},
        {"load",
         "load [OPTIONS]",
         Arity::None,
         0,
         true,
         {{"input", 'i', K::String}, {"quiet", 'q', K::Bool}},
         runLoad},
        {"import",
         "import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]",
         Arity::Range,
         1,
         true,
         {},
         runImport,
         2},
        {"attach",
         "attach [OPTIONS] CONTAINER",
         Arity::Exactly,
         1,
         true,
         {{"no-stdin", 0, K::Bool}, {"sig-proxy", 0, K::Bool}, {"detach-keys", 0, K::String}},
         runAttach},
        {"container prune",
         "container prune [OPTIONS]",
         Arity::None,
         0,
         true,
         {{"force", 'f', K::Bool}},
         runContainerPrune},
        {"images",
         "images [OPTIONS] [REPOSITORY[:TAG]]",
         Arity::AtMost,
         1,
         true,
         {{"all", 'a', K::Bool},
          {"quiet", 'q', K::Bool},
          {"no-trunc", 0, K::Bool},
          {"format", 0, K::String}},
         runImages},
    };
    return specs;
}

} // namespace lab::cli
