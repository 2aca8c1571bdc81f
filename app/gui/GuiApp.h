#pragma once
// `lifecycle-lab` without a mode: the desktop window on the simulated engine and the built-in
// world, or, with --screenshot DIR, the built-in demonstrations saved as PNGs.

#include "base/Expected.h"

#include <QString>

namespace lab {

class MainWindow;

/// Runs the window (argc and argv go to QApplication); returns the process exit status.
int runGui(int& argc, char** argv, const QString& screenshotDir);

/// Plays the demonstrations in window and writes one PNG each into dir.
Status saveScreenshots(MainWindow& window, const QString& dir);

} // namespace lab
