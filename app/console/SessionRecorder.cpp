#include "console/SessionRecorder.h"

#include "engine/Engine.h"

namespace lab {

SessionRecorder::SessionRecorder(EngineSession& session)
    : m_session(session), m_start(session.engine().clock().now()),
      m_recording(session.origin().value()) {}

CliOutput SessionRecorder::run(const std::vector<std::string>& args) {
    m_recording.entries.push_back({m_session.engine().clock().now() - m_start, args, {}});
    return m_session.run(args);
}

} // namespace lab
