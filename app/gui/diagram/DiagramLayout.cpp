#include "gui/diagram/DiagramLayout.h"

namespace lab {
namespace {

constexpr QSizeF kStateSize(150, 54);
constexpr qreal kTerminalDiameter = 30;

} // namespace

// The wireframe's reading order: birth on the left, the running family in the middle (the
// Running=true states side by side at the top), the stopped states on the right, removal below.
QPointF nodeCentre(LifecycleState node) {
    switch (node) {
    case LifecycleState::Start:
        return {40, 260};
    case LifecycleState::Created:
        return {200, 260};
    case LifecycleState::Running:
        return {480, 260};
    case LifecycleState::Paused:
        return {480, 70};
    case LifecycleState::Restarting:
        return {780, 70};
    case LifecycleState::Exited:
        return {1060, 260};
    case LifecycleState::Removing:
        return {780, 520};
    case LifecycleState::Dead:
        return {1060, 520};
    case LifecycleState::Removed:
        return {480, 520};
    }
    return {};
}

QRectF nodeRect(LifecycleState node) {
    const QPointF centre = nodeCentre(node);
    const QSizeF size =
        dockerState(node) ? kStateSize : QSizeF(kTerminalDiameter, kTerminalDiameter);
    return {centre - QPointF(size.width() / 2, size.height() / 2), size};
}

const std::vector<LifecycleState>& diagramNodes() {
    static const std::vector<LifecycleState> nodes = {
        LifecycleState::Start,    LifecycleState::Created,    LifecycleState::Running,
        LifecycleState::Paused,   LifecycleState::Restarting, LifecycleState::Exited,
        LifecycleState::Removing, LifecycleState::Dead,       LifecycleState::Removed};
    return nodes;
}

} // namespace lab
