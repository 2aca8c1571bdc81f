#include "console/Console.h"

#include "console/ConsoleInput.h"
#include "console/Interactive.h"
#include "console/ScriptRunner.h"
#include "console/SessionRecorder.h"
#include "session/InputFile.h"
#include "session/WorldFile.h"

#include <QFileInfo>
#include <iostream>
#include <optional>
#include <sstream>
#include <unistd.h>

namespace lab {
namespace {

constexpr const char* kProgram = "lifecycle-lab";
constexpr int kUnreadableInput = 2; // also: an engine that cannot open

int refuse(const std::string& message) {
    std::cerr << kProgram << ": " << message << std::endl;
    return kUnreadableInput;
}

int runScriptFile(const QString& path, Session& session, std::ostream* trace) {
    const auto content = readInputFile(path, QStringLiteral("script"));
    if (!content)
        return refuse(content.error().message);
    std::istringstream script(content->toStdString());
    if (const Status ran = runScript(script, session, std::cout, trace); !ran)
        return refuse(ran.error().context(path.toStdString()).message);
    return 0;
}

// The console's three ways to take lines: a script, a terminal, a pipe.
int drive(const ConsoleOptions& options, Session& session) {
    std::ostream* trace = options.trace ? &std::cerr : nullptr;
    if (!options.scriptFile.isEmpty())
        return runScriptFile(options.scriptFile, session, trace);
    if (isatty(STDIN_FILENO))
        return runInteractive(session, kProgram, trace);
    // Plain mode (a pipe): lines as they come, the engine running in between.
    ConsoleInput input(session, STDIN_FILENO);
    CommandLoop loop(session, std::cout, std::cerr, trace);
    while (const auto line = input.readLine())
        if (!loop.feed(*line) || input.leavingSignal() != 0)
            break;
    return input.leavingSignal() != 0 ? 128 + input.leavingSignal() : loop.status();
}

} // namespace

int runConsole(const ConsoleOptions& options) {
    const Expected<World> world =
        options.worldFile.isEmpty() ? loadDefaultWorld() : loadWorldFile(options.worldFile);
    if (!world)
        return refuse(world.error().message);
    SessionSpec spec;
    spec.backend = options.engine.backend;
    spec.seed = options.seed;
    spec.stateDir = options.engine.stateDir.toStdString();
    auto session = openSession(spec, *world);
    if (!session)
        return refuse(session.error().message);
    std::optional<SessionRecorder> recorder;
    if (!options.recordFile.isEmpty()) {
        // Said now, not after an hour of typing that could not be kept.
        const QFileInfo target(options.recordFile);
        if (target.isDir() || !QFileInfo(target.absolutePath()).isWritable())
            return refuse(QStringLiteral("cannot write session file %1: %2")
                              .arg(options.recordFile,
                                   target.isDir() ? QStringLiteral("it is a folder")
                                                  : QStringLiteral("its folder is not writable"))
                              .toStdString());
        recorder.emplace(**session);
    }
    Session& driven = recorder ? static_cast<Session&>(*recorder) : **session;
    const int status = drive(options, driven);
    if (recorder)
        if (const Status saved = saveSessionFile(recorder->recording(), options.recordFile); !saved)
            return refuse(saved.error().message);
    return status;
}

} // namespace lab
