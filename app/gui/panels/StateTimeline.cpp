#include "gui/panels/StateTimeline.h"

#include <algorithm>
#include <chrono>
#include <ranges>

namespace lab {

StateTimeline::StateTimeline(EngineSignals& engineSignals, QObject* parent)
    : QObject(parent), m_signals(engineSignals) {
    recordEngine();
    connect(&engineSignals, &EngineSignals::containerReacted, this, &StateTimeline::onReacted);
    connect(&engineSignals, &EngineSignals::engineReplaced, this, &StateTimeline::recordEngine);
}

void StateTimeline::recordEngine() {
    m_bands.clear();
    m_origin = m_signals.engine().clock().now();
    std::vector<const Container*> existing = m_signals.engine().containers(); // newest first
    for (const Container* container : std::views::reverse(existing))
        bandOf(*container);
    emit changed();
}

double StateTimeline::now() const {
    return std::chrono::duration<double>(m_signals.engine().clock().now() - m_origin).count();
}

void StateTimeline::onReacted(const QString& containerId, const Reaction& reaction) {
    const Container* container = m_signals.engine().byId(containerId.toStdString());
    if (!container)
        return;
    TimelineBand& band = bandOf(*container);
    band.name = QString::fromStdString(container->name); // docker rename
    TimelineSegment& last = band.segments.back();
    if (last.to || last.state == reaction.to)
        return;
    const double at = now();
    last.to = at;
    if (reaction.to != LifecycleState::Removed)
        band.segments.push_back({reaction.to, at, std::nullopt});
    emit changed();
}

TimelineBand& StateTimeline::bandOf(const Container& container) {
    const QString id = QString::fromStdString(container.id);
    const auto found = std::find_if(m_bands.begin(), m_bands.end(), [&](const TimelineBand& band) {
        return band.containerId == id;
    });
    if (found != m_bands.end())
        return *found;
    m_bands.push_back({id,
                       QString::fromStdString(container.name),
                       {{container.machine.node(), now(), std::nullopt}}});
    emit changed();
    return m_bands.back();
}

} // namespace lab
