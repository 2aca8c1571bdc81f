#pragma once
// A lesson played in the window, on the window's own session: it starts the engine over from
// the lesson's world and seed, types each step's commands into the console dock, holds back a
// step's commands until its prediction is answered (so no pane shows their result before), and
// gates Next on the step's checks once the playback has shown what the commands did. The
// answers and the checks are lab_lessons' own (computeAnswers, LessonRun), never the window's.

#include "player/LessonAnswers.h"
#include "player/LessonRun.h"

#include <QObject>
#include <memory>
#include <optional>
#include <vector>

namespace lab {

class ConsolePanel;
class Playback;
class RecordedSession;

/// One lesson at a time, step by step, in the window.
class LessonCourse final : public QObject {
    Q_OBJECT
public:
    /// The window's session, playback and console, which outlive the course.
    LessonCourse(RecordedSession& session, Playback& playback, ConsolePanel& console,
                 QObject* parent = nullptr);
    ~LessonCourse() override;

    /// Empty when lesson can be played on the window's backend, otherwise why not.
    QString whyNotHere(const Lesson& lesson) const;
    /// Plays lesson from step (from 0): the engine starts over from its world and seed (the real
    /// backend goes on as it is: its time cannot be rewound), then the commands of the steps
    /// before run in the console as if clicked. The error says why it cannot.
    Status start(const Lesson& lesson, int step, Language language);
    bool started() const { return m_lesson.has_value(); }
    const Lesson& lesson() const { return *m_lesson; }
    /// The step shown, from 0; stepCount() once the lesson is finished.
    int stepIndex() const { return m_step; }
    int stepCount() const { return int(m_steps.size()); }
    bool finished() const { return started() && m_step >= stepCount(); }
    const LessonStep& step() const { return m_steps[std::size_t(m_step)]; }
    const StepAnswers& answers() const { return m_answers[std::size_t(m_step)]; }
    Language language() const { return m_language; }
    /// Questions and placeholders again, in language.
    void setLanguage(Language language);
    /// text in the lesson's language, its placeholders filled from the engine's answers.
    QString fill(const LocalText& text) const;

    /// How many of the step's commands ran; they run in order, and may run again.
    int commandsRun() const { return m_commandsRun; }
    /// Types the step's command index into the console and runs it; with a prediction still
    /// unanswered, it stays typed (the console locked) until the answer comes.
    void runCommand(int index);
    /// The command typed and waiting for the prediction.
    std::optional<int> waitingCommand() const { return m_waiting; }
    /// The learner's prediction: a choice of answers().question; a waiting command runs.
    void answer(int choice);
    std::optional<int> chosen() const { return m_chosen; }
    /// Whether the answer is explained: once the step's commands ran and the playback showed
    /// them (in teacher mode, only once reveal() is called).
    bool revealed() const { return m_revealed; }
    /// Teacher mode: the commands ran and played, the answer waits for reveal().
    bool readyToReveal() const;
    void reveal();
    void setTeacherMode(bool on);
    bool teacherMode() const { return m_teacherMode; }

    /// The engine has done more than the playback shows yet: the checks wait for it.
    bool playing() const;
    /// Whether each check of the step holds on the engine.
    std::vector<bool> checks() const;
    /// Every command ran, the prediction is explained, every check holds.
    bool canGoNext() const;
    /// Goes to the next step (or finishes the lesson) when canGoNext().
    void next();
    /// What went wrong doing the step's fault, if anything.
    QString notice() const { return m_notice; }

signals:
    /// Anything shown about the lesson changed.
    void changed();

private:
    void execute(int index);
    void enterStep(int step);
    void update();

    RecordedSession& m_session;
    Playback& m_playback;
    ConsolePanel& m_console;
    std::unique_ptr<LessonRun> m_run;
    std::optional<Lesson> m_lesson;
    std::optional<World> m_world;
    std::vector<LessonStep> m_steps;
    std::vector<StepAnswers> m_answers;
    Language m_language = Language::English;
    int m_step = 0;
    int m_commandsRun = 0;
    std::optional<int> m_waiting;
    std::optional<int> m_chosen;
    bool m_revealed = false;
    bool m_teacherMode = false;
    QString m_notice;
    std::vector<bool> m_shownChecks; // what changed() last told, to tell only news
    bool m_shownPlaying = false;
    bool m_shownRevealed = false;
};

} // namespace lab
