#include "gui/window/StepTimeline.h"

#include <algorithm>
#include <utility>

namespace lab {
namespace {

// What `docker ps -a`, the explanation and the timeline read of a container: its logs and image
// files stay with the engine.
ContainerRow psRow(const Container& container) {
    auto row = std::make_shared<Container>();
    row->id = container.id;
    row->name = container.name;
    row->sequence = container.sequence;
    row->config = container.config;
    row->created = container.created;
    row->machine = container.machine;
    row->record = container.record;
    return row;
}

} // namespace

StepTimeline::StepTimeline(EngineSignals& engineSignals, QObject* parent)
    : QObject(parent), m_signals(engineSignals) {
    connect(&engineSignals, &EngineSignals::containerReacted, this, &StepTimeline::onReacted);
    connect(&engineSignals, &EngineSignals::eventPublished, this, &StepTimeline::onPublished);
    connect(&engineSignals, &EngineSignals::engineReplaced, this, &StepTimeline::clear);
    clear();
}

TimePoint StepTimeline::engineNow() const {
    return m_signals.engine().clock().now();
}

void StepTimeline::commandStarting(std::size_t index) {
    m_commands = index + 1;
    m_inCommand = true;
    m_commandHasSteps = false;
}

void StepTimeline::onReacted(const QString& containerId, const Reaction& reaction,
                             const OutcomeEvent* outcome) {
    // Signalled here: the container is still held by the engine, even when being removed.
    const Container* container = m_signals.engine().byId(containerId.toStdString());
    const bool firstOfCommand = m_inCommand && !std::exchange(m_commandHasSteps, true);
    fileKernelOps(containerId); // what the container's previous step did
    m_steps.push_back({engineNow(),
                       containerId,
                       container ? QString::fromStdString(container->name) : QString(),
                       reaction,
                       outcome ? std::optional(*outcome) : std::nullopt,
                       {},
                       container ? container->record.exitCode : 0,
                       firstOfCommand ? m_commands - 1 : m_commands,
                       container ? psRow(*container) : nullptr,
                       m_published});
    m_latestStep[containerId] = m_steps.size() - 1;
}

// The container's trace lines not filed yet go under its latest step; those before its first
// step wait for it. True when they went under a step already shown.
bool StepTimeline::fileKernelOps(const QString& containerId) {
    const auto latest = m_latestStep.find(containerId);
    if (!m_kernelTrace || latest == m_latestStep.end())
        return false;
    const std::vector<std::string> trace = m_kernelTrace(containerId.toStdString());
    std::size_t& filed = m_kernelLinesFiled[containerId];
    if (trace.size() <= filed)
        return false;
    std::vector<std::string>& ops = m_steps[latest->second].kernelOps;
    ops.insert(ops.end(), trace.begin() + std::ptrdiff_t(filed), trace.end());
    filed = trace.size();
    return latest->second < m_shown;
}

void StepTimeline::fileAllKernelOps() {
    if (!m_kernelTrace)
        return;
    bool shown = false;
    for (const auto& [containerId, step] : m_latestStep)
        shown = fileKernelOps(containerId) || shown;
    if (shown)
        emit kernelOpsShown();
}

void StepTimeline::onPublished(const DockerEvent& event) {
    ++m_published;
    // A reaction's events are published right after it, one per action of its row, in order;
    // their time stamps may differ from the step's (the real backend's clock moves meanwhile).
    if (m_steps.empty())
        return;
    EngineStep& last = m_steps.back();
    const std::vector<DockerAction>& actions = last.reaction.actions;
    if (last.events.size() < actions.size() && last.containerId.toStdString() == event.actorId &&
        event.action == actionName(actions[last.events.size()]))
        last.events.push_back(event);
}

ShownEvents StepTimeline::shownEvents() const {
    const std::vector<DockerEvent>& log = m_signals.engine().events();
    const std::size_t first = m_published - log.size(); // the number of the oldest one kept
    std::size_t end = m_shown < m_steps.size() ? m_steps[m_shown].eventsBefore : m_published;
    // The events after the last step shown and its own (a pull's, a tag's: no step publishes
    // them) wait for their engine time.
    const std::size_t stepsOwn =
        m_shown == 0 ? 0 : m_steps[m_shown - 1].eventsBefore + m_steps[m_shown - 1].events.size();
    while (end > std::max(stepsOwn, first) && log[end - 1 - first].at > m_shownTime)
        --end;
    const std::size_t count = end > first ? std::min(end - first, log.size()) : 0;
    return {first, std::span(log).first(count)};
}

void StepTimeline::applyToShown(const EngineStep& step) {
    if (!step.container)
        return;
    auto found =
        std::find_if(m_shownContainers.begin(), m_shownContainers.end(),
                     [&](const ContainerRow& row) { return row->id == step.container->id; });
    if (step.reaction.to == LifecycleState::Removed) {
        if (found != m_shownContainers.end())
            m_shownContainers.erase(found);
    } else if (found != m_shownContainers.end()) {
        *found = step.container;
    } else { // docker ps -a lists the newest first
        const auto place = std::find_if(
            m_shownContainers.begin(), m_shownContainers.end(),
            [&](const ContainerRow& row) { return row->sequence < step.container->sequence; });
        m_shownContainers.insert(place, step.container);
    }
}

void StepTimeline::rebuildShown() {
    m_shownContainers = m_initial;
    for (std::size_t i = 0; i < m_shown; ++i)
        applyToShown(m_steps[i]);
}

std::size_t StepTimeline::showable() const {
    return m_hold ? std::min(*m_hold, m_steps.size()) : m_steps.size();
}

void StepTimeline::show(std::size_t index) {
    m_shown = index + 1;
    applyToShown(m_steps[index]);
    emit stepShown(m_steps[index]);
}

void StepTimeline::showUntil(TimePoint t) {
    fileAllKernelOps();
    while (m_shown < showable() && m_steps[m_shown].at <= t)
        show(m_shown);
    if (waiting() == 0)
        m_shownTime = std::max(t, engineNow());
    else if (m_shown == showable()) // held: time stops at the held step
        m_shownTime = std::max(m_shownTime, std::min(t, m_steps[m_shown].at));
    else
        m_shownTime = std::max(t, m_shownTime);
    emit timeShown(m_shownTime);
}

bool StepTimeline::showNext() {
    if (m_shown >= showable())
        return false;
    fileAllKernelOps();
    m_shownTime = std::max(m_shownTime, m_steps[m_shown].at);
    show(m_shown);
    if (waiting() == 0)
        m_shownTime = engineNow();
    emit timeShown(m_shownTime);
    return true;
}

void StepTimeline::showAll() {
    showUntil(engineNow());
}

void StepTimeline::hold() {
    m_hold = m_shown;
}

void StepTimeline::release() {
    m_hold.reset();
}

void StepTimeline::clear() {
    m_steps.clear();
    m_latestStep.clear();
    m_shown = 0;
    if (m_hold)
        m_hold = 0;
    m_commands = 0;
    m_inCommand = false;
    m_startedAt = engineNow();
    m_shownTime = m_startedAt;
    m_initial.clear();
    for (const Container* container : m_signals.engine().containers()) // newest first
        m_initial.push_back(psRow(*container));
    m_published = m_signals.engine().events().size();
    rebuildShown();
    emit rewound();
}

void StepTimeline::markShown(std::size_t count) {
    m_shown = std::min(count, m_steps.size());
    if (m_hold)
        m_hold = m_shown;
    m_shownTime = m_shown == 0 ? m_shownTime : m_steps[m_shown - 1].at;
    if (waiting() == 0)
        m_shownTime = engineNow();
    rebuildShown();
    emit rewound();
    emit timeShown(m_shownTime);
}

} // namespace lab
