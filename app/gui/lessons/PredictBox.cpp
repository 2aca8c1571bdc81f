#include "gui/lessons/PredictBox.h"

#include "gui/lessons/LessonCourse.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lab {

PredictBox::PredictBox(LessonCourse& course, QWidget* parent)
    : QGroupBox(tr("Predict"), parent), m_course(course), m_question(new QLabel(this)),
      m_choices(this, QStringLiteral("lessonChoice"),
                [this](int choice) {
                    m_course.answer(choice);
                    refresh(); // a second click on the answer given unchecks nothing
                }),
      m_status(new QLabel(this)), m_reveal(new QPushButton(tr("Show the answer"), this)),
      m_verdict(new QLabel(this)) {
    for (QLabel* label : {m_question, m_status, m_verdict}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }
    QFont bold = m_question->font();
    bold.setBold(true);
    m_question->setFont(bold);
    m_reveal->setAccessibleName(tr("Show the answer"));
    m_reveal->setObjectName(QStringLiteral("lessonReveal"));
    connect(m_reveal, &QPushButton::clicked, &course, &LessonCourse::reveal);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_question);
    layout->addLayout(m_choices.layout());
    layout->addWidget(m_status);
    layout->addWidget(m_reveal);
    layout->addWidget(m_verdict);
}

QString PredictBox::verdict() const {
    return m_verdict->isHidden() ? QString() : m_verdict->text();
}

void PredictBox::refresh() {
    const bool asks = m_course.started() && !m_course.finished() && m_course.answers().question;
    setVisible(asks);
    if (!asks)
        return;
    const Question& question = *m_course.answers().question;
    const Predict& predict = *m_course.step().predict;
    const std::optional<int> chosen = m_course.chosen();
    const bool revealed = m_course.revealed();
    m_question->setText(predict.question.in(m_course.language()));
    m_choices.showFirst(int(question.choices.size()));
    for (int i = 0; i < question.choices.size(); ++i) {
        QPushButton* button = m_choices.at(i);
        button->setCheckable(true);
        QString mark;
        if (revealed && i == question.answer)
            mark = QStringLiteral("✓ ");
        else if (revealed && chosen == i)
            mark = QStringLiteral("✗ ");
        button->setText(mark + question.choices[i]);
        button->setAccessibleName(tr("Answer: %1").arg(question.choices[i]));
        button->setChecked(chosen == i);
        button->setEnabled(!chosen || chosen == i); // the prediction stays legible
    }
    if (!chosen && m_course.waitingCommand())
        m_status->setText(tr("The command is typed in the console: it runs when you answer."));
    else if (!chosen)
        m_status->setText(tr("Answer before the commands run: nothing shows their result yet."));
    else if (!revealed && m_course.readyToReveal())
        m_status->setText(tr("Your class has seen it happen: show the answer when ready."));
    else if (!revealed)
        m_status->setText(tr("Your prediction is in: run the commands and watch."));
    m_status->setVisible(!revealed);
    m_reveal->setVisible(m_course.readyToReveal());
    m_verdict->setVisible(revealed);
    if (revealed) {
        const QString explanation = m_course.fill(predict.explain);
        const QString head =
            chosen == question.answer
                ? tr("✓ Right.")
                : tr("✗ Not quite: the answer is %1.").arg(question.choices[question.answer]);
        m_verdict->setText(explanation.isEmpty() ? head : head + u'\n' + explanation);
    }
}

} // namespace lab
