#pragma once
// How far the learner got, kept between runs of the window (QSettings): the step reached in
// each lesson, the lessons finished, the lesson open last, whether "Start here" was shown, and
// the teacher switch.

#include <QString>

namespace lab {

/// The lessons' progress in the application's settings.
class LessonProgress {
public:
    /// The step (from 0) the learner reached in lesson id; 0 when never played.
    int step(const QString& id) const;
    void setStep(const QString& id, int step);
    bool finished(const QString& id) const;
    void setFinished(const QString& id);
    /// The lesson open last; empty before any.
    QString current() const;
    void setCurrent(const QString& id);
    /// Whether the first-run welcome was shown.
    bool welcomed() const;
    void setWelcomed();
    /// Teacher mode: answers wait for the teacher instead of showing by themselves.
    bool teacherMode() const;
    void setTeacherMode(bool on);
};

} // namespace lab
