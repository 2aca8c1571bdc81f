#include "console/SessionRecorder.h"

#include "engine/Engine.h"

namespace lab {

SessionRecorder::SessionRecorder(EngineSession& session)
    : m_session(session), m_start(session.engine().clock().now()) {}

CliOutput SessionRecorder::run(const std::vector<std::string>& args) {
    m_entries.push_back({m_session.engine().clock().now() - m_start, args, {}, {}});
    return m_session.run(args);
}

SessionRecording SessionRecorder::recording() const {
    SessionRecording recording = m_session.origin().value();
    recording.entries = m_entries;
    recording.start = m_start;
    return recording;
}

} // namespace lab
