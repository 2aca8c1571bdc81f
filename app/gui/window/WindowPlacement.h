#pragma once
// Where the window opens: on the screen it opens on, never larger than that screen's available
// area (a projector at 1024x768 or 1280x800 shows the console's input line), at the size and with
// the docks' layout it had when it was last closed (QSettings), where those still fit.

class QMainWindow;
class QRect;
class QSettings;

namespace lab {

/// Shrinks and moves the window, frame included, into available (a screen's available geometry).
void fitToScreen(QMainWindow& window, const QRect& available);
/// The size and the docks' layout of the last run, or a size that suits available, then fitted
/// into available.
void placeWindow(QMainWindow& window, QSettings& settings, const QRect& available);
/// Keeps the window's size and the docks' layout for the next run.
void rememberWindow(const QMainWindow& window, QSettings& settings);

} // namespace lab
