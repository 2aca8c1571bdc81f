#pragma once
// The Lessons dock: the built-in lessons (and lesson files a teacher wrote) with the learner's
// progress, and the lesson being played: its step text in the lesson language (Chinese when
// the UI's locale is), its commands as buttons that type and run them in the console dock, the
// prediction (PredictBox), the checks that gate Next, a hint when one does not hold, and
// "Start over" from the lesson's world and seed. Help > Start here opens the first lesson with
// a welcome, as the very first start of the window does.

#include "engine/World.h"
#include "gui/lessons/ButtonList.h"
#include "gui/lessons/LessonCourse.h"
#include "session/EngineSession.h"

#include <QWidget>
#include <functional>
#include <utility>
#include <vector>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;

namespace lab {

class PredictBox;

/// The lessons, and the one being played, in a dock of the window.
class LessonsPanel final : public QWidget {
    Q_OBJECT
public:
    /// switchBackend asks the window for another backend (a lesson that needs the real one).
    LessonsPanel(RecordedSession& session, Playback& playback, ConsolePanel& console,
                 std::function<void(BackendKind)> switchBackend, QWidget* parent = nullptr);

    LessonCourse& course() const { return *m_course; }
    /// Help > Start here.
    QAction* startHereAction() const { return m_startHere; }
    /// Opens the first lesson with a welcome and brings the dock forward.
    void startHere();
    /// Shows the dock the panel is in, in front of the docks tabbed with it.
    void raiseDock();
    /// Shows a lesson (its summary and Start); it is not started yet. False: no such lesson.
    bool openLesson(const QString& id);
    /// Adds a lesson file (a teacher's own, lessons/README.md) to the list and opens it; a
    /// broken file is refused in the panel with its place and reason. False: refused.
    bool openLessonFile(const QString& path);
    /// Starts (or continues, at the step reached) the lesson shown.
    void startOpenLesson(bool fromTheBeginning);
    /// The backend a lesson needs could not open: the panel says why.
    void backendRefused(const QString& why);
    /// The language of the lesson texts; it follows the locale on a language change.
    void setLanguage(Language language);

    PredictBox& predictBox() const { return *m_predict; }
    QPushButton* nextButton() const { return m_next; }
    QPushButton* startButton() const { return m_start; }
    /// The buttons of the step's commands, in order.
    std::vector<QPushButton*> commandButtons() const { return m_commands.shown(); }
    /// Everything the panel says in words now (title, texts, checks, hint).
    QString shownText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void refreshList();
    void showIntro(const Lesson& lesson);
    void showStep();
    void showFinished();
    void chooseFile();
    const Lesson* openedLesson() const;

    LessonCourse* m_course;
    std::function<void(BackendKind)> m_switchBackend;
    std::vector<Lesson> m_lessons;
    QString m_opened; // the id of the lesson shown
    QString m_refusal;
    bool m_welcome = false;
    Language m_language;
    QAction* m_startHere;
    QComboBox* m_list;
    QCheckBox* m_teacher;
    QScrollArea* m_stepScroll; // the step, between the lesson's choice and its buttons
    std::pair<int, int> m_commandInSight{-1, -1}; // the step and command last scrolled to
    QLabel* m_title;
    QLabel* m_text;
    PredictBox* m_predict;
    ButtonList m_commands;
    QLabel* m_checks;
    QLabel* m_hint;
    QPushButton* m_switch;
    QPushButton* m_start;
    QPushButton* m_restart;
    QPushButton* m_next;
};

} // namespace lab
