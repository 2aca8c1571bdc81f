#pragma once
// Where the diagram's places stand: the only hand-made data of the diagram. Everything else,
// edges and labels included, comes from the transition table.

#include "machines/Lifecycle.h"

#include <QPointF>
#include <QRectF>

namespace lab {

/// The centre of a node in scene coordinates.
QPointF nodeCentre(LifecycleState node);
/// The node's outline: a pill for a Docker state, a small disc for the start and the end.
QRectF nodeRect(LifecycleState node);
/// Every place of the diagram, start first.
const std::vector<LifecycleState>& diagramNodes();

} // namespace lab
