#include "gui/window/StepTimeline.h"

#include <algorithm>
#include <utility>

namespace lab {

StepTimeline::StepTimeline(EngineSignals& engineSignals, QObject* parent)
    : QObject(parent), m_signals(engineSignals), m_shownTime(engineNow()) {
    connect(&engineSignals, &EngineSignals::containerReacted, this, &StepTimeline::onReacted);
    connect(&engineSignals, &EngineSignals::eventPublished, this, &StepTimeline::onPublished);
    connect(&engineSignals, &EngineSignals::engineReplaced, this, &StepTimeline::clear);
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
    m_steps.push_back({engineNow(),
                       containerId,
                       container ? QString::fromStdString(container->name) : QString(),
                       reaction,
                       outcome ? std::optional(*outcome) : std::nullopt,
                       {},
                       container ? container->record.exitCode : 0,
                       firstOfCommand ? m_commands - 1 : m_commands});
}

void StepTimeline::onPublished(const DockerEvent& event) {
    // A reaction's events are published right after it, at the same engine time.
    if (m_steps.size() > m_shown && m_steps.back().containerId.toStdString() == event.actorId &&
        m_steps.back().at == event.at)
        m_steps.back().events.push_back(event);
}

void StepTimeline::show(std::size_t index) {
    m_shown = index + 1;
    emit stepShown(m_steps[index]);
}

void StepTimeline::showUntil(TimePoint t) {
    while (m_shown < m_steps.size() && m_steps[m_shown].at <= t)
        show(m_shown);
    m_shownTime = waiting() == 0 ? std::max(t, engineNow()) : std::max(t, m_shownTime);
    emit timeShown(m_shownTime);
}

bool StepTimeline::showNext() {
    if (waiting() == 0)
        return false;
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

void StepTimeline::clear() {
    m_steps.clear();
    m_shown = 0;
    m_commands = 0;
    m_inCommand = false;
    m_shownTime = engineNow();
    emit rewound();
}

void StepTimeline::markShown(std::size_t count) {
    m_shown = std::min(count, m_steps.size());
    m_shownTime = m_shown == 0 ? m_shownTime : m_steps[m_shown - 1].at;
    if (waiting() == 0)
        m_shownTime = engineNow();
    emit rewound();
    emit timeShown(m_shownTime);
}

} // namespace lab
