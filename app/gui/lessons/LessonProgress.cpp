#include "gui/lessons/LessonProgress.h"

#include <QSettings>

namespace lab {
namespace {

QString stepKey(const QString& id) {
    return QStringLiteral("lessons/%1/step").arg(id);
}

QString finishedKey(const QString& id) {
    return QStringLiteral("lessons/%1/finished").arg(id);
}

const QString kCurrent = QStringLiteral("lessons/current");
const QString kWelcomed = QStringLiteral("lessons/welcomed");
const QString kTeacher = QStringLiteral("lessons/teacherMode");

} // namespace

int LessonProgress::step(const QString& id) const {
    return QSettings().value(stepKey(id), 0).toInt();
}

void LessonProgress::setStep(const QString& id, int step) {
    QSettings().setValue(stepKey(id), step);
}

bool LessonProgress::finished(const QString& id) const {
    return QSettings().value(finishedKey(id), false).toBool();
}

void LessonProgress::setFinished(const QString& id) {
    QSettings().setValue(finishedKey(id), true);
}

QString LessonProgress::current() const {
    return QSettings().value(kCurrent).toString();
}

void LessonProgress::setCurrent(const QString& id) {
    QSettings().setValue(kCurrent, id);
}

bool LessonProgress::welcomed() const {
    return QSettings().value(kWelcomed, false).toBool();
}

void LessonProgress::setWelcomed() {
    QSettings().setValue(kWelcomed, true);
}

bool LessonProgress::teacherMode() const {
    return QSettings().value(kTeacher, false).toBool();
}

void LessonProgress::setTeacherMode(bool on) {
    QSettings().setValue(kTeacher, on);
}

} // namespace lab
