#pragma once
// A class recorded on real processes (as root), as `console --record` records one: the real
// backend in a state directory of its own, each docker command one engine second after the one
// before, and the real containers gone once it is recorded. The GUI tests play the recording
// without the kernel.

#include "GuiFixture.h"
#include "console/SessionRecorder.h"
#include "docker/ShellWords.h"
#include "session/EngineSession.h"

#include <QString>
#include <QStringList>
#include <chrono>
#include <optional>

namespace lab::test {

struct RealRecording {
    std::optional<SessionRecording> recording; ///< set once every command exited 0
    QString unavailable; ///< why the real backend cannot run here (the test skips)
    QString failed;      ///< the command that did not exit 0, and what it said
};

/// Runs lines (docker's words without "docker") on the real backend with its state in stateDir.
inline RealRecording recordRealSession(const QString& stateDir, const QStringList& lines) {
    auto real =
        openSession(SessionSpec{BackendKind::Real, 1, stateDir.toStdString()}, defaultWorld());
    if (!real)
        return {std::nullopt,
                QStringLiteral("the real backend cannot run here: ") +
                    QString::fromStdString(real.error().message),
                {}};
    SessionRecorder recorder(**real);
    for (const QString& line : lines) {
        recorder.sleep(std::chrono::seconds(1));
        const CliOutput output = recorder.run(*docker::splitShellWords(line.toStdString()));
        if (output.status != 0)
            return {std::nullopt,
                    {},
                    QStringLiteral("docker %1: exit %2: %3")
                        .arg(line)
                        .arg(output.status)
                        .arg(QString::fromStdString(output.err.empty() ? std::string()
                                                                       : output.err.front()))};
    }
    return {recorder.recording(), {}, {}};
}

} // namespace lab::test
