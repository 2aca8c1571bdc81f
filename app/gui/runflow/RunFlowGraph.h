#pragma once
// The run flowchart's graph, read from RunFlowMachine::table(): one edge per distinct (source,
// target) pair of rows that move the flow on, labelled with the outcomes and, in brackets, the
// guards in plain words. A row added to the table appears in the flowchart without touching it.

#include "machines/RunFlow.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace lab {

/// One arrow of the flowchart: every row from source to target.
struct RunFlowEdge {
    RunStep source = RunStep::Start;
    RunStep target = RunStep::Start;
    QStringList outcomes;  ///< "image missing", in table order, distinct
    QStringList guards;    ///< the guards in words ("--pull missing"), distinct, none if unguarded
    std::vector<int> rows; ///< indices into RunFlowMachine::table()
};

/// The edges of the table, in the order their first row appears (PullLayers' row onto itself,
/// one per batch of layers, is drawn as the layer bars instead).
const std::vector<RunFlowEdge>& runFlowEdges();

/// The edge a table row belongs to, or -1 for a row onto its own step.
int runFlowEdgeOfRow(int row);

/// A guard of the table in the words of the command line: "PullsFirst" reads "pull or
/// --pull always". A guard without words reads as its name.
QString guardWords(const std::string& guard);

/// The words of a step or an outcome name as the learner reads them (gui/i18n/CoreWords.h).
QString flowText(std::string_view words);

} // namespace lab
