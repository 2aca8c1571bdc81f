#pragma once
// Between the engine and the real backend in a real session: every call and report passes
// through unchanged, and what the kernel answered is kept in a KernelRecord, so that the session
// can be saved and replayed without root (ReplayedBackend).

#include "engine/Backend.h"
#include "session/KernelRecord.h"

#include <functional>
#include <map>
#include <memory>

namespace lab {

class Clock;

/// Records what real answers, at the time clock says.
class RecordingBackend final : public Backend, private OutcomeSink {
public:
    /// A container's kernel operations so far (RealBackend::trace).
    using TraceReader = std::function<const std::vector<std::string>&(const std::string& id)>;
    /// real and clock must outlive this object.
    RecordingBackend(Backend& real, const Clock& clock, TraceReader trace);

    /// What was recorded so far, after a last look for news (notice()).
    const KernelRecord& record();
    /// Looks for what changed without a call or a report: exec'd processes that ended, kernel
    /// operations done meanwhile. The session calls it after each command.
    void notice();
    /// A resource sample the window read (RealSession::resources), kept for the replay's plot.
    void keepSample(const std::string& id, const ResourceSample& sample);

    std::string name() const override { return m_real.name(); }
    void setSink(OutcomeSink& sink) override;
    Status prepare(const Container& container) override;
    void startProcess(const Container& container) override;
    void signal(const Container& container, int signal) override;
    void freeze(const Container& container) override;
    void thaw(const Container& container) override;
    void remove(const Container& container) override;
    Status injectFault(Fault fault, const Container* target) override;
    std::vector<Fault> armedFaults() const override { return m_real.armedFaults(); }
    int processId(const Container& container) const override;
    Status exec(const Container& container, const ExecRequest& request,
                std::shared_ptr<ExecSession> session) override;
    Expected<std::vector<ProcessEntry>> processes(const Container& container) const override;
    int cpus() const override { return m_real.cpus(); }
    Status applyLimits(const Container& container, const ResourceLimits& limits) override;
    Expected<LayerChanges> writableLayer(const Container& container) const override;
    Status storeImage(const ArchiveImage& image) override { return m_real.storeImage(image); }
    void imageNamed(const std::string& id, const std::string& reference) override {
        m_real.imageNamed(id, reference);
    }
    void imageDeleted(const std::string& id) override { m_real.imageDeleted(id); }
    Expected<std::optional<CommittedImage>>
    commitImage(const Container& container, const ImageSpec& spec, bool addsLayer) override;
    Expected<ResourceSample> usage(const Container& container) const override;
    /// A pull is the registry's news, not the kernel's: nothing of it is recorded.
    std::shared_ptr<RegistryPull> pull(const RegistryPullRequest& request) override {
        return m_real.pull(request);
    }

private:
    void report(const std::string& containerId, const OutcomeEvent& event) override;
    void output(const std::string& containerId, TimePoint at, bool isStderr,
                const std::string& line) override;
    // Keeps an answer (error from failed) and returns it for the caller to fill.
    KernelAnswer& answer(KernelAnswer::Call call, const std::string& container,
                         const Status& failed) const;
    void noticeTrace(const std::string& id) const;

    Backend& m_real;
    const Clock& m_clock;
    TraceReader m_trace;
    OutcomeSink* m_sink = nullptr;
    // Recorded from const calls too (processId, usage): what was answered is what happened.
    mutable KernelRecord m_record;
    mutable std::map<std::string, std::size_t> m_traceSeen; // lines recorded per container
    mutable std::map<std::string, int> m_pidSeen;
    struct PendingExec {
        std::size_t answer; // its index in m_record.answers
        std::shared_ptr<ExecSession> session;
    };
    std::vector<PendingExec> m_pendingExecs;
};

} // namespace lab
