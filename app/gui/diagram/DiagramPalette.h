#pragma once
// The diagram's colours: the Okabe-Ito palette, which colour-blind viewers tell apart; every
// state also carries its name, so colour is never the only cue.

#include "machines/Lifecycle.h"

#include <QColor>
#include <QFont>

namespace lab {

/// The outline colour of a place of the diagram.
QColor nodeColour(LifecycleState node);
/// The pale fill behind a place's name.
QColor nodeFill(LifecycleState node);
/// The colour of the edge last taken and of the active place's halo.
QColor highlightColour();
/// The colour of an edge the selected container's next commands can take now.
QColor legalColour();
/// The colour of an edge a refused command would have taken, and of the refusal's words.
QColor refusedColour();
/// The colour of the n-th container's token: Paul Tol's muted scheme, safe for colour-blind
/// viewers; the n-th container gets the same colour on every run.
QColor tokenColour(std::size_t n);

/// How the diagram is drawn now: the window's theme and presenter mode. One style for the
/// whole window, read by the items as they paint.
struct DiagramStyle {
    bool dark = false;   ///< light ink on dark paper
    qreal lineScale = 1; ///< presenter mode draws every line thicker
    qreal textScale = 1; ///< and the names and labels larger
};
const DiagramStyle& diagramStyle();
void setDiagramStyle(const DiagramStyle& style);
/// The diagram's background.
QColor paperColour();
/// Names and lines.
QColor inkColour();
/// Edges not taken and the engine events of their labels: quieter than the ink.
QColor quietInkColour();
/// A line of normal width, as thick as the style draws it.
qreal lineWidth(qreal normal);
/// A font of normal pixel size, as large as the style draws it.
QFont drawingFont(int normalPixels, bool bold = false, bool italic = false);
/// The colour of text on a pale place or step, whatever the theme.
QColor inkOnPale();

} // namespace lab
