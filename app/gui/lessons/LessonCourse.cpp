#include "gui/lessons/LessonCourse.h"

#include "gui/lessons/LessonProgress.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/window/Playback.h"
#include "gui/window/RecordedSession.h"
#include "session/SimulatedSession.h"

#include <algorithm>

namespace lab {

LessonCourse::LessonCourse(RecordedSession& session, Playback& playback, ConsolePanel& console,
                           QObject* parent)
    : QObject(parent), m_session(session), m_playback(playback), m_console(console),
      m_teacherMode(LessonProgress().teacherMode()) {
    // Step back, reset and restart replay into a fresh engine: the checks watch that one.
    connect(&session, &RecordedSession::engineReplaced, this, [this](Engine& engine) {
        if (m_run)
            m_run->follow(engine);
    });
    connect(&playback, &Playback::advanced, this, &LessonCourse::update);
}

LessonCourse::~LessonCourse() = default;

QString LessonCourse::whyNotHere(const Lesson& lesson) const {
    const bool real = m_session.backend() == BackendKind::Real;
    if (lesson.needsRealBackend && !real)
        return tr("This lesson needs the real backend (Engine > Backend > Real).");
    if (!lesson.needsRealBackend && real)
        return tr("This lesson runs on the simulation (Engine > Backend > Simulation): its "
                  "answers are computed there.");
    return {};
}

Status LessonCourse::start(const Lesson& lesson, int step, Language language) {
    if (const QString why = whyNotHere(lesson); !why.isEmpty())
        return Error{why.toStdString()};
    auto world = lessonWorld(lesson);
    if (!world)
        return world.error();
    std::vector<LessonStep> steps = lessonSteps(lesson, lesson.seed);
    if (steps.empty())
        return Error{lesson.source.toStdString() + ": the lesson has no steps"};
    auto answers = computeAnswers(steps, *world, lesson.seed, language);
    if (!answers)
        return answers.error().context(lesson.source.toStdString());
    m_run.reset();
    m_lesson = lesson;
    m_world = std::move(*world);
    m_steps = std::move(steps);
    m_answers = std::move(*answers);
    m_language = language;
    enterStep(0);
    // The simulation starts over from the lesson's world and seed; real time cannot be rewound.
    if (m_session.backend() == BackendKind::Simulated)
        m_playback.restartOn(std::make_unique<SimulatedSession>(*m_world, lesson.seed));
    m_run = std::make_unique<LessonRun>(m_session);
    LessonProgress().setCurrent(lesson.id);
    const int resumeAt = std::clamp(step, 0, stepCount() - 1);
    for (m_step = 0; m_step < resumeAt; ++m_step) {
        enterStep(m_step);
        for (qsizetype command = 0; command < this->step().commands.size(); ++command)
            execute(int(command));
    }
    enterStep(resumeAt);
    return Ok{};
}

void LessonCourse::setLanguage(Language language) {
    if (language == m_language)
        return;
    m_language = language;
    if (started())
        if (auto answers = computeAnswers(m_steps, *m_world, m_lesson->seed, language))
            m_answers = std::move(*answers);
    emit changed();
}

QString LessonCourse::fill(const LocalText& text) const {
    return finished() ? text.in(m_language)
                      : fillPlaceholders(text.in(m_language), answers().values);
}

void LessonCourse::runCommand(int index) {
    if (finished() || index < 0 || index > m_commandsRun || index >= step().commands.size())
        return;
    if (answers().question && !m_chosen) {
        m_waiting = index;
        m_console.input()->setText(step().commands[index]);
        m_console.input()->setEnabled(false); // typed, not run: Enter waits for the answer
        emit changed();
        return;
    }
    execute(index);
}

void LessonCourse::answer(int choice) {
    if (finished() || !answers().question || m_chosen ||
        choice >= answers().question->choices.size() || choice < 0)
        return;
    m_chosen = choice;
    if (m_waiting)
        execute(*m_waiting);
    else
        emit changed();
}

void LessonCourse::execute(int index) {
    m_waiting.reset();
    HistoryLineEdit* input = m_console.input();
    input->setEnabled(true);
    input->clear();
    const LessonStep& current = step();
    if (index == 0 && m_commandsRun == 0 && current.fault) {
        const FaultAction fault = *current.fault;
        const Status done = m_session.act({fault.kind == FaultAction::Kind::OutOfMemory
                                               ? EngineAction::Kind::OutOfMemory
                                               : EngineAction::Kind::NextRemovalFails,
                                           fault.container.toStdString()});
        m_notice = done ? QString() : QString::fromStdString(done.error().message);
    }
    const QString& line = current.commands[index];
    input->remember(line);
    m_commandsRun = std::max(m_commandsRun, index + 1);
    m_console.runLine(line); // the playback catches up, and update() follows
    update();
    emit changed();
}

bool LessonCourse::readyToReveal() const {
    return started() && !finished() && answers().question && m_chosen && !m_revealed &&
           m_commandsRun == step().commands.size() && !playing();
}

void LessonCourse::reveal() {
    if (!readyToReveal())
        return;
    m_revealed = true;
    emit changed();
}

void LessonCourse::setTeacherMode(bool on) {
    m_teacherMode = on;
    LessonProgress().setTeacherMode(on);
    update();
    emit changed();
}

bool LessonCourse::playing() const {
    return m_playback.timeline().waiting() > 0;
}

std::vector<bool> LessonCourse::checks() const {
    std::vector<bool> holds;
    if (!finished() && m_run)
        for (const Check& check : step().checks)
            holds.push_back(m_run->holds(check));
    return holds;
}

bool LessonCourse::canGoNext() const {
    if (!started() || finished() || playing() || m_commandsRun < step().commands.size())
        return false;
    if (answers().question && !m_revealed)
        return false;
    const std::vector<bool> holds = checks();
    return std::all_of(holds.begin(), holds.end(), [](bool held) { return held; });
}

void LessonCourse::next() {
    if (!canGoNext())
        return;
    enterStep(m_step + 1);
    LessonProgress progress;
    if (finished())
        progress.setFinished(m_lesson->id);
    progress.setStep(m_lesson->id, finished() ? 0 : m_step);
    emit changed();
}

void LessonCourse::enterStep(int step) {
    if (m_waiting) { // a command typed for an unanswered question is left unrun
        m_console.input()->clear();
        m_console.input()->setEnabled(true);
        m_waiting.reset();
    }
    m_step = step;
    m_commandsRun = 0;
    m_chosen.reset();
    m_revealed = false;
    m_notice.clear();
    m_shownChecks.clear();
    m_shownRevealed = false;
}

// Called as the playback moves: the answer is explained, and changed() told, once the shown
// engine has caught up with the commands.
void LessonCourse::update() {
    if (!started() || finished())
        return;
    if (!m_teacherMode && readyToReveal())
        m_revealed = true;
    const bool nowPlaying = playing();
    std::vector<bool> holds = checks();
    if (nowPlaying == m_shownPlaying && holds == m_shownChecks && m_revealed == m_shownRevealed)
        return;
    m_shownPlaying = nowPlaying;
    m_shownRevealed = m_revealed;
    m_shownChecks = std::move(holds);
    emit changed();
}

} // namespace lab
