#pragma once
// The fixed words docker CLI 28.2 prints along the run flow, in one place. Internal to the run
// flow machine (RunFlowMachine.cpp includes it), so it stays MSM-free and C++17-clean.

#include "machines/RunFlow.h"

#include <string>
#include <string_view>
#include <vector>

namespace lab::runflowtext {

/// createContainer's notice before it pulls: "Unable to find image '<ref>' locally".
std::string unableToFind(std::string_view reference);
/// runPull's notice when no tag was typed: "Using default tag: latest".
std::string defaultTag();
/// createContainer's line for each daemon warning: "WARNING: <w>".
std::string warning(std::string_view text);
/// The error as Go's err.Error() reads at the CLI: the client's prefix on daemon errors.
std::string errorMessage(ErrorOrigin origin, std::string_view error);

/// Where in the CLI an error surfaced, which decides its layout and exit status.
enum class Stage {
    Flags,    ///< validatePullOpt or parse in runRun/runCreate: withHelp, 125
    Conflict, ///< returned plainly by runContainer before the create: as is, 1
    Create,   ///< createContainer onwards (reference, pull, create, start): run wraps it by
              ///< toStatusError; create and pull print it as is and exit 1
};

/// An error exit with the lines the CLI prints for it.
struct FailureReport {
    RunFailure failure;
    std::vector<RunFlowLine> lines;
};
/// How command reports the error at stage, ending in exit.
FailureReport describeFailure(RunCommand command, Stage stage, RunStep exit, ErrorOrigin origin,
                              std::string_view error);
/// toStatusError's exit status for a run failure: 127 when the text says the file is missing,
/// 126 when it says permission denied or is a directory, 125 otherwise.
int runStatusFor(std::string_view message);

} // namespace lab::runflowtext
