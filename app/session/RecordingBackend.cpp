#include "session/RecordingBackend.h"

#include "base/Clock.h"
#include "engine/Container.h"

namespace lab {

RecordingBackend::RecordingBackend(Backend& real, const Clock& clock, TraceReader trace)
    : m_real(real), m_clock(clock), m_trace(std::move(trace)) {
    m_record.cpus = real.cpus();
}

const KernelRecord& RecordingBackend::record() {
    notice();
    return m_record;
}

void RecordingBackend::notice() {
    std::erase_if(m_pendingExecs, [this](const PendingExec& pending) {
        if (!pending.session->exitCode)
            return false;
        KernelAnswer& answer = m_record.answers[pending.answer];
        answer.endedAt = m_clock.now();
        answer.output = pending.session->output;
        answer.exitCode = *pending.session->exitCode;
        return true;
    });
    for (const auto& [id, seen] : std::map(m_traceSeen))
        noticeTrace(id);
}

void RecordingBackend::noticeTrace(const std::string& id) const {
    const std::vector<std::string>& lines = m_trace(id);
    for (std::size_t& seen = m_traceSeen[id]; seen < lines.size(); ++seen)
        m_record.trace.push_back({m_clock.now(), id, 0, lines[seen]});
}

void RecordingBackend::keepSample(const std::string& id, const ResourceSample& sample) {
    m_record.samples.push_back({id, sample});
}

KernelAnswer& RecordingBackend::answer(KernelAnswer::Call call, const std::string& container,
                                       const Status& failed) const {
    KernelAnswer& answer = m_record.answers.emplace_back();
    answer.at = m_clock.now();
    answer.call = call;
    answer.container = container;
    if (!failed)
        answer.error = failed.error().message;
    noticeTrace(container);
    return answer;
}

void RecordingBackend::setSink(OutcomeSink& sink) {
    m_sink = &sink;
    m_real.setSink(*this);
}

Status RecordingBackend::prepare(const Container& container) {
    Status prepared = m_real.prepare(container);
    answer(KernelAnswer::Call::Prepare, container.id, prepared);
    return prepared;
}

void RecordingBackend::startProcess(const Container& container) {
    m_real.startProcess(container);
    noticeTrace(container.id);
}

void RecordingBackend::signal(const Container& container, int signal) {
    m_real.signal(container, signal);
    noticeTrace(container.id);
}

void RecordingBackend::freeze(const Container& container) {
    m_real.freeze(container);
    noticeTrace(container.id);
}

void RecordingBackend::thaw(const Container& container) {
    m_real.thaw(container);
    noticeTrace(container.id);
}

void RecordingBackend::remove(const Container& container) {
    m_real.remove(container);
    noticeTrace(container.id);
}

Status RecordingBackend::injectFault(Fault fault, const Container* target) {
    Status injected = m_real.injectFault(fault, target);
    answer(KernelAnswer::Call::Fault, target ? target->id : std::string(), injected);
    return injected;
}

int RecordingBackend::processId(const Container& container) const {
    const int pid = m_real.processId(container);
    const auto seen = m_pidSeen.find(container.id);
    if (seen == m_pidSeen.end() || seen->second != pid) {
        m_pidSeen[container.id] = pid;
        m_record.pids.push_back({m_clock.now(), container.id, pid, {}});
    }
    return pid;
}

Status RecordingBackend::exec(const Container& container, const ExecRequest& request,
                              std::shared_ptr<ExecSession> session) {
    Status started = m_real.exec(container, request, session);
    answer(KernelAnswer::Call::Exec, container.id, started);
    if (started)
        m_pendingExecs.push_back({m_record.answers.size() - 1, std::move(session)});
    return started;
}

Expected<std::vector<ProcessEntry>> RecordingBackend::processes(const Container& container) const {
    auto listed = m_real.processes(container);
    KernelAnswer& kept = answer(KernelAnswer::Call::Processes, container.id,
                                listed ? Status{} : Status{listed.error()});
    if (listed)
        kept.processes = *listed;
    return listed;
}

Status RecordingBackend::applyLimits(const Container& container, const ResourceLimits& limits) {
    Status applied = m_real.applyLimits(container, limits);
    answer(KernelAnswer::Call::Limits, container.id, applied);
    return applied;
}

Expected<LayerChanges> RecordingBackend::writableLayer(const Container& container) const {
    auto layer = m_real.writableLayer(container);
    KernelAnswer& kept =
        answer(KernelAnswer::Call::Diff, container.id, layer ? Status{} : Status{layer.error()});
    if (layer) {
        kept.changes = layer->changes;
        kept.layerBytes = layer->size();
    }
    return layer;
}

Expected<std::optional<CommittedImage>>
RecordingBackend::commitImage(const Container& container, const ImageSpec& spec, bool addsLayer) {
    auto committed = m_real.commitImage(container, spec, addsLayer);
    KernelAnswer& kept = answer(KernelAnswer::Call::Commit, container.id,
                                committed ? Status{} : Status{committed.error()});
    if (committed && *committed) {
        kept.image = (*committed)->id;
        kept.layer = (*committed)->diffId;
    }
    return committed;
}

Expected<ResourceSample> RecordingBackend::usage(const Container& container) const {
    auto sample = m_real.usage(container);
    KernelAnswer& kept =
        answer(KernelAnswer::Call::Usage, container.id, sample ? Status{} : Status{sample.error()});
    if (sample)
        kept.sample = *sample;
    return sample;
}

void RecordingBackend::report(const std::string& containerId, const OutcomeEvent& event) {
    m_record.reports.push_back({m_clock.now(), containerId, event, {}, false});
    noticeTrace(containerId);
    m_sink->report(containerId, event);
}

void RecordingBackend::output(const std::string& containerId, TimePoint at, bool isStderr,
                              const std::string& line) {
    m_record.reports.push_back({m_clock.now(), containerId, std::nullopt, line, isStderr});
    m_sink->output(containerId, at, isStderr, line);
}

} // namespace lab
