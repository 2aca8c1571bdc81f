#pragma once
// The lesson pictures of docs/screenshots (lesson-en.png, lesson-zh_CN.png, and the same dark
// and in presenter mode), taken after the window's other scenes by
// `lifecycle-lab --screenshot DIR`.

#include "base/Expected.h"

#include <QString>

namespace lab {

class MainWindow;

/// Plays the first step of the stop lesson in window, prediction answered and explained, and
/// saves it at 1280x800 in English and in Chinese into dir: light, dark, and in presenter mode
/// with the panels shown.
Status saveLessonScreenshots(MainWindow& window, const QString& dir);

} // namespace lab
