#include "cli/DockerCli.h"

#include "cli/Commands.h"

#include <algorithm>

namespace lab {
namespace {

using cli::Arity;
using cli::CommandSpec;

// cobra's argument-count errors (CLI 28 layout): "at least" says See, the others say Run.
void usageError(CliOutput& output, const CommandSpec& spec) {
    std::string what;
    switch (spec.arity) {
    case Arity::None:
        what = "accepts no arguments";
        break;
    case Arity::Exactly:
        what = "requires " + std::to_string(spec.count) +
               (spec.count == 1 ? " argument" : " arguments");
        break;
    case Arity::AtLeast:
        what = "requires at least " + std::to_string(spec.count) +
               (spec.count == 1 ? " argument" : " arguments");
        break;
    case Arity::AtMost:
        what = "requires at most " + std::to_string(spec.count) +
               (spec.count == 1 ? " argument" : " arguments");
        break;
    case Arity::Range:
        what = "requires at least " + std::to_string(spec.count) + " and at most " +
               std::to_string(spec.maxCount) + " arguments";
        break;
    }
    output.err = {"docker: 'docker " + spec.name + "' " + what, "", "Usage:  docker " + spec.usage,
                  "",
                  (spec.arity == Arity::AtLeast ? "See" : "Run") + std::string(" 'docker ") +
                      spec.name + " --help' for more information"};
    output.status = 1;
}

void flagError(CliOutput& output, const CommandSpec& spec, const std::string& error) {
    output.err = {error, "", "Usage:  docker " + spec.usage, "",
                  "Run 'docker " + spec.name + " --help' for more information"};
    output.status = 125;
}

bool arityHolds(const CommandSpec& spec, std::size_t count) {
    switch (spec.arity) {
    case Arity::None:
        return count == 0;
    case Arity::Exactly:
        return count == std::size_t(spec.count);
    case Arity::AtLeast:
        return count >= std::size_t(spec.count);
    case Arity::AtMost:
        return count <= std::size_t(spec.count);
    case Arity::Range:
        return count >= std::size_t(spec.count) && count <= std::size_t(spec.maxCount);
    }
    return false;
}

// `docker container ls` and friends name the same commands; `container prune` has no
// top-level twin.
std::vector<std::string> withoutManagementWord(std::vector<std::string> args) {
    if (args.size() >= 2 && args[0] == "container") {
        args.erase(args.begin());
        if (args[0] == "ls" || args[0] == "list")
            args[0] = "ps";
        else if (args[0] == "prune")
            args[0] = "container prune";
    }
    return args;
}

} // namespace

CliOutput DockerCli::run(const std::vector<std::string>& words) {
    CliOutput output;
    const std::vector<std::string> args = withoutManagementWord(words);
    if (args.empty()) {
        output.err = {"docker: no command given", "", "Run 'docker --help' for more information"};
        output.status = 1;
        return output;
    }
    const auto& specs = cli::commandSpecs();
    auto spec = std::find_if(specs.begin(), specs.end(),
                             [&](const CommandSpec& s) { return s.name == args[0]; });
    if (spec == specs.end()) {
        output.err = {"docker: unknown command: docker " + args[0], "",
                      "Run 'docker --help' for more information"};
        output.status = 1;
        return output;
    }
    auto parsed = cli::parseFlags({args.begin() + 1, args.end()}, spec->flags, spec->interspersed);
    if (!parsed) {
        flagError(output, *spec, parsed.error().message);
        return output;
    }
    if (!arityHolds(*spec, parsed->arguments.size())) {
        usageError(output, *spec);
        return output;
    }
    cli::Context context{m_engine, output, spec->name};
    spec->handler(context, *parsed);
    return output;
}

} // namespace lab
