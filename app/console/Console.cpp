#include "console/Console.h"

#include "console/Interactive.h"
#include "console/ScriptRunner.h"
#include "console/SimulatedSession.h"
#include "world/WorldFile.h"

#include <QFile>

#include <unistd.h>

#include <iostream>
#include <sstream>

namespace lab {
namespace {

constexpr const char* kProgram = "lifecycle-lab";
constexpr int kUnreadableInput = 2;

int refuse(const std::string& message) {
    std::cerr << kProgram << ": " << message << std::endl;
    return kUnreadableInput;
}

int runScriptFile(const QString& path, SimulatedSession& session) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refuse(QStringLiteral("cannot read script %1: %2").arg(path, file.errorString()).toStdString());
    std::istringstream script(file.readAll().toStdString());
    if (const Status ran = runScript(script, session, std::cout); !ran)
        return refuse(ran.error().context(path.toStdString()).message);
    return 0;
}

} // namespace

int runConsole(const ConsoleOptions& options) {
    const Expected<World> world =
        options.worldFile.isEmpty() ? loadDefaultWorld() : loadWorldFile(options.worldFile);
    if (!world)
        return refuse(world.error().message);
    SimulatedSession session(*world, options.seed);
    if (!options.scriptFile.isEmpty())
        return runScriptFile(options.scriptFile, session);
    if (isatty(STDIN_FILENO))
        return runInteractive(session, kProgram);
    CommandLoop loop(session, std::cout, std::cerr);
    loop.feedAll(std::cin);
    return loop.status();
}

} // namespace lab
