#include "gui/architecture/ArchitectureParts.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace lab {
namespace {

// Every text is a literal inside QT_TRANSLATE_NOOP, so that lupdate extracts it.
QString translated(const char* text) {
    return QCoreApplication::translate("lab::ArchitectureView", text);
}

} // namespace

QString partTitle(ArchPart part) {
    switch (part) {
    case ArchPart::Client:
        return translated(QT_TRANSLATE_NOOP("lab::ArchitectureView", "docker CLI (client)"));
    case ArchPart::Socket:
        return translated(QT_TRANSLATE_NOOP("lab::ArchitectureView", "Unix socket"));
    case ArchPart::Daemon:
        return translated(QT_TRANSLATE_NOOP("lab::ArchitectureView", "dockerd (daemon)"));
    case ArchPart::Registry:
        return translated(QT_TRANSLATE_NOOP("lab::ArchitectureView", "registry"));
    case ArchPart::Runtime:
        return translated(QT_TRANSLATE_NOOP("lab::ArchitectureView", "runtime (containerd, runc)"));
    case ArchPart::Kernel:
        return translated(
            QT_TRANSLATE_NOOP("lab::ArchitectureView", "kernel (namespaces, cgroups)"));
    }
    return {};
}

QString partInLab(ArchPart part, BackendKind backend, const QString& socketPath) {
    const bool real = backend == BackendKind::Real;
    switch (part) {
    case ArchPart::Client:
        return translated(QT_TRANSLATE_NOOP(
            "lab::ArchitectureView", "lab: the Console dock,\nor a docker in your terminal"));
    case ArchPart::Socket:
        return socketPath.isEmpty()
                   ? translated(QT_TRANSLATE_NOOP(
                         "lab::ArchitectureView",
                         "lab: not served (Engine menu);\nthe console calls the engine"))
                   : translated(QT_TRANSLATE_NOOP(
                                    "lab::ArchitectureView",
                                    "lab: %1 (real, for your\nterminal; the console skips it)"))
                         .arg(QFileInfo(socketPath).fileName());
    case ArchPart::Daemon:
        return translated(
            QT_TRANSLATE_NOOP("lab::ArchitectureView",
                              "lab: the engine's state machines\n(Docker's rules, simulated)"));
    case ArchPart::Registry:
        return translated(
            QT_TRANSLATE_NOOP("lab::ArchitectureView",
                              "lab: the world's registries\n(simulated, nothing downloaded)"));
    case ArchPart::Runtime:
        return real ? translated(
                          QT_TRANSLATE_NOOP("lab::ArchitectureView",
                                            "lab: the real backend\n(clone, exec, signals: real)"))
                    : translated(
                          QT_TRANSLATE_NOOP("lab::ArchitectureView",
                                            "lab: simulated processes\n(on a virtual clock)"));
    case ArchPart::Kernel:
        return real ? translated(QT_TRANSLATE_NOOP(
                          "lab::ArchitectureView",
                          "lab: this machine's kernel\n(namespaces, cgroups: real)"))
                    : translated(
                          QT_TRANSLATE_NOOP("lab::ArchitectureView",
                                            "lab: none (simulation);\nthe real backend uses it"));
    }
    return {};
}

} // namespace lab
