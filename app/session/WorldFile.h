#pragma once
// Reads a world file (docs/WORLD.md) into the engine's World. The loader checks the JSON's
// shape only: every key known, every value of the right type and range. What the values mean
// (reference grammar, signal names) is the engine's to judge, with the engine's own words.

#include "base/Expected.h"
#include "engine/World.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace lab {

/// Reads and checks the world file at path; errors name the file, the JSON path and the reason.
Expected<World> loadWorldFile(const QString& path);

/// Checks the JSON text of a world; sourceName stands for the file in error messages.
Expected<World> loadWorldJson(const QByteArray& json, const QString& sourceName);

/// Checks a world that sits at place (a JSON path such as "world"; empty: the top level) in an
/// already parsed document, as a session file holds one.
Expected<World> readWorld(const QJsonValue& json, const QString& sourceName, const QString& place);

/// The resource path of the built-in world (app/worlds/default.json).
QString defaultWorldPath();

/// The built-in world: a Docker Hub with a few well-known images, busybox:latest on disk.
Expected<World> loadDefaultWorld();

} // namespace lab
