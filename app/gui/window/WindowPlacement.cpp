#include "gui/window/WindowPlacement.h"

#include <QMainWindow>
#include <QRect>
#include <QSettings>

namespace lab {
namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kLayoutKey = QStringLiteral("window/docks");
// With nothing remembered: as large as this, or nine tenths of a smaller screen.
constexpr int kPreferredWidth = 1500;
constexpr int kPreferredHeight = 1000;

} // namespace

void fitToScreen(QMainWindow& window, const QRect& available) {
    // The frame (title bar, borders) takes its share of the screen too.
    const QRect frame = window.frameGeometry();
    const QSize border = frame.size() - window.geometry().size();
    const QSize room = available.size() - border;
    const QSize size = window.size().boundedTo(room);
    if (size != window.size())
        window.resize(size);
    QRect placed = window.frameGeometry();
    if (!available.contains(placed)) {
        placed.moveLeft(std::clamp(placed.left(), available.left(),
                                   std::max(available.left(), available.right() - placed.width())));
        placed.moveTop(std::clamp(placed.top(), available.top(),
                                  std::max(available.top(), available.bottom() - placed.height())));
        window.move(placed.topLeft());
    }
}

void placeWindow(QMainWindow& window, QSettings& settings, const QRect& available) {
    if (!window.restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        window.resize(std::min(kPreferredWidth, available.width() * 9 / 10),
                      std::min(kPreferredHeight, available.height() * 9 / 10));
        window.move(available.center() - window.rect().center());
    }
    window.restoreState(settings.value(kLayoutKey).toByteArray());
    fitToScreen(window, available);
}

void rememberWindow(const QMainWindow& window, QSettings& settings) {
    settings.setValue(kGeometryKey, window.saveGeometry());
    settings.setValue(kLayoutKey, window.saveState());
}

} // namespace lab
