#pragma once
// The words of the architecture view: each of Docker's parts by Docker's name, and beside it the
// lab's piece that plays it (simulated, or real on the real backend).

#include "gui/architecture/ApiTraffic.h"
#include "session/EngineSession.h"

#include <QString>
#include <array>

namespace lab {

/// Every part, in the order the view lays them out.
inline constexpr std::array kArchParts{ArchPart::Client,   ArchPart::Socket,  ArchPart::Daemon,
                                       ArchPart::Registry, ArchPart::Runtime, ArchPart::Kernel};

/// Docker's name for the part: "docker CLI (client)", "dockerd (daemon)", ...
QString partTitle(ArchPart part);
/// What plays the part in the lab: socketPath is the window's socket, empty when not served.
QString partInLab(ArchPart part, BackendKind backend, const QString& socketPath);

} // namespace lab
