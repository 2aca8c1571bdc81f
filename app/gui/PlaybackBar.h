#pragma once
// The playback tool bar: pause and resume engine time, choose its speed, read the engine clock.

#include "gui/Playback.h"

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;

namespace lab {

class Engine;

/// Controls of a Playback, with the engine's clock.
class PlaybackBar final : public QToolBar {
    Q_OBJECT
public:
    PlaybackBar(Playback& playback, Engine& engine, QWidget* parent = nullptr);

    /// Toggles pause (Space).
    QAction* pauseAction() const { return m_pause; }
    QComboBox* speedBox() const { return m_speed; }
    /// Re-reads the engine clock.
    void showTime();

private:
    void onSpeedChosen(int index);
    void onPausedChanged(bool paused);

    Playback& m_playback;
    Engine& m_engine;
    QAction* m_pause;
    QComboBox* m_speed;
    QLabel* m_clock;
};

} // namespace lab
