#pragma once
// A world written back as the JSON of a world file (docs/WORLD.md): what a session file keeps,
// so that it opens on a machine without the world file it was recorded from. Reading it back
// (readWorld) gives the same world.

#include "engine/World.h"

#include <QJsonObject>

namespace lab {

/// world as a world file's top-level object.
QJsonObject worldToJson(const World& world);

} // namespace lab
