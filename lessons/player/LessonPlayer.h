#pragma once
// `lifecycle-lab lesson`: lists the lessons, or plays one in the terminal: each step's text, its
// commands echoed as "docker> LINE" with the console's exact output, predict questions answered
// on standard input (or automatically), and the checks.

#include "base/Expected.h"
#include "player/Lesson.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <iosfwd>
#include <optional>

namespace lab {

/// What `lifecycle-lab lesson ...` was asked for.
struct LessonOptions {
    QString lesson; ///< empty: list the lessons
    Language language = Language::English;
    bool autoAnswers = false;          ///< --answers auto: answer every question right
    std::optional<std::uint64_t> seed; ///< --seed: overrides the lesson's (a new drill)
};

/// Reads the arguments after "lesson".
Expected<LessonOptions> parseLessonOptions(const QStringList& arguments);

/// Plays lesson; answers come from in. 0 when every check held, 1 when one failed, 2 when the
/// lesson cannot be played (its engine does not open, the input ends).
int playLesson(const Lesson& lesson, const LessonOptions& options, std::istream& in,
               std::ostream& out, std::ostream& err);

/// The whole sub-command on the process's standard streams; the exit status of the program.
int runLessonCommand(const QStringList& arguments);

} // namespace lab
