#include "console/Doctor.h"

#include "session/RealSession.h"
#include "session/SimulatedSession.h"
#include "session/WorldFile.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <fontconfig/fontconfig.h>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace lab {
namespace {

const std::vector<std::string> kProbeCommand{"run", "--rm", "busybox", "echo", "hello"};
const QString kProbeWords = QStringLiteral("docker run --rm busybox echo hello");

// Runs the probe command on a session: empty when it answered as Docker does, else why not.
QString probe(EngineSession& session, qint64& milliseconds) {
    QElapsedTimer timer;
    timer.start();
    const CliOutput output = session.run(kProbeCommand);
    milliseconds = timer.elapsed();
    if (output.status == 0 && output.out == std::vector<std::string>{"hello"})
        return {};
    QString why = QStringLiteral("`%1` exited %2").arg(kProbeWords).arg(output.status);
    for (const std::string& line : output.err)
        if (!line.empty())
            why += QStringLiteral("; ") + QString::fromStdString(line);
    return why;
}

DoctorFinding simulatedEngine(const World& world) {
    DoctorFinding finding{QStringLiteral("simulated engine"), false, {}};
    SimulatedSession session(world, 1);
    qint64 ms = 0;
    const QString failure = probe(session, ms);
    finding.works = failure.isEmpty();
    finding.details << (finding.works ? QStringLiteral("ran `%1` on engine time").arg(kProbeWords)
                                      : failure);
    return finding;
}

const QString kDelegateHint = QStringLiteral(
    "rootless it needs unprivileged user namespaces and a cgroup delegated to you; a systemd "
    "desktop gives one with: systemd-run --user --scope -p Delegate=yes lifecycle-lab "
    "--backend real");

// Pause (the freezer), the figures and the limits need cgroups of the containers' own.
DoctorFinding realCgroups(bool works) {
    DoctorFinding finding{QStringLiteral("real backend: pause, figures, OOM (cgroups)"), works, {}};
    if (works)
        finding.details << QStringLiteral("each container gets cgroups of its own");
    else
        finding.details << QStringLiteral("no cgroup of the lab's own: pause is refused, there "
                                          "are no figures and no OOM fault")
                        << kDelegateHint;
    return finding;
}

std::vector<DoctorFinding> realBackend(const World& world) {
    DoctorFinding finding{QStringLiteral("real backend (--backend real)"), false, {}};
    const bool root = geteuid() == 0;
    QTemporaryDir stateDir; // outlives the session below, which empties it
    if (!stateDir.isValid()) {
        finding.details << QStringLiteral("no temporary directory to try it in: %1")
                               .arg(stateDir.errorString());
        return {finding};
    }
    auto session = RealSession::open(world, 1, stateDir.path().toStdString());
    if (!session) {
        finding.details << QString::fromStdString(session.error().message);
        if (!root)
            finding.details << QStringLiteral("as root it makes its own cgroups and mounts: "
                                              "sudo lifecycle-lab --backend real")
                            << kDelegateHint;
        return {finding};
    }
    qint64 ms = 0;
    const QString failure = probe(**session, ms);
    finding.works = failure.isEmpty();
    finding.details
        << (finding.works
                ? QStringLiteral("ran `%1` as a real process in %2 ms").arg(kProbeWords).arg(ms)
                : failure);
    for (const std::string& line : (*session)->describe())
        finding.details << QString::fromStdString(line);
    return {finding, realCgroups((*session)->hasCgroups())};
}

DoctorFinding window() {
    DoctorFinding finding{QStringLiteral("window"), false, {}};
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    const QString x11 = qEnvironmentVariable("DISPLAY");
    const QString wayland = qEnvironmentVariable("WAYLAND_DISPLAY");
    if (platform == QLatin1String("offscreen")) {
        finding.details << QStringLiteral("QT_QPA_PLATFORM=offscreen: the window draws, but only "
                                          "into screenshots (--screenshot DIR)");
    } else if (!wayland.isEmpty() || !x11.isEmpty()) {
        finding.works = true;
        finding.details << QStringLiteral("display %1").arg(wayland.isEmpty() ? x11 : wayland);
    } else {
        finding.details << QStringLiteral("no display: DISPLAY and WAYLAND_DISPLAY are unset; "
                                          "the console and the lessons work in this terminal "
                                          "(lifecycle-lab console, lifecycle-lab lesson)");
    }
    return finding;
}

// The family of a font that covers Simplified Chinese, or empty.
QString chineseFontFamily() {
    FcConfig* config = FcInitLoadConfigAndFonts();
    const std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> pattern(
        FcNameParse(reinterpret_cast<const FcChar8*>(":lang=zh-cn")), FcPatternDestroy);
    const std::unique_ptr<FcObjectSet, decltype(&FcObjectSetDestroy)> family(
        FcObjectSetBuild(FC_FAMILY, nullptr), FcObjectSetDestroy);
    const std::unique_ptr<FcFontSet, decltype(&FcFontSetDestroy)> fonts(
        FcFontList(config, pattern.get(), family.get()), FcFontSetDestroy);
    QString name;
    FcChar8* found = nullptr;
    if (fonts && fonts->nfont > 0 &&
        FcPatternGetString(fonts->fonts[0], FC_FAMILY, 0, &found) == FcResultMatch)
        name = QString::fromUtf8(reinterpret_cast<const char*>(found));
    FcConfigDestroy(config);
    return name;
}

DoctorFinding chineseText() {
    DoctorFinding finding{
        QStringLiteral("Chinese text (--lang zh_CN, View > Language)"), false, {}};
    const QString family = chineseFontFamily();
    finding.works = !family.isEmpty();
    finding.details << (finding.works
                            ? QStringLiteral("font %1").arg(family)
                            : QStringLiteral("no font covers Chinese: the Chinese lessons and "
                                             "menus would show boxes; install fonts-noto-cjk"));
    return finding;
}

} // namespace

std::vector<DoctorFinding> examineMachine() {
    auto world = loadDefaultWorld();
    if (!world)
        return {{QStringLiteral("built-in world"),
                 false,
                 {QString::fromStdString(world.error().message)}}};
    std::vector<DoctorFinding> findings{simulatedEngine(*world)};
    for (DoctorFinding& real : realBackend(*world))
        findings.push_back(std::move(real));
    findings.push_back(window());
    findings.push_back(chineseText());
    return findings;
}

QString doctorReport(const std::vector<DoctorFinding>& findings) {
    QString report;
    for (const DoctorFinding& finding : findings) {
        report +=
            QStringLiteral("%1: %2\n")
                .arg(finding.feature, finding.works ? QStringLiteral("yes") : QStringLiteral("no"));
        for (const QString& detail : finding.details)
            report += QStringLiteral("    ") + detail + u'\n';
    }
    return report;
}

int runDoctor() {
    std::cout << doctorReport(examineMachine()).toStdString() << std::flush;
    return 0;
}

} // namespace lab
