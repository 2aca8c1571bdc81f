// Session files (docs/SESSION-FORMAT.md): any bytes, read as File > Open session would, and a
// session that reads is replayed on a fresh engine as the window's player does.
#include "engine/Engine.h"
#include "session/SessionFile.h"
#include "session/SimulatedSession.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto recording = lab::readSessionJson(
        QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)),
        QStringLiteral("fuzz.json"));
    if (!recording)
        return 0;
    lab::SimulatedSession session(recording->world, recording->seed);
    lab::replayEntries(session, session.engine().clock().now(), recording->entries,
                       [&session](const lab::SessionEntry& entry) {
                           if (entry.action)
                               (void)lab::applyEngineAction(*entry.action, session.engine());
                           else
                               (void)session.run(entry.command);
                       });
    return 0;
}
