#include "gui/lessons/LessonsPanel.h"

#include "gui/lessons/LessonProgress.h"
#include "gui/lessons/LineScrollArea.h"
#include "gui/lessons/PredictBox.h"
#include "player/LessonFile.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QStyle>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace lab {
namespace {

QString paragraph(const QString& text) {
    return QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped());
}

} // namespace

LessonsPanel::LessonsPanel(RecordedSession& session, Playback& playback, ConsolePanel& console,
                           std::function<void(BackendKind)> switchBackend, QWidget* parent)
    : QWidget(parent), m_course(new LessonCourse(session, playback, console, this)),
      m_switchBackend(std::move(switchBackend)), m_language(languageFor(QLocale())),
      m_startHere(new QAction(tr("&Start here"), this)), m_list(new QComboBox(this)),
      m_teacher(new QCheckBox(tr("Teacher mode"), this)), m_stepScroll(new LineScrollArea(this)),
      m_title(new QLabel(this)), m_text(new QLabel(this)),
      m_predict(new PredictBox(*m_course, this)),
      m_commands(this, QStringLiteral("lessonCommand"),
                 [this](int command) { m_course->runCommand(command); }),
      m_checks(new QLabel(this)), m_hint(new QLabel(this)), m_switch(new QPushButton(this)),
      m_start(new QPushButton(this)), m_restart(new QPushButton(tr("Start over"), this)),
      m_next(new QPushButton(this)) {
    if (auto lessons = loadLessonDirectory(builtInLessonDirectory()))
        m_lessons = std::move(*lessons);
    else
        m_refusal = QString::fromStdString(lessons.error().message);
    m_list->setAccessibleName(tr("Lessons"));
    // One line, not a list: the step, its commands and Next need the dock's height.
    m_list->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_list->setMinimumContentsLength(12);
    m_list->setMaxVisibleItems(20);
    m_teacher->setChecked(m_course->teacherMode());
    m_teacher->setToolTip(tr("For projection: the answer to a prediction shows only when you "
                             "press Show the answer"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_text->setAccessibleName(tr("Lesson text"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel* label : {m_text, m_checks, m_hint})
        label->setWordWrap(true);
    m_checks->setTextFormat(Qt::PlainText);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setStyleSheet(QStringLiteral("color: #9a6700"));
    const std::vector<std::pair<QPushButton*, QString>> named{
        {m_switch, tr("Switch backend for this lesson")},
        {m_start, tr("Start the lesson")},
        {m_restart, tr("Start the lesson over from its world and seed")},
        {m_next, tr("Next step")}};
    for (const auto& [button, name] : named)
        button->setAccessibleName(name);
    m_next->setObjectName(QStringLiteral("lessonNext"));
    m_switch->setObjectName(QStringLiteral("lessonSwitchBackend"));
    m_restart->setObjectName(QStringLiteral("lessonRestart"));
    // An icon beside the lessons: the words would leave the lesson's name no room.
    auto* open = new QToolButton(this);
    open->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    open->setToolTip(tr("Open lesson file…"));
    open->setAccessibleName(tr("Open a lesson file"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addWidget(open);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_restart);
    buttons->addStretch(1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_next);
    // The step scrolls between the lesson's choice and its buttons, which stay in sight: at
    // 1280x800 and at presenter size the dock is shorter than many a step. It scrolls by whole
    // lines: the first one shown is never cut in half.
    auto* step = new QWidget(this);
    auto* stepLayout = new QVBoxLayout(step);
    stepLayout->setContentsMargins(0, 0, 0, 0);
    stepLayout->addWidget(m_title);
    stepLayout->addWidget(m_text);
    stepLayout->addWidget(m_predict);
    stepLayout->addLayout(m_commands.layout());
    stepLayout->addWidget(m_checks);
    stepLayout->addWidget(m_hint);
    stepLayout->addWidget(m_switch);
    stepLayout->addStretch(1);
    stepLayout->addWidget(m_teacher); // set once for a class, and out of the step's way
    m_stepScroll->setWidget(step);
    m_stepScroll->setWidgetResizable(true);
    m_stepScroll->setFrameShape(QFrame::NoFrame);
    m_stepScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // its lines wrap
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_stepScroll, 1);
    layout->addLayout(buttons);

    connect(m_list, &QComboBox::currentIndexChanged, this, [this](int row) {
        if (row >= 0 && row < int(m_lessons.size()) && m_lessons[std::size_t(row)].id != m_opened)
            openLesson(m_lessons[std::size_t(row)].id);
    });
    connect(m_teacher, &QCheckBox::toggled, m_course, &LessonCourse::setTeacherMode);
    connect(open, &QToolButton::clicked, this, &LessonsPanel::chooseFile);
    connect(m_start, &QPushButton::clicked, this, [this] { startOpenLesson(false); });
    connect(m_restart, &QPushButton::clicked, this, [this] { startOpenLesson(true); });
    connect(m_next, &QPushButton::clicked, this, [this] {
        if (!m_course->finished()) {
            m_course->next();
            refreshList();
            return;
        }
        const auto at = std::find_if(m_lessons.begin(), m_lessons.end(),
                                     [this](const Lesson& l) { return l.id == m_opened; });
        if (at != m_lessons.end() && at + 1 != m_lessons.end())
            openLesson((at + 1)->id);
    });
    connect(m_switch, &QPushButton::clicked, this, [this] {
        if (const Lesson* lesson = openedLesson())
            m_switchBackend(lesson->needsRealBackend ? BackendKind::Real : BackendKind::Simulated);
    });
    connect(m_startHere, &QAction::triggered, this, &LessonsPanel::startHere);
    connect(m_course, &LessonCourse::changed, this, &LessonsPanel::refresh);

    // The very first start opens the first lesson with a welcome; later ones, the lesson open
    // last.
    LessonProgress progress;
    if (!progress.welcomed()) {
        progress.setWelcomed();
        m_welcome = true;
    }
    if (m_welcome || !openLesson(progress.current())) {
        if (!m_lessons.empty())
            openLesson(m_lessons.front().id);
    }
    refreshList();
}

void LessonsPanel::startHere() {
    m_welcome = true;
    if (!m_lessons.empty())
        openLesson(m_lessons.front().id);
    raiseDock();
}

void LessonsPanel::raiseDock() {
    for (QWidget* above = parentWidget(); above; above = above->parentWidget())
        if (auto* dock = qobject_cast<QDockWidget*>(above)) {
            dock->show();
            dock->raise();
            // A lesson's text and buttons need the height of the docks beside it: all of it but
            // what the docks below must keep.
            if (auto* window = qobject_cast<QMainWindow*>(dock->parentWidget()))
                window->resizeDocks({dock}, {window->height()}, Qt::Vertical);
            return;
        }
}

const Lesson* LessonsPanel::openedLesson() const {
    const auto at = std::find_if(m_lessons.begin(), m_lessons.end(),
                                 [this](const Lesson& lesson) { return lesson.id == m_opened; });
    return at == m_lessons.end() ? nullptr : &*at;
}

bool LessonsPanel::openLesson(const QString& id) {
    const auto at = std::find_if(m_lessons.begin(), m_lessons.end(),
                                 [&id](const Lesson& lesson) { return lesson.id == id; });
    if (at == m_lessons.end())
        return false;
    m_opened = id;
    m_refusal.clear();
    LessonProgress().setCurrent(id);
    m_list->setCurrentIndex(int(at - m_lessons.begin()));
    refresh();
    return true;
}

void LessonsPanel::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a lesson file"), QString(),
                                                      tr("Lessons (*.json)"));
    if (!path.isEmpty())
        openLessonFile(path);
}

bool LessonsPanel::openLessonFile(const QString& path) {
    auto lesson = loadLessonFile(path);
    if (!lesson) {
        m_refusal = QString::fromStdString(lesson.error().message);
        refresh();
        return false;
    }
    std::erase_if(m_lessons, [&](const Lesson& known) { return known.id == lesson->id; });
    m_lessons.push_back(std::move(*lesson));
    refreshList();
    return openLesson(m_lessons.back().id);
}

void LessonsPanel::startOpenLesson(bool fromTheBeginning) {
    const Lesson* lesson = openedLesson();
    if (!lesson)
        return;
    const int step = fromTheBeginning ? 0 : LessonProgress().step(lesson->id);
    m_welcome = false;
    m_commandInSight = {-1, -1};
    const Status started = m_course->start(*lesson, step, m_language);
    m_refusal = started ? QString() : QString::fromStdString(started.error().message);
    refreshList();
    refresh();
}

void LessonsPanel::backendRefused(const QString& why) {
    m_refusal = tr("The backend this lesson needs cannot open here: %1").arg(why);
    refresh();
}

void LessonsPanel::setLanguage(Language language) {
    m_language = language;
    m_course->setLanguage(language);
    refreshList();
    refresh();
}

void LessonsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange)
        setLanguage(languageFor(QLocale()));
    QWidget::changeEvent(event);
}

