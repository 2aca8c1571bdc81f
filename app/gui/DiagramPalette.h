#pragma once
// The diagram's colours: the Okabe-Ito palette, which colour-blind viewers tell apart; every
// state also carries its name, so colour is never the only cue.

#include "machines/Lifecycle.h"

#include <QColor>

namespace lab {

/// The outline colour of a place of the diagram.
QColor nodeColour(LifeNode node);
/// The pale fill behind a place's name.
QColor nodeFill(LifeNode node);
/// The colour of the edge last taken and of the active place's halo.
QColor highlightColour();

} // namespace lab
