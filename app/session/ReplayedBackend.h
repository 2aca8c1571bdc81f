#pragma once
// The real backend as a session file remembers it: what the kernel reported comes again at the
// engine time it came, and each call the engine makes is answered as the kernel answered it
// (KernelRecord). The engine is deterministic: given the same commands at the same times and the
// same answers, it takes the same steps, so the session replays without root or kernel.

#include "engine/Backend.h"
#include "session/KernelRecord.h"

#include <map>
#include <memory>
#include <utility>

namespace lab {

class Clock;

/// Answers from a KernelRecord on a clock that starts where the recorded session started.
class ReplayedBackend final : public Backend {
public:
    /// clock must outlive this object.
    ReplayedBackend(std::shared_ptr<const KernelRecord> record, Clock& clock);

    std::string name() const override { return "real"; }
    /// Schedules every recorded report at its time.
    void setSink(OutcomeSink& sink) override;
    Status prepare(const Container& container) override;
    // Their outcomes are among the recorded reports.
    void startProcess(const Container&) override {}
    void signal(const Container&, int) override {}
    void freeze(const Container&) override {}
    void thaw(const Container&) override {}
    void remove(const Container& container) override;
    Status injectFault(Fault fault, const Container* target) override;
    std::vector<Fault> armedFaults() const override { return m_armed; }
    int processId(const Container& container) const override;
    Status exec(const Container& container, const ExecRequest& request,
                std::shared_ptr<ExecSession> session) override;
    Expected<std::vector<ProcessEntry>> processes(const Container& container) const override;
    int cpus() const override { return m_record->cpus; }
    Status applyLimits(const Container& container, const ResourceLimits& limits) override;
    Expected<LayerChanges> writableLayer(const Container& container) const override;
    Status canChangeImages() const override;
    /// The image the recorded commit made: the ID the real backend gave it.
    Expected<std::optional<CommittedImage>>
    commitImage(const Container& container, const ImageSpec& spec, bool addsLayer) override;
    Expected<ResourceSample> usage(const Container& container) const override;

private:
    // The next recorded answer to call for container; an error: the one recorded, or why the
    // replay has none.
    Expected<const KernelAnswer*> next(KernelAnswer::Call call, const std::string& container) const;
    Status status(KernelAnswer::Call call, const std::string& container) const;

    std::shared_ptr<const KernelRecord> m_record;
    Clock& m_clock;
    std::vector<Fault> m_armed;
    // Per call and container: where the search for its next answer goes on.
    mutable std::map<std::pair<KernelAnswer::Call, std::string>, std::size_t> m_cursor;
};

} // namespace lab
