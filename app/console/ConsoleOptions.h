#pragma once
// The command line of lifecycle-lab:
// `lifecycle-lab [--help] [--version] [--screenshot DIR] [console OPTIONS]`.
// Parsing is separate from running so that every refusal can be tested.

#include "base/Expected.h"

#include <QString>
#include <QStringList>

#include <cstdint>

namespace lab {

/// What `lifecycle-lab console` was asked to do.
struct ConsoleOptions {
    QString worldFile;      ///< empty: the built-in world
    QString scriptFile;     ///< empty: commands from standard input
    std::uint64_t seed = 1; ///< fixes IDs and generated names
};

/// What the whole command line asks for.
struct Invocation {
    enum class Mode { Help, Version, Gui, Console };
    Mode mode = Mode::Gui;
    ConsoleOptions console; ///< Console: its options
    QString screenshotDir;  ///< Gui: write the screenshots here and quit (empty: interactive)
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
