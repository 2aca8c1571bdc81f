#include "gui/DiagramLayout.h"

namespace lab {
namespace {

constexpr QSizeF kStateSize(150, 54);
constexpr qreal kTerminalDiameter = 30;

} // namespace

// The wireframe's reading order: birth on the left, the running family in the middle (the
// Running=true states side by side at the top), the stopped states on the right, removal below.
QPointF nodeCentre(LifeNode node) {
    switch (node) {
    case LifeNode::Start:
        return {40, 260};
    case LifeNode::Created:
        return {200, 260};
    case LifeNode::Running:
        return {480, 260};
    case LifeNode::Paused:
        return {480, 70};
    case LifeNode::Restarting:
        return {780, 70};
    case LifeNode::Exited:
        return {1060, 260};
    case LifeNode::Removing:
        return {780, 520};
    case LifeNode::Dead:
        return {1060, 520};
    case LifeNode::Removed:
        return {480, 520};
    }
    return {};
}

QRectF nodeRect(LifeNode node) {
    const QPointF centre = nodeCentre(node);
    const QSizeF size =
        dockerState(node) ? kStateSize : QSizeF(kTerminalDiameter, kTerminalDiameter);
    return {centre - QPointF(size.width() / 2, size.height() / 2), size};
}

const std::vector<LifeNode>& diagramNodes() {
    static const std::vector<LifeNode> nodes = {
        LifeNode::Start,    LifeNode::Created,    LifeNode::Running,
        LifeNode::Paused,   LifeNode::Restarting, LifeNode::Exited,
        LifeNode::Removing, LifeNode::Dead,       LifeNode::Removed};
    return nodes;
}

} // namespace lab
