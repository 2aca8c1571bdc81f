#pragma once
// A session as a file (docs/SESSION-FORMAT.md): the world and seed an engine started from, and
// every docker command and engine action at the engine time it ran; on the real backend also
// what the kernel told the engine (KernelRecord). Replaying them on a fresh engine from the same
// world and seed reaches the same states: the engine is deterministic. The reader trusts nothing:
// anything the format does not allow is refused with the file, the place (a JSON path such as
// entries[3].at) and the reason.

#include "base/Expected.h"
#include "base/Time.h"
#include "engine/World.h"
#include "session/EngineAction.h"
#include "session/KernelRecord.h"
#include "session/TypedInput.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lab {

/// The version this lab writes and the only one it reads.
inline constexpr int kSessionFormatVersion = 1;

/// One thing done to the engine: a docker command, or an action.
struct SessionEntry {
    Duration at{};                      ///< engine time since the session began
    std::vector<std::string> command;   ///< docker's words without "docker"; empty for an action
    std::optional<EngineAction> action; ///< set: not a docker command
    std::vector<TimedInput> typed;      ///< typed into the command while it waited, oldest first

    bool operator==(const SessionEntry&) const = default;
};

/// A session from its start: on the simulation, or on the real backend with what the kernel
/// told it (kernel set).
struct SessionRecording {
    std::uint64_t seed = 1;
    World world;
    std::vector<SessionEntry> entries;
    /// Real: the engine time the entries count from; the replay's clock starts there.
    TimePoint start{};
    /// Real: what the kernel reported and answered; null on the simulation.
    std::shared_ptr<const KernelRecord> kernel;
};

/// The file's text. Commands the CLI does not know are left out: they changed nothing.
QByteArray sessionToJson(const SessionRecording& recording);

/// Writes the file at path (whole or not at all); the error names the file.
Status saveSessionFile(const SessionRecording& recording, const QString& path);

/// Checks a session file's text; sourceName stands for the file in error messages.
Expected<SessionRecording> readSessionJson(const QByteArray& json, const QString& sourceName);

/// Reads and checks the session file at path.
Expected<SessionRecording> loadSessionFile(const QString& path);

} // namespace lab
