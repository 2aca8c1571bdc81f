#include "gui/window/PlaybackBar.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <array>

namespace lab {
namespace {

constexpr std::array kSpeeds = {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0};

// An action that is disabled says why in its tooltip, as the command buttons do.
void enableWithReason(QAction* action, const QString& whyNot, const QString& what) {
    action->setEnabled(whyNot.isEmpty());
    action->setToolTip(whyNot.isEmpty() ? what : whyNot);
}

} // namespace

PlaybackBar::PlaybackBar(Playback& playback, QWidget* parent)
    : QToolBar(tr("Playback"), parent), m_playback(playback), m_pause(new QAction(this)),
      m_speed(new QComboBox(this)), m_clock(new QLabel(this)) {
    setObjectName(QStringLiteral("playback"));
    m_pause->setCheckable(true);
    m_pause->setShortcut(Qt::Key_Space);
    m_pause->setShortcutContext(Qt::WindowShortcut);
    addAction(m_pause);
    m_stepBack = addShortcutAction(tr("◀ Step back"), Qt::Key_Left);
    m_step = addShortcutAction(tr("Step ▶"), Qt::Key_Right);
    m_catchUp = addShortcutAction(tr("Catch up ▶▶"), QKeySequence(Qt::CTRL | Qt::Key_End));
    m_reset = addShortcutAction(tr("Reset"), QKeySequence());
    m_continueLive = addShortcutAction(tr("Continue live from here"), QKeySequence());
    addWidget(new QLabel(tr(" Speed "), this));
    for (double speed : kSpeeds)
        m_speed->addItem(QStringLiteral("%1×").arg(speed), speed);
    m_speed->setCurrentIndex(m_speed->findData(playback.speed()));
    m_speed->setAccessibleName(tr("Engine speed"));
    m_speed->setToolTip(tr("Engine seconds per wall-clock second"));
    addWidget(m_speed);
    addSeparator();
    m_clock->setAccessibleName(tr("Engine clock"));
    m_clock->setToolTip(tr("The engine time the window shows (the simulated daemon's clock)"));
    addWidget(m_clock);
    connect(m_pause, &QAction::toggled, &m_playback, &Playback::setPaused);
    connect(m_step, &QAction::triggered, &m_playback, &Playback::step);
    connect(m_stepBack, &QAction::triggered, &m_playback, &Playback::stepBack);
    connect(m_catchUp, &QAction::triggered, &m_playback, &Playback::jumpToEngine);
    connect(m_reset, &QAction::triggered, &m_playback, &Playback::reset);
    connect(m_continueLive, &QAction::triggered, &m_playback, &Playback::continueLive);
    connect(&m_playback, &Playback::playingChanged, this, &PlaybackBar::showTime);
    connect(&m_playback, &Playback::heldChanged, this, &PlaybackBar::showTime);
    connect(&m_playback, &Playback::pausedChanged, this, &PlaybackBar::onPausedChanged);
    connect(m_speed, &QComboBox::currentIndexChanged, this, &PlaybackBar::onSpeedChosen);
    connect(&m_playback, &Playback::speedChanged, this,
            [this](double speed) { m_speed->setCurrentIndex(m_speed->findData(speed)); });
    connect(&m_playback, &Playback::advanced, this, &PlaybackBar::showTime);
    onPausedChanged(playback.isPaused());
    if (playback.followsWallClock()) {
        const QString reason = tr("Real containers live on the wall clock: their time cannot be "
                                  "paused or sped up");
        m_pause->setEnabled(false);
        m_pause->setToolTip(reason);
        m_speed->setEnabled(false);
        m_speed->setToolTip(reason);
        m_clock->setToolTip(tr("Engine time: the wall clock (real backend)"));
    }
    showTime();
}

QAction* PlaybackBar::addShortcutAction(const QString& text, const QKeySequence& key) {
    auto* action = new QAction(text, this);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WindowShortcut);
    addAction(action);
    return action;
}

void PlaybackBar::showTime() {
    const StepTimeline& timeline = m_playback.timeline();
    const auto since = std::chrono::duration_cast<std::chrono::milliseconds>(
        timeline.shownTime().time_since_epoch());
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(since.count(), Qt::UTC);
    QString text = tr(" engine time %1 UTC").arg(at.toString(QStringLiteral("HH:mm:ss.zzz")));
    if (const Playback::Lead lead = m_playback.engineLead(); lead.steps > 0)
        text += tr("  ·  engine +%n step(s) / +%1 s", nullptr, int(lead.steps))
                    .arg(std::chrono::duration<double>(lead.time).count(), 0, 'f', 1);
    if (m_playback.isHeld())
        text += tr("  ·  held");
    const QString whyNotLive = m_playback.whyNoContinueLive();
    if (m_playback.isPlayingRecording())
        text += tr("  ·  playing a recorded session");
    m_clock->setText(text);
    enableWithReason(m_catchUp, m_playback.whyNoJump(),
                     tr("Show every step the engine has taken, at once (Ctrl+End)"));
    enableWithReason(m_step, m_playback.whyNoStep(),
                     tr("Pause and show the next engine step (Right arrow)"));
    enableWithReason(m_stepBack, m_playback.whyNoStepBack(),
                     tr("Replay the engine to the step before (Left arrow)"));
    enableWithReason(m_reset, m_playback.whyNoReset(),
                     m_playback.isPlayingRecording()
                         ? tr("Back to the start of the recorded session")
                         : tr("Start again on a fresh engine: every container is forgotten"));
    m_continueLive->setVisible(m_playback.isPlayingRecording());
    enableWithReason(m_continueLive, whyNotLive,
                     tr("Replay the recorded commands up to the step shown on a fresh engine, "
                        "then take commands from there"));
}

void PlaybackBar::onSpeedChosen(int index) {
    m_playback.setSpeed(m_speed->itemData(index).toDouble());
}

void PlaybackBar::onPausedChanged(bool paused) {
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pause->setToolTip(paused ? tr("Let engine time run again (Space)")
                               : tr("Freeze engine time (Space)"));
}

} // namespace lab
