#include "gui/PlaybackBar.h"

#include "engine/Engine.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <array>

namespace lab {
namespace {

constexpr std::array kSpeeds = {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0};

} // namespace

PlaybackBar::PlaybackBar(Playback& playback, Engine& engine, QWidget* parent)
    : QToolBar(tr("Playback"), parent), m_playback(playback), m_engine(engine),
      m_pause(new QAction(this)), m_speed(new QComboBox(this)), m_clock(new QLabel(this)) {
    setObjectName(QStringLiteral("playback"));
    m_pause->setCheckable(true);
    m_pause->setShortcut(Qt::Key_Space);
    m_pause->setShortcutContext(Qt::WindowShortcut);
    addAction(m_pause);
    addWidget(new QLabel(tr(" Speed "), this));
    for (double speed : kSpeeds)
        m_speed->addItem(QStringLiteral("%1×").arg(speed), speed);
    m_speed->setCurrentIndex(m_speed->findData(playback.speed()));
    m_speed->setAccessibleName(tr("Engine speed"));
    m_speed->setToolTip(tr("Engine seconds per wall-clock second"));
    addWidget(m_speed);
    addSeparator();
    m_clock->setAccessibleName(tr("Engine clock"));
    m_clock->setToolTip(tr("Engine time (the simulated daemon's clock)"));
    addWidget(m_clock);
    connect(m_pause, &QAction::toggled, &m_playback, &Playback::setPaused);
    connect(&m_playback, &Playback::pausedChanged, this, &PlaybackBar::onPausedChanged);
    connect(m_speed, &QComboBox::currentIndexChanged, this, &PlaybackBar::onSpeedChosen);
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

void PlaybackBar::showTime() {
    const auto since = std::chrono::duration_cast<std::chrono::milliseconds>(
        m_engine.clock().now().time_since_epoch());
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(since.count(), Qt::UTC);
    m_clock->setText(tr(" engine time %1 UTC").arg(at.toString(QStringLiteral("HH:mm:ss.zzz"))));
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