void LessonsPanel::refreshList() {
    LessonProgress progress;
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    for (const Lesson& lesson : m_lessons) {
        QString mark = QStringLiteral("   ");
        if (progress.finished(lesson.id))
            mark = QStringLiteral("✓ ");
        else if (progress.step(lesson.id) > 0)
            mark = QStringLiteral("… ");
        QString text = mark + lesson.title.in(m_language);
        if (lesson.needsRealBackend)
            text += tr("  [real backend]");
        m_list->addItem(text);
    }
    const Lesson* opened = openedLesson();
    m_list->setCurrentIndex(opened ? int(opened - m_lessons.data()) : -1);
}

void LessonsPanel::refresh() {
    const Lesson* lesson = openedLesson();
    const bool playing = lesson && m_course->started() && m_course->lesson().id == lesson->id;
    m_predict->setVisible(false);
    m_checks->clear();
    m_hint->clear();
    m_commands.showFirst(0);
    if (!lesson) {
        m_title->setText(tr("Lessons"));
        m_text->setText(paragraph(m_refusal));
        for (QWidget* widget : {m_start, m_restart, m_next, m_switch})
            widget->hide();
    } else if (!playing) {
        showIntro(*lesson);
    } else if (m_course->finished()) {
        showFinished();
    } else {
        showStep();
    }
    m_checks->setVisible(!m_checks->text().isEmpty());
    m_hint->setVisible(!m_hint->text().isEmpty());
}

