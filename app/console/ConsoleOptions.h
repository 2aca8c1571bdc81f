#pragma once
// The command line of lifecycle-lab:
// `lifecycle-lab [--help] [--version] [--backend sim|real] [--state-dir DIR] [--screenshot DIR]
// [console OPTIONS]`. Parsing is separate from running so that every refusal can be tested.

#include "base/Expected.h"
#include "session/EngineSession.h"

#include <QString>
#include <QStringList>
#include <cstdint>

namespace lab {

/// Which engine to run on, for the console and the window alike.
struct EngineChoice {
    BackendKind backend = BackendKind::Simulated;
    QString stateDir; ///< real backend: an absolute path; empty: the backend's default
};

/// What `lifecycle-lab console` was asked to do.
struct ConsoleOptions {
    QString worldFile;      ///< empty: the built-in world
    QString scriptFile;     ///< empty: commands from standard input
    std::uint64_t seed = 1; ///< fixes IDs and generated names
    EngineChoice engine;
    bool trace = false; ///< print the kernel operations of each command on stderr (real only)
    QString recordFile; ///< non-empty: write the session there at the end (docs/SESSION-FORMAT.md)
};

/// What the whole command line asks for.
struct Invocation {
    enum class Mode { Help, Version, Gui, Console, Lesson, Doctor, Export };
    Mode mode = Mode::Gui;
    ConsoleOptions console;      ///< Console: its options
    EngineChoice engine;         ///< Gui: the engine the window opens on
    QString screenshotDir;       ///< Gui: write the screenshots here and quit (empty: interactive)
    QString sessionFile;         ///< Gui: open this session file and play it back (empty: none)
    QStringList lessonArguments; ///< Lesson: the arguments after "lesson", read by the player
    QStringList exportArguments; ///< Export: the arguments after "export", read by the exporter
};

/// Reads the options after "console".
Expected<ConsoleOptions> parseConsoleOptions(const QStringList& arguments);

/// Reads the arguments after the program name; none means the desktop window.
Expected<Invocation> parseInvocation(const QStringList& arguments);

/// The one-line synopsis printed after an error.
QString usageLine();

/// What --help prints.
QString helpText();

} // namespace lab
