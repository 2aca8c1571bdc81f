#include "gui/export/ExportCommand.h"

#include "gui/export/AnimationExport.h"
#include "gui/export/SessionAnimation.h"
#include "gui/i18n/Language.h"

#include <QApplication>
#include <QFileInfo>
#include <iostream>

namespace lab {
namespace {

int refused(const std::string& message, int status) {
    std::cerr << "lifecycle-lab export: " << message << std::endl;
    return status;
}

} // namespace

int runExportCommand(const QStringList& arguments) {
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        std::cout << exportUsage().toStdString() << std::endl;
        return 0;
    }
    const Expected<ExportInvocation> invocation = parseExportArguments(arguments);
    if (!invocation) {
        std::cerr << "lifecycle-lab export: " << invocation.error().message << '\n'
                  << exportUsage().toStdString() << std::endl;
        return 2;
    }
    // The frames are drawn off screen: no display is needed, and none flickers.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "lifecycle-lab";
    char* argv[] = {name, nullptr};
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("lifecycle-lab"));
    QApplication::setOrganizationName(QStringLiteral("lifecycle-lab"));
    applyLanguage(savedLanguage()); // the window's words, in the language the learner chose
    const Expected<SessionRecording> recording = loadSessionFile(invocation->sessionFile);
    if (!recording)
        return refused(recording.error().message, 2);
    const AnimationRequest& request = invocation->request;
    SessionAnimation animation(*recording);
    if (const Status begun = animation.begin(request); !begun)
        return refused(invocation->sessionFile.toStdString() + ": " + begun.error().message, 2);
    const Expected<ExportSummary> written = writeAnimation(animation, request);
    if (!written)
        return refused(written.error().message, 1);
    std::cout << "wrote " << request.output.toStdString() << ": " << written->frames
              << " frames of " << request.size.width() << 'x' << request.size.height() << " at "
              << request.fps << " fps, " << written->bytes << " bytes" << std::endl;
    return 0;
}

} // namespace lab
