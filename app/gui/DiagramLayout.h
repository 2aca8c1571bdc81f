#pragma once
// Where the diagram's places stand: the only hand-made data of the diagram. Everything else,
// edges and labels included, comes from the transition table.

#include "machines/Lifecycle.h"

#include <QPointF>
#include <QRectF>

namespace lab {

/// The centre of a node in scene coordinates.
QPointF nodeCentre(LifeNode node);
/// The node's outline: a pill for a Docker state, a small disc for the start and the end.
QRectF nodeRect(LifeNode node);
/// Every place of the diagram, start first.
const std::vector<LifeNode>& diagramNodes();

} // namespace lab
