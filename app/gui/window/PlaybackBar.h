#pragma once
// The playback tool bar: pause and resume engine time, choose its speed, step forward and back
// one engine step at a time, catch up with the engine, reset, and read the time the window
// shows and how far the engine is ahead of it.

#include "gui/window/Playback.h"

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;

namespace lab {

/// Controls of a Playback, with the shown engine time.
class PlaybackBar final : public QToolBar {
    Q_OBJECT
public:
    explicit PlaybackBar(Playback& playback, QWidget* parent = nullptr);

    /// Toggles pause (Space).
    QAction* pauseAction() const { return m_pause; }
    /// One engine step (Right).
    QAction* stepAction() const { return m_step; }
    /// Back to the step before (Left).
    QAction* stepBackAction() const { return m_stepBack; }
    /// Shows every step the engine has taken (Ctrl+End).
    QAction* catchUpAction() const { return m_catchUp; }
    /// A fresh engine.
    QAction* resetAction() const { return m_reset; }
    /// Goes on live from the step shown while a session file plays (visible only then).
    QAction* continueLiveAction() const { return m_continueLive; }
    QComboBox* speedBox() const { return m_speed; }
    /// Re-reads the shown time and what is possible now.
    void showTime();

private:
    QAction* addShortcutAction(const QString& text, const QKeySequence& key);
    void onSpeedChosen(int index);
    void onPausedChanged(bool paused);

    Playback& m_playback;
    QAction* m_pause;
    QAction* m_step;
    QAction* m_stepBack;
    QAction* m_catchUp;
    QAction* m_reset;
    QAction* m_continueLive;
    QComboBox* m_speed;
    QLabel* m_clock;
};

} // namespace lab
