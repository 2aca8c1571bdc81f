#pragma once
// The lifecycle diagram's graph, read from the MSM transition table: one edge per distinct
// (source, target) pair of rows that move a container. The view draws these and nothing else,
// so a row added to the table appears in the diagram without touching the GUI.

#include "machines/Lifecycle.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace lab {

/// One arrow of the diagram: every moving row from source to target.
struct LifecycleEdge {
    LifecycleState source = LifecycleState::Start;
    LifecycleState target = LifecycleState::Start;
    QStringList commands;  ///< command rows' events ("rm", "rm -f"), in table order, distinct
    QStringList outcomes;  ///< outcome rows' events ("process exited"), in table order, distinct
    QStringList events;    ///< Docker events the rows publish ("die", "stop"), distinct
    std::vector<int> rows; ///< indices into LifecycleMachine::table()
};

/// The edges of the table, in the order their first row appears.
const std::vector<LifecycleEdge>& lifecycleEdges();

/// The edge a table row belongs to, or -1 when the row does not move the container.
int edgeOfRow(int row);

/// The edges a command takes where the table accepts it: those its own rows move along ("rm"),
/// and those of the outcomes that answer its call (pause asks the freezer; the frozen outcome
/// moves the container). Indices into lifecycleEdges().
std::vector<int> edgesOfCommand(Command command);

/// The first label line of an edge: its commands and outcomes, "rm · rm -f · start failed".
QString edgeTrigger(const LifecycleEdge& edge);

} // namespace lab
