#pragma once
// `lifecycle-lab` without a mode: the desktop window on the chosen engine and the built-in
// world, or, with --screenshot DIR, the built-in demonstrations saved as PNGs. Engine > Backend
// opens a fresh session on the other backend and a window over it.

#include "base/Expected.h"
#include "console/ConsoleOptions.h"

#include <QString>

namespace lab {

class MainWindow;

/// Runs the window (argc and argv go to QApplication), playing sessionFile when not empty;
/// returns the process exit status: 2 when the chosen engine or the session file cannot open.
int runGui(int& argc, char** argv, const EngineChoice& engine, const QString& screenshotDir,
           const QString& sessionFile);

/// Plays the demonstrations in window and writes one PNG each into dir.
Status saveScreenshots(MainWindow& window, const QString& dir);

} // namespace lab