void LessonsPanel::showIntro(const Lesson& lesson) {
    m_title->setText(lesson.title.in(m_language));
    QString html;
    if (m_welcome)
        html += paragraph(tr("Welcome! This lab shows how a Docker container lives, on a "
                             "simulated Docker engine. The lessons start here: each step "
                             "explains, runs docker commands in the console below and asks "
                             "what you expect before it shows what happened."));
    html += paragraph(lesson.summary.in(m_language));
    if (lesson.needsRealBackend)
        html += paragraph(lesson.whyReal.in(m_language));
    const QString why = m_course->whyNotHere(lesson);
    if (!why.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p>").arg(why.toHtmlEscaped());
    if (!m_refusal.isEmpty())
        html += QStringLiteral("<p style='color:#c03020'>%1</p>").arg(m_refusal.toHtmlEscaped());
    m_text->setText(html);
    const int reached = LessonProgress().step(lesson.id);
    m_start->setText(reached > 0 ? tr("Continue at step %1").arg(reached + 1) : tr("Start"));
    m_start->setVisible(true);
    m_start->setEnabled(why.isEmpty());
    m_restart->setVisible(reached > 0);
    m_restart->setEnabled(why.isEmpty());
    m_next->hide();
    m_switch->setVisible(!why.isEmpty());
    m_switch->setText(lesson.needsRealBackend ? tr("Switch to the real backend")
                                              : tr("Switch to the simulation"));
}

void LessonsPanel::showStep() {
    const LessonStep& step = m_course->step();
    m_title->setText(QStringLiteral("%1 — %2").arg(
        m_course->lesson().title.in(m_language),
        tr("step %1 of %2").arg(m_course->stepIndex() + 1).arg(m_course->stepCount())));
    const bool ran = m_course->commandsRun() == step.commands.size() && !m_course->playing();
    const bool explained = !m_course->answers().question || m_course->revealed();
    QString html = paragraph(m_course->fill(step.text));
    if (ran && explained && !step.after.in(m_language).isEmpty())
        html += paragraph(m_course->fill(step.after));
    if (!m_course->notice().isEmpty())
        html += QStringLiteral("<p style='color:#c03020'>%1</p>")
                    .arg(m_course->notice().toHtmlEscaped());
    m_text->setText(html);
    m_predict->refresh();
    m_commands.showFirst(int(step.commands.size()));
    for (int i = 0; i < step.commands.size(); ++i) {
        QPushButton* button = m_commands.at(i);
        button->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        button->setText(QStringLiteral("▶ ") + step.commands[i]);
        button->setAccessibleName(tr("Run %1").arg(step.commands[i]));
        button->setEnabled(i <= m_course->commandsRun() && !m_course->waitingCommand());
        button->setToolTip(i > m_course->commandsRun() ? tr("Run the commands above first")
                                                       : tr("Type and run it in the console"));
    }
    // Predicted (or nothing to predict): the command to run next comes into sight, once (the
    // learner may scroll back to the text).
    const int toRun = int(m_course->commandsRun());
    const std::pair<int, int> next{m_course->stepIndex(), toRun};
    if (toRun < step.commands.size() && (!m_course->answers().question || m_course->chosen()) &&
        std::exchange(m_commandInSight, next) != next)
        QTimer::singleShot(0, this, [this, toRun] {
            if (int(m_commands.shown().size()) > toRun)
                m_stepScroll->ensureWidgetVisible(m_commands.at(toRun));
        });
    QStringList checks;
    const std::vector<bool> holds = m_course->checks();
    for (std::size_t i = 0; i < step.checks.size(); ++i) {
        const QString mark = m_course->playing() ? QStringLiteral("…")
                             : holds[i]          ? QStringLiteral("✓")
                                                 : QStringLiteral("○");
        checks << mark + u' ' + describeCheck(step.checks[i], m_language);
    }
    m_checks->setText(checks.join(u'\n'));
    const bool someFails = std::find(holds.begin(), holds.end(), false) != holds.end();
    if (ran && someFails && !step.hint.in(m_language).isEmpty())
        m_hint->setText(tr("Hint: %1").arg(m_course->fill(step.hint)));
    m_start->hide();
    m_switch->hide();
    m_restart->setVisible(true);
    m_restart->setEnabled(true);
    m_next->setVisible(true);
    m_next->setText(m_course->stepIndex() + 1 == m_course->stepCount() ? tr("Finish")
                                                                       : tr("Next ▶"));
    m_next->setEnabled(m_course->canGoNext());
    m_next->setToolTip(m_course->canGoNext() ? QString()
                       : m_course->playing() ? tr("The playback has not shown everything yet")
                                             : tr("Run the commands; every check must hold"));
}

void LessonsPanel::showFinished() {
    m_title->setText(m_course->lesson().title.in(m_language));
    m_text->setText(paragraph(tr("Lesson complete. Well done!")));
    m_start->hide();
    m_switch->hide();
    m_restart->setVisible(true);
    const Lesson* lesson = openedLesson();
    const bool last = !lesson || lesson == &m_lessons.back();
    m_next->setVisible(!last);
    m_next->setEnabled(!last);
    m_next->setText(tr("Next lesson ▶"));
}

QString LessonsPanel::shownText() const {
    QTextDocument text;
    text.setHtml(m_text->text());
    QStringList parts{m_title->text(), text.toPlainText()};
    if (!m_predict->isHidden())
        parts << m_predict->verdict();
    parts << m_checks->text() << m_hint->text();
    return parts.join(u'\n');
}

} // namespace lab
