#pragma once
// A session recorded on the real backend, played again without root: the engine over the
// recorded world and seed, on a virtual clock that starts where the session started, with a
// ReplayedBackend answering as the kernel did. Its kernel operations and resource figures are
// the recorded ones, shown as engine time reaches them.

#include "engine/World.h"
#include "session/EngineSession.h"

#include <memory>

namespace lab {

/// The real backend's session, from its recording.
class ReplayedRealSession final : public EngineSession {
public:
    /// recording.kernel must be set.
    explicit ReplayedRealSession(SessionRecording recording);
    ~ReplayedRealSession() override;

    CliOutput run(const std::vector<std::string>& args) override;
    void sleep(Duration duration) override;
    std::vector<std::string> takeKernelTrace() override;
    Engine& engine() override;
    /// Real: it shows what real containers did (their kernel operations, their figures).
    BackendKind backend() const override { return BackendKind::Real; }
    std::optional<TimePoint> nextDue() const override;
    std::unique_ptr<EngineSession> fresh() const override;
    std::optional<SessionRecording> origin() const override;
    std::vector<std::string> kernelTrace(const std::string& id) const override;
    /// The latest figures recorded for the container up to engine time now.
    Expected<ResourceSample> resources(const std::string& id) const override;

private:
    struct Parts;
    SessionRecording m_origin; // without entries
    std::unique_ptr<Parts> m_parts;
};

} // namespace lab
