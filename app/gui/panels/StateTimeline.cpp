#include "gui/panels/StateTimeline.h"

#include <algorithm>
#include <chrono>
#include <ranges>
#include <utility>

namespace lab {

StateTimeline::StateTimeline(StepTimeline& timeline, QObject* parent)
    : QObject(parent), m_timeline(timeline) {
    readShownSteps();
    connect(&timeline, &StepTimeline::stepShown, this, &StateTimeline::onStepShown);
    connect(&timeline, &StepTimeline::rewound, this, &StateTimeline::readShownSteps);
}

void StateTimeline::readShownSteps() {
    m_bands.clear();
    const std::vector<ContainerRow>& existing = m_timeline.initialContainers(); // newest first
    for (const ContainerRow& container : std::views::reverse(existing))
        bandOf(*container, 0);
    for (std::size_t i = 0; i < m_timeline.shownCount(); ++i)
        apply(m_timeline.steps()[i]);
    emit changed();
}

double StateTimeline::secondsAt(TimePoint at) const {
    return std::chrono::duration<double>(at - m_timeline.startedAt()).count();
}

double StateTimeline::now() const {
    return secondsAt(m_timeline.shownTime());
}

void StateTimeline::onStepShown(const EngineStep& step) {
    if (apply(step))
        emit changed();
}

bool StateTimeline::apply(const EngineStep& step) {
    if (!step.container)
        return false;
    const double at = secondsAt(step.at);
    const std::size_t bands = m_bands.size();
    TimelineBand& band = bandOf(*step.container, at);
    const bool named = std::exchange(band.name, step.name) != step.name; // docker rename
    TimelineSegment& last = band.segments.back();
    if (last.to || last.state == step.reaction.to)
        return named || m_bands.size() != bands;
    last.to = at;
    if (step.reaction.to != LifecycleState::Removed)
        band.segments.push_back({step.reaction.to, at, std::nullopt});
    return true;
}

TimelineBand& StateTimeline::bandOf(const Container& container, double since) {
    const QString id = QString::fromStdString(container.id);
    const auto found = std::find_if(m_bands.begin(), m_bands.end(), [&](const TimelineBand& band) {
        return band.containerId == id;
    });
    if (found != m_bands.end())
        return *found;
    m_bands.push_back({id,
                       QString::fromStdString(container.name),
                       {{container.machine.node(), since, std::nullopt}}});
    return m_bands.back();
}

} // namespace lab
