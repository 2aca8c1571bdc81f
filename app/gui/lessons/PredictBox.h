#pragma once
// Predict, then reveal: a step's question with its choices (computed from the engine by
// lab_lessons), asked before the step's commands run; once they ran and the playback showed
// them, whether the prediction was right and the lesson's explanation. In teacher mode the
// answer waits for "Show the answer", so a projected class can argue first.

#include "gui/lessons/ButtonList.h"

#include <QGroupBox>
#include <vector>

class QLabel;
class QPushButton;

namespace lab {

class LessonCourse;

/// The question of the course's current step.
class PredictBox final : public QGroupBox {
    Q_OBJECT
public:
    explicit PredictBox(LessonCourse& course, QWidget* parent = nullptr);
    /// Shows the course's question as it stands (hidden when the step asks none).
    void refresh();
    /// The choice buttons shown, in order.
    std::vector<QPushButton*> choices() const { return m_choices.shown(); }
    QPushButton* revealButton() const { return m_reveal; }
    /// What is said about the answer: empty until it is revealed.
    QString verdict() const;

private:
    LessonCourse& m_course;
    QLabel* m_question;
    ButtonList m_choices;
    QLabel* m_status;
    QPushButton* m_reveal;
    QLabel* m_verdict;
};

} // namespace lab
