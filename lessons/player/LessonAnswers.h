#pragma once
// What a lesson's questions and quoted results are, computed by playing the lesson once on the
// simulated engine, never typed into the file: the answer of each predict question with wrong
// choices drawn from the engine (the states the machine's table leads to, the exit codes Docker
// gives), and the value of every placeholder ({exitCode:web}) after its step.

#include "base/Expected.h"
#include "engine/World.h"
#include "player/Lesson.h"

#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <vector>

namespace lab {

/// A multiple-choice question, ready to ask.
struct Question {
    QStringList choices;
    int answer = 0; ///< index into choices
};

/// What one step's texts and question need from the engine.
struct StepAnswers {
    std::optional<Question> question;
    std::map<QString, QString> values; ///< "{exitCode:web}" -> "143", after the step
};

/// The steps a learner goes through: the file's, or for a drill, generated from the lifecycle
/// table for the seed (every seed its own set).
std::vector<LessonStep> lessonSteps(const Lesson& lesson, std::uint64_t seed);

/// Plays steps on a fresh simulated engine of world and seed; one entry per step.
Expected<std::vector<StepAnswers>> computeAnswers(const std::vector<LessonStep>& steps,
                                                  const World& world, std::uint64_t seed,
                                                  Language language);

/// text with its placeholders replaced by values.
QString fillPlaceholders(QString text, const std::map<QString, QString>& values);

/// The world a lesson starts from.
Expected<World> lessonWorld(const Lesson& lesson);

} // namespace lab
