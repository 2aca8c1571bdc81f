#pragma once
// Reads lesson files (lessons/README.md). Like the world loader, it refuses anything it does not
// know with the file, the place (a JSON pointer such as /steps/2/checks/0/state, or line:column
// for broken JSON) and the reason; a lesson that loads can be played to its end.

#include "base/Expected.h"
#include "player/Lesson.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace lab {

/// Reads and checks the lesson at path; its id is the file name without ".json".
Expected<Lesson> loadLessonFile(const QString& path);

/// Checks the JSON text of a lesson; sourceName stands for the file in messages, and a "world"
/// file is looked up in worldDirectory.
Expected<Lesson> loadLessonJson(const QByteArray& json, const QString& sourceName,
                                const QString& id, const QString& worldDirectory);

/// Where the built-in lessons are (a resource folder compiled into the program).
QString builtInLessonDirectory();

/// Every lesson of directory, ordered by file name; the first error stops the reading.
Expected<std::vector<Lesson>> loadLessonDirectory(const QString& directory);

/// The built-in lesson called id, or a lesson file when id is a path ending in ".json".
Expected<Lesson> findLesson(const QString& idOrPath);

} // namespace lab
