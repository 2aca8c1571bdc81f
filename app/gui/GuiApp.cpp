#include "gui/GuiApp.h"

#include "console/SimulatedSession.h"
#include "gui/MainWindow.h"
#include "world/WorldFile.h"

#include <QApplication>
#include <QIcon>
#include <iostream>

// A static library's resources are registered only when asked for, outside any namespace.
static void initDesktopResource() {
    Q_INIT_RESOURCE(desktop);
}

namespace lab {
namespace {

constexpr std::uint64_t kSeed = 1; // the console's default: the same IDs and names as there

} // namespace

int runGui(int& argc, char** argv, const QString& screenshotDir) {
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("lifecycle-lab"));
    QApplication::setApplicationDisplayName(QStringLiteral("Container Lifecycle Lab"));
    QApplication::setDesktopFileName(QStringLiteral("lifecycle-lab"));
    initDesktopResource();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/desktop/lifecycle-lab.svg")));
    const Expected<World> world = loadDefaultWorld();
    if (!world) {
        std::cerr << "lifecycle-lab: " << world.error().message << std::endl;
        return 2;
    }
    SimulatedSession session(*world, kSeed);
    MainWindow window(session);
    if (!screenshotDir.isEmpty()) {
        if (const Status saved = saveScreenshots(window, screenshotDir); !saved) {
            std::cerr << "lifecycle-lab: " << saved.error().message << std::endl;
            return 1;
        }
        return 0;
    }
    window.resize(1500, 1000);
    window.show();
    return QApplication::exec();
}

} // namespace lab
