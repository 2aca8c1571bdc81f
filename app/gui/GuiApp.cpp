#include "gui/GuiApp.h"

#include "gui/MainWindow.h"
#include "gui/WindowHost.h"
#include "world/WorldFile.h"

#include <QApplication>
#include <iostream>

namespace lab {

int runGui(int& argc, char** argv, const EngineChoice& engine, const QString& screenshotDir) {
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("lifecycle-lab"));
    QApplication::setApplicationDisplayName(QStringLiteral("Container Lifecycle Lab"));
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
    if (!screenshotDir.isEmpty()) {
        if (const Status saved = saveScreenshots(host.window(), screenshotDir); !saved) {
            std::cerr << "lifecycle-lab: " << saved.error().message << std::endl;
            return 1;
        }
        return 0;
    }
    host.window().resize(1500, 1000);
    host.window().show();
    return QApplication::exec();
}

} // namespace lab
