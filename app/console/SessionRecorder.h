#pragma once
// `lifecycle-lab console --record FILE`: the console's session, with every docker command it
// runs kept at its engine time, for a session file (docs/SESSION-FORMAT.md) the window opens.

#include "session/EngineSession.h"

namespace lab {

/// Forwards to a session and keeps what a session file needs to replay it.
class SessionRecorder final : public Session {
public:
    /// session must be at its start and replayable (origin()); it must outlive this object.
    explicit SessionRecorder(EngineSession& session);

    CliOutput run(const std::vector<std::string>& args) override;
    void sleep(Duration duration) override { m_session.sleep(duration); }
    std::vector<std::string> commands() const override { return m_session.commands(); }
    std::vector<std::string> takeKernelTrace() override { return m_session.takeKernelTrace(); }
    int readyDescriptor() const override { return m_session.readyDescriptor(); }
    void dispatchReady() override { m_session.dispatchReady(); }
    void stopWaiting() override { m_session.stopWaiting(); }

    /// The world, the seed and every command so far (on the real backend, and what the kernel
    /// told the session).
    SessionRecording recording() const;

private:
    EngineSession& m_session;
    TimePoint m_start;
    std::vector<SessionEntry> m_entries;
};

} // namespace lab
