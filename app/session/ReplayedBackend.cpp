#include "session/ReplayedBackend.h"

#include "base/Clock.h"
#include "engine/Container.h"

#include <algorithm>

namespace lab {

ReplayedBackend::ReplayedBackend(std::shared_ptr<const KernelRecord> record, Clock& clock)
    : m_record(std::move(record)), m_clock(clock) {}

void ReplayedBackend::setSink(OutcomeSink& sink) {
    // In recorded order: reports that came at the same time come again in that order.
    for (const KernelReport& report : m_record->reports)
        m_clock.schedule(report.at, [&sink, &report] {
            if (report.outcome)
                sink.report(report.container, *report.outcome);
            else
                sink.output(report.container, report.at, report.isStderr, report.line);
        });
}

Expected<const KernelAnswer*> ReplayedBackend::next(KernelAnswer::Call call,
                                                    const std::string& container) const {
    const auto& answers = m_record->answers;
    std::size_t& cursor = m_cursor[{call, container}];
    const auto found = std::find_if(answers.begin() + std::ptrdiff_t(cursor), answers.end(),
                                    [&](const KernelAnswer& answer) {
                                        return answer.call == call && answer.container == container;
                                    });
    if (found == answers.end())
        return Error{"the recorded session has no further answer to " +
                     std::string(callName(call)) + (container.empty() ? "" : " for " + container) +
                     ": this replay went another way than the session did"};
    cursor = std::size_t(found - answers.begin()) + 1;
    if (!found->error.empty())
        return Error{found->error};
    return &*found;
}

Status ReplayedBackend::status(KernelAnswer::Call call, const std::string& container) const {
    const auto answer = next(call, container);
    if (!answer)
        return answer.error();
    return Ok{};
}

Status ReplayedBackend::prepare(const Container& container) {
    return status(KernelAnswer::Call::Prepare, container.id);
}

void ReplayedBackend::remove(const Container&) {
    // The real backend spends an armed removal fault on the next removal, as here.
    std::erase(m_armed, Fault::NextRemovalFails);
}

Status ReplayedBackend::injectFault(Fault fault, const Container* target) {
    Status injected = status(KernelAnswer::Call::Fault, target ? target->id : std::string());
    if (injected && fault == Fault::NextRemovalFails)
        m_armed.push_back(fault);
    return injected;
}

int ReplayedBackend::processId(const Container& container) const {
    int pid = 0;
    for (const KernelNote& note : m_record->pids)
        if (note.at <= m_clock.now() && note.container == container.id)
            pid = note.pid;
    return pid;
}

Status ReplayedBackend::exec(const Container& container, const ExecRequest& /*request*/,
                             std::shared_ptr<ExecSession> session) {
    const auto answer = next(KernelAnswer::Call::Exec, container.id);
    if (!answer)
        return answer.error();
    const KernelAnswer& recorded = **answer;
    if (recorded.endedAt)
        m_clock.schedule(*recorded.endedAt, [session, &recorded] {
            session->output = recorded.output;
            session->exitCode = recorded.exitCode;
        });
    return Ok{};
}

Expected<std::vector<ProcessEntry>> ReplayedBackend::processes(const Container& container) const {
    const auto answer = next(KernelAnswer::Call::Processes, container.id);
    if (!answer)
        return answer.error();
    return (*answer)->processes;
}

Status ReplayedBackend::applyLimits(const Container& container, const ResourceLimits&) {
    return status(KernelAnswer::Call::Limits, container.id);
}

Expected<LayerChanges> ReplayedBackend::writableLayer(const Container& container) const {
    const auto answer = next(KernelAnswer::Call::Diff, container.id);
    if (!answer)
        return answer.error();
    LayerChanges layer;
    layer.changes = (*answer)->changes;
    layer.measuredBytes = (*answer)->layerBytes;
    return layer;
}

Status ReplayedBackend::canChangeImages() const {
    if (!m_record->imagesRefusal.empty())
        return Error{m_record->imagesRefusal};
    return Ok{};
}

Expected<std::optional<CommittedImage>> ReplayedBackend::commitImage(const Container& container,
                                                                     const ImageSpec&, bool) {
    const auto answer = next(KernelAnswer::Call::Commit, container.id);
    if (!answer)
        return answer.error();
    if ((*answer)->image.empty())
        return std::optional<CommittedImage>{};
    return std::optional<CommittedImage>(CommittedImage{(*answer)->image, (*answer)->layer});
}

Expected<ResourceSample> ReplayedBackend::usage(const Container& container) const {
    const auto answer = next(KernelAnswer::Call::Usage, container.id);
    if (!answer)
        return answer.error();
    return *(*answer)->sample;
}

} // namespace lab
