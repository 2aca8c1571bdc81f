#pragma once
// Where the flowchart's steps stand: the only hand-made data of the flowchart. The happy path
// reads in two rows, left to right: the checks and the pull above, the container below; each
// error exit stands beside the steps that lead to it. Edges come from the table.

#include "machines/RunFlow.h"

#include <QRectF>

namespace lab {

/// The outline of a step in scene coordinates.
QRectF stepRect(RunStep step);
/// Where the step's name stands: its whole outline, but the top of the pull's box.
QRectF stepTitleRect(RunStep step);
/// Where the layer bars of the pull stand: in the pull's box, under its name.
QRectF layerBarsRect();

} // namespace lab
