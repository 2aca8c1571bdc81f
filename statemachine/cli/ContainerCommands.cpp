// The commands that act on existing containers. stop, kill, pause, unpause and rm run in
// parallel and report in argument order, errors last; start, restart and wait go one by one
// (reference section 0.8).
#include "cli/Commands.h"
#include "cli/OutputRecorder.h"
#include "docker/Signals.h"
#include "engine/Engine.h"

#include <optional>

namespace lab::cli {
namespace {

constexpr int kSigkill = 9;

struct Issued {
    std::string argument;
    CallHandle call;   ///< null when the lookup failed
    Error lookupError; ///< set when the lookup failed
};

// Issues the command to every argument first, so that parallel commands also wait in parallel.
// Without a given event, each container gets the CLI's default one (defaultEvent).
std::vector<Issued> issueToAll(Context& context, const ParsedFlags& flags, Command command,
                               const std::optional<CommandEvent>& given = std::nullopt) {
    std::vector<Issued> issued;
    for (const std::string& argument : flags.arguments) {
        auto container = context.engine.find(argument);
        if (!container) {
            issued.push_back({argument, nullptr, container.error()});
            continue;
        }
        CommandEvent event = given ? *given : defaultEvent(command, **container);
        event.at = context.engine.clock().now();
        issued.push_back({argument, context.engine.command(**container, event, argument), {}});
    }
    const auto waiting = [&]() -> const Issued* {
        for (const Issued& one : issued)
            if (one.call && !one.call->finished())
                return &one;
        return nullptr;
    };
    const std::string never = command == Command::Wait                                  ? "exit"
                              : command == Command::Stop || command == Command::Restart ? "stop"
                                                                                        : "answer";
    if (const Issued* first = waiting())
        waitUntil(
            context, [&] { return waiting() == nullptr; }, first->argument, never);
    return issued;
}

std::string argumentOf(const Issued& issued) {
    return issued.argument;
}

// The common report: each success prints the argument (or what printed makes of it); the errors
// follow, and the CLI exits 1.
void report(Context& context, const std::vector<Issued>& issued,
            std::string (*printed)(const Issued&) = argumentOf) {
    if (!context.output.unfinished.empty())
        return; // Docker would still be waiting: nothing is printed yet
    std::vector<std::string> errors;
    for (const Issued& one : issued) {
        if (!one.call)
            errors.push_back(fromDaemon(one.lookupError.message));
        else if (!one.call->result().has_value())
            errors.push_back(fromDaemon(one.call->result().error().message));
        else
            context.output.out.push_back(printed(one));
    }
    context.output.err.insert(context.output.err.end(), errors.begin(), errors.end());
    if (!errors.empty())
        context.output.status = 1;
}

ParsedFlags onlyArgument(const std::string& argument) {
    ParsedFlags flags;
    flags.arguments = {argument};
    return flags;
}

// The command to one container after the other, each waited for before the next, as the CLI's
// restart and wait go; stops at a wait that does not end.
std::vector<Issued> issueOneByOne(Context& context, const ParsedFlags& flags, Command command,
                                  const std::optional<CommandEvent>& given = std::nullopt) {
    std::vector<Issued> issued;
    for (const std::string& argument : flags.arguments) {
        issued.push_back(issueToAll(context, onlyArgument(argument), command, given).front());
        if (!context.output.unfinished.empty())
            break;
    }
    return issued;
}

// -t given: that timeout; otherwise the container's own (defaultEvent).
std::optional<CommandEvent> timedEvent(Command command, const ParsedFlags& flags) {
    if (!flags.isSet("timeout"))
        return std::nullopt;
    CommandEvent event{command};
    event.timeout = std::chrono::seconds(flags.secondsValue("timeout", 10));
    return event;
}

} // namespace

CommandEvent defaultEvent(Command command, const Container& container) {
    CommandEvent event{command};
    event.signal = kSigkill;
    event.timeout = Engine::defaultStopTimeout(container);
    return event;
}

void runStop(Context& context, const ParsedFlags& flags) {
    // -s/--signal needs API 1.42; Engine 20.10 (API 1.41) never receives it.
    report(context, issueToAll(context, flags, Command::Stop, timedEvent(Command::Stop, flags)));
}

void runKill(Context& context, const ParsedFlags& flags) {
    const std::string signal = flags.value("signal").value_or("");
    // Without -s, the default event: CLI 28's empty signal, which the daemon takes as SIGKILL.
    auto number = signal.empty() ? Expected<std::int64_t>(kSigkill) : docker::parseSignal(signal);
    if (!number) {
        // The router refuses the signal before it looks at any container.
        context.output.err.push_back(fromDaemon(number.error().message));
        context.output.status = 1;
        return;
    }
    std::vector<Issued> issued;
    if (auto supported = docker::checkLinuxSignal(*number); !supported) {
        for (const std::string& argument : flags.arguments)
            issued.push_back({argument, nullptr, supported.error()});
    } else if (signal.empty()) {
        issued = issueToAll(context, flags, Command::Kill);
    } else {
        CommandEvent event{Command::Kill};
        event.signal = int(*number);
        issued = issueToAll(context, flags, Command::Kill, event);
    }
    for (Issued& one : issued)
        if (!one.call)
            one.lookupError = one.lookupError.context("Cannot kill container: " + one.argument);
    report(context, issued);
}

void runPause(Context& context, const ParsedFlags& flags) {
    report(context, issueToAll(context, flags, Command::Pause));
}

void runUnpause(Context& context, const ParsedFlags& flags) {
    report(context, issueToAll(context, flags, Command::Unpause));
}

void runRemove(Context& context, const ParsedFlags& flags) {
    const bool force = flags.isSet("force");
    std::vector<Issued> issued =
        issueToAll(context, flags, force ? Command::RemoveForce : Command::Remove);
    report(context, issued);
    // With -f, a container that does not exist is reported but does not fail the command
    // (errdefs.IsNotFound); an ambiguous or empty name still does.
    if (force && context.output.unfinished.empty()) {
        bool otherFailure = false;
        for (const Issued& one : issued)
            otherFailure = otherFailure || (one.call ? !one.call->result().has_value()
                                                     : one.lookupError.code != ErrorCode::NotFound);
        if (!otherFailure)
            context.output.status = 0;
    }
}

namespace {

// docker start -a: attach, start, stream the output, and exit with the container's code.
void startAttached(Context& context, const std::string& argument) {
    auto container = context.engine.find(argument);
    if (!container) {
        context.output.err.push_back(fromDaemon(container.error().message));
        context.output.status = 1;
        return;
    }
    OutputRecorder recorder(context.engine);
    recorder.follow((*container)->id);
    context.engine.attach(**container); // the CLI attaches before it starts, as docker run does
    CallHandle exit = context.engine.waitForExit(**container, false);
    CommandEvent event = defaultEvent(Command::Start, **container);
    event.at = context.engine.clock().now();
    CallHandle start = context.engine.command(**container, event, argument);
    if (!waitUntil(
            context, [&] { return start->finished(); }, argument, "start"))
        return;
    if (!start->result().has_value()) {
        context.output.err.push_back(fromDaemon(start->result().error().message));
        context.output.status = 1;
        return;
    }
    followToExit(context, recorder, exit, argument);
}

} // namespace

void followToExit(Context& context, OutputRecorder& recorder, const CallHandle& exit,
                  const std::string& container) {
    const bool exited = waitUntil(
        context, [&] { return exit->finished() || recorder.full(); }, container, "exit");
    printRecorded(context.output, recorder.take());
    if (exited && !exit->finished())
        stopFollowing(context, container);
    else if (exited)
        context.output.status = exit->result().value();
}

void runStart(Context& context, const ParsedFlags& flags) {
    if (flags.isSet("attach") || flags.isSet("interactive")) {
        if (flags.arguments.size() > 1) {
            context.output.err.push_back("you cannot start and attach multiple containers at once");
            context.output.status = 1;
            return;
        }
        startAttached(context, flags.arguments.front());
        return;
    }
    std::vector<std::string> failed;
    for (const std::string& argument : flags.arguments) {
        Issued one = issueToAll(context, onlyArgument(argument), Command::Start).front();
        if (!context.output.unfinished.empty())
            return;
        if (!one.call || !one.call->result().has_value()) {
            context.output.err.push_back(fromDaemon(one.call ? one.call->result().error().message
                                                             : one.lookupError.message));
            failed.push_back(argument);
        } else {
            context.output.out.push_back(argument);
        }
    }
    if (failed.empty())
        return;
    std::string names;
    for (const std::string& name : failed)
        names += (names.empty() ? "" : ", ") + name;
    context.output.err.push_back("Error: failed to start containers: " + names);
    context.output.status = 1;
}

void runRestart(Context& context, const ParsedFlags& flags) {
    report(context,
           issueOneByOne(context, flags, Command::Restart, timedEvent(Command::Restart, flags)));
}

void runWait(Context& context, const ParsedFlags& flags) {
    report(context, issueOneByOne(context, flags, Command::Wait),
           [](const Issued& issued) { return std::to_string(issued.call->result().value()); });
}

void runRename(Context& context, const ParsedFlags& flags) {
    // The CLI trims both names before it checks them.
    const auto trimmed = [](std::string text) {
        text.erase(0, text.find_first_not_of(" \t\n"));
        text.erase(text.find_last_not_of(" \t\n") + 1);
        return text;
    };
    const std::string oldName = trimmed(flags.arguments[0]);
    const std::string newName = trimmed(flags.arguments[1]);
    auto fail = [&](const std::string& error) {
        context.output.err = {fromDaemon(error),
                              "Error: failed to rename container named " + oldName};
        context.output.status = 1;
    };
    if (oldName.empty() || newName.empty()) {
        context.output.err = {"Error: Neither old nor new names may be empty"};
        context.output.status = 1;
        return;
    }
    auto container = context.engine.find(oldName);
    if (!container)
        return fail(container.error().message);
    if (auto renamed = context.engine.rename(**container, newName); !renamed)
        fail(renamed.error().message);
}

} // namespace lab::cli
