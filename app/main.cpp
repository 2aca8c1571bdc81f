// lifecycle-lab: the one executable. Without arguments it opens the desktop window; `console`
// is the docker command line on the same engine: simulated, or real with --backend real.
#include "console/Console.h"
#include "console/ConsoleOptions.h"
#include "console/Doctor.h"
#include "daemon/Daemon.h"
#include "gui/export/ExportCommand.h"
#include "gui/window/GuiApp.h"
#include "player/LessonPlayer.h"

#include <iostream>
#include <string_view>

int main(int argc, char* argv[]) {
    if (argc > 1 && std::string_view(argv[1]) == "daemon") // Docker's Engine API on a socket
        return lab::daemon::daemonMain({argv + 2, argv + argc});
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const lab::Expected<lab::Invocation> invocation = lab::parseInvocation(arguments);
    if (!invocation) {
        std::cerr << "lifecycle-lab: " << invocation.error().message << '\n'
                  << lab::usageLine().toStdString() << std::endl;
        return 2;
    }
    switch (invocation->mode) {
    case lab::Invocation::Mode::Help:
        std::cout << lab::helpText().toStdString();
        return 0;
    case lab::Invocation::Mode::Version:
        std::cout << "lifecycle-lab " LAB_VERSION << std::endl;
        return 0;
    case lab::Invocation::Mode::Gui: {
        // QApplication takes the program name only: every argument was read above.
        int qtArgc = 1;
        return lab::runGui(qtArgc, argv, invocation->engine, invocation->screenshotDir,
                           invocation->sessionFile);
    }
    case lab::Invocation::Mode::Lesson:
        return lab::runLessonCommand(invocation->lessonArguments);
    case lab::Invocation::Mode::Doctor:
        return lab::runDoctor();
    case lab::Invocation::Mode::Export:
        return lab::runExportCommand(invocation->exportArguments);
    case lab::Invocation::Mode::Console:
        break;
    }
    return lab::runConsole(invocation->console);
}
