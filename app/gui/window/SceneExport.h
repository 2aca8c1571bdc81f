#pragma once
// Writing a drawing to a file, for slides and handouts: the lifecycle diagram and the run
// flowchart both export through here.

#include "base/Expected.h"

#include <QString>

class QGraphicsScene;

namespace lab {

/// Writes the whole scene to path: SVG (titled title) when it ends in .svg, otherwise a PNG at
/// twice the scene's size (sharp on a projector).
Status exportScene(QGraphicsScene& scene, const QString& path, const QString& title);

} // namespace lab
