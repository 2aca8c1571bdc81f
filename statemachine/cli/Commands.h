#pragma once
// The docker commands the lab answers, each a handler over the engine, and what they share.

#include "base/Expected.h"
#include "cli/DockerCli.h"
#include "cli/Flags.h"
#include "docker/TemplateValue.h"

#include <functional>
#include <string>
#include <vector>

namespace lab {
class Engine;
struct ResourceLimits;
} // namespace lab

namespace lab::cli {

/// What a handler works with.
struct Context {
    Engine& engine;
    CliOutput& output;
    std::string command; ///< "rm", "run", ... for messages that name it
};

using Handler = void (*)(Context&, const ParsedFlags&);

/// How many arguments a command takes (cobra's Args validators); Range: count to maxCount.
enum class Arity { None, Exactly, AtLeast, AtMost, Range };

/// One docker command: its words, its flags, its handler.
struct CommandSpec {
    std::string name;
    std::string usage; ///< the "Usage:" line after "docker "
    Arity arity = Arity::AtLeast;
    int count = 1;
    bool interspersed = true;
    std::vector<FlagSpec> flags;
    Handler handler = nullptr;
    int maxCount = 0; ///< Range only
};

/// Every command of the lab's docker CLI.
const std::vector<CommandSpec>& commandSpecs();

/// Lets engine time pass until done(), as Docker's call blocks. When it would block forever
/// (nothing left to happen, or a day of engine time), sets output.unfinished, naming
/// `container` and the verb it never does ("exit"), and returns false.
bool waitUntil(Context& context, const std::function<bool()>& done, const std::string& container,
               const std::string& never);

/// Sets output.unfinished for an attached command that stops following `container` because it
/// printed more than limits::kAttachedOutputBytes (Docker would go on streaming).
void stopFollowing(Context& context, const std::string& container);
/// Appends text to lines, one entry per line (a final newline ends the last line).
void appendLines(std::vector<std::string>& lines, std::string_view text);
/// --memory, --memory-swap, --cpus and --pids-limit as given (run, create, update).
ResourceLimits limitsOf(const ParsedFlags& flags);
/// Prints rows through docker's formatter (--format), or its error with exit status 1.
void printFormatted(Context& context, std::string_view format, const docker::TemplateValue& header,
                    const std::vector<docker::TemplateValue>& rows);

// Handlers, one family per file.
void runStart(Context&, const ParsedFlags&); ///< ContainerCommands.cpp
void runStop(Context&, const ParsedFlags&);
void runKill(Context&, const ParsedFlags&);
void runPause(Context&, const ParsedFlags&);
void runUnpause(Context&, const ParsedFlags&);
void runRestart(Context&, const ParsedFlags&);
void runRemove(Context&, const ParsedFlags&);
void runWait(Context&, const ParsedFlags&);
void runRename(Context&, const ParsedFlags&);
void runCreate(Context&, const ParsedFlags&); ///< RunCommands.cpp
void runRun(Context&, const ParsedFlags&);
void runPull(Context&, const ParsedFlags&);
void runPs(Context&, const ParsedFlags&);      ///< PsCommand.cpp
void runInspect(Context&, const ParsedFlags&); ///< InspectCommand.cpp
void runLogs(Context&, const ParsedFlags&);    ///< LogsCommand.cpp
void runEvents(Context&, const ParsedFlags&);  ///< EventsCommand.cpp
void runImages(Context&, const ParsedFlags&);  ///< ImagesCommand.cpp
void runExec(Context&, const ParsedFlags&);    ///< InsideCommands.cpp
void runTop(Context&, const ParsedFlags&);

/// docker top's answer from the daemon: the ps columns psArgs names ("-o", "pid,comm"; none:
/// ps -ef's), one row per process of the running container.
struct TopTable {
    std::vector<std::string> titles;
    std::vector<std::vector<std::string>> processes;
};
Expected<TopTable> topTable(Engine& engine, Container& container, std::string_view reference,
                            const std::vector<std::string>& psArgs);
void runStats(Context&, const ParsedFlags&); ///< StatsCommand.cpp
/// daemon/stats: the collector reads every container once a second; a sample is two readings.
inline constexpr Duration kStatsInterval = std::chrono::seconds(1);
/// docker stats reads a container that runs; for any other, Docker answers zeros at once.
bool measuredByStats(const Container& container);
void runUpdate(Context&, const ParsedFlags&); ///< UpdateCommand.cpp
void runTag(Context&, const ParsedFlags&);    ///< ImageCommands.cpp
void runRmi(Context&, const ParsedFlags&);
void runDiff(Context&, const ParsedFlags&);
void runCommit(Context&, const ParsedFlags&);
void runContainerPrune(Context&, const ParsedFlags&);
void runLoad(Context&, const ParsedFlags&);
void runImport(Context&, const ParsedFlags&);
void runAttach(Context&, const ParsedFlags&); ///< AttachCommand.cpp

} // namespace lab::cli
