#include "gui/window/GuiApp.h"

#include "gui/i18n/Language.h"
#include "gui/window/MainWindow.h"
#include "gui/window/SessionActions.h"
#include "gui/window/WindowHost.h"
#include "gui/window/WindowPlacement.h"
#include "session/WorldFile.h"

#include <QApplication>
#include <QCursor>
#include <QIcon>
#include <QScreen>
#include <QSettings>
#include <iostream>

// A static library's resources are registered only when asked for, outside any namespace.
static void initDesktopResource() {
    Q_INIT_RESOURCE(desktop);
}

namespace lab {

int runGui(int& argc, char** argv, const EngineChoice& engine, const QString& screenshotDir,
           const QString& sessionFile) {
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("lifecycle-lab"));
    // Settings (lesson progress, the window's layout) in ~/.config/lifecycle-lab/.
    QApplication::setOrganizationName(QStringLiteral("lifecycle-lab"));
    QApplication::setApplicationDisplayName(QStringLiteral("Container Lifecycle Lab"));
    QApplication::setDesktopFileName(QStringLiteral("lifecycle-lab"));
    initDesktopResource();
    applyLanguage(savedLanguage());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/desktop/lifecycle-lab.svg")));
    const Expected<World> world = loadDefaultWorld();
    if (!world) {
        std::cerr << "lifecycle-lab: " << world.error().message << std::endl;
        return 2;
    }
    WindowHost host(*world, engine);
    if (const Status opened = host.open(engine.backend); !opened) {
        std::cerr << "lifecycle-lab: " << opened.error().message << std::endl;
        return 2;
    }
    if (!sessionFile.isEmpty())
        if (const Status played = host.window().sessionActions().open(sessionFile); !played) {
            std::cerr << "lifecycle-lab: " << played.error().message << std::endl;
            return 2;
        }
    if (!screenshotDir.isEmpty()) {
        if (const Status saved = saveScreenshots(host.window(), screenshotDir); !saved) {
            std::cerr << "lifecycle-lab: " << saved.error().message << std::endl;
            return 1;
        }
        return 0;
    }
    QSettings settings;
    // The screen under the pointer is where the window manager opens a new window.
    const QScreen* screen = QApplication::screenAt(QCursor::pos());
    screen = screen ? screen : QApplication::primaryScreen();
    placeWindow(host.window(), settings, screen->availableGeometry());
    host.window().show();
    const int status = QApplication::exec();
    rememberWindow(host.window(), settings);
    return status;
}

} // namespace lab
