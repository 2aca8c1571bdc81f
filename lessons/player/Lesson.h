#pragma once
// A lesson as data (lessons/README.md): what a lesson file says, read and checked by LessonFile.
// Nothing here holds an answer: what the engine does is computed by playing the lesson
// (LessonRun), so a lesson can never quote a result the engine does not give.

#include "machines/Lifecycle.h"

#include <QLocale>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace lab {

/// The core's words ("exited", "rm -f") as Qt strings.
inline QString coreWord(std::string_view word) {
    return QString::fromUtf8(word.data(), qsizetype(word.size()));
}

/// A placeholder in a lesson text: "{exitCode:web}" captures "exitCode" and "web", "{status}"
/// only "status". Docker's own templates ("{{.State.Status}}") never match.
const QRegularExpression& placeholderPattern();

/// The languages every lesson text is written in.
enum class Language { English, Chinese };
/// "en" or "zh_CN", as the files and --lang spell them.
QString languageCode(Language language);
/// The lesson language for a locale: Chinese for any Chinese locale, English otherwise.
Language languageFor(const QLocale& locale);

/// One text in both languages.
struct LocalText {
    QString en;
    QString zhCN;
    const QString& in(Language language) const { return language == Language::Chinese ? zhCN : en; }
};

/// What a predict question asks about; the answer and the wrong choices come from the engine.
enum class AskKind {
    State,         ///< the container's state after the step ("removed" once it is gone)
    ExitCode,      ///< the container's .State.ExitCode after the step
    CommandStatus, ///< the CLI's exit status of the step's last docker command
    Events,        ///< the container's docker events during the step, in order
    Seconds,       ///< how many seconds of engine time the step's commands take
    Verdict,       ///< whether Docker refuses, ignores (304) or carries out a command (drills only)
};

/// A multiple-choice question asked before a step's commands run.
struct Predict {
    AskKind ask = AskKind::State;
    QString container;                ///< State, ExitCode, Events, Verdict: which container
    Command command = Command::Start; ///< Verdict: the command asked about
    LocalText question;
    LocalText explain; ///< shown with the answer
};

/// A condition on the engine that gates Next.
struct Check {
    enum class Kind { State, ExitCode, RestartCount, OomKilled, Events, Visited };
    Kind kind = Kind::State;
    QString container;
    QString state;        ///< State: a Docker state or "removed"
    int number = 0;       ///< ExitCode, RestartCount
    bool flag = false;    ///< OomKilled
    QStringList sequence; ///< Events: actions in this order, one after another; Visited: states
    QString pointer;      ///< where the check is written, for messages
};

/// Something done to the engine that no docker command does (the window's Faults menu).
struct FaultAction {
    enum class Kind { NextRemovalFails, OutOfMemory };
    Kind kind = Kind::NextRemovalFails;
    QString container; ///< OutOfMemory: the container whose process the kernel kills
};

/// One step: text, then (after an optional fault and question) commands, then checks.
struct LessonStep {
    LocalText text;
    QStringList commands;             ///< console lines: docker commands and @sleep N
    std::optional<FaultAction> fault; ///< done before the commands
    std::optional<Predict> predict;   ///< asked before the commands
    LocalText after;                  ///< shown after the commands; may be empty
    std::vector<Check> checks;
    LocalText hint; ///< shown when a check fails; may be empty
};

/// A lesson file, read.
struct Lesson {
    QString id;     ///< the file's name without .json: what `lifecycle-lab lesson NAME` takes
    QString source; ///< the file it was read from, for messages
    LocalText title;
    LocalText summary;
    QString worldFile; ///< empty: the built-in world; otherwise an absolute path or resource
    std::uint64_t seed = 1;
    bool needsRealBackend = false;
    LocalText whyReal; ///< needsRealBackend: what the real kernel shows that the simulation cannot
    std::vector<LessonStep> steps;
    int drillQuestions = 0; ///< a drill: this many questions generated from the lifecycle table
};

} // namespace lab
