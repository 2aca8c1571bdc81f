#pragma once
// File > Export animation: the window's session (what File > Save session would write) as an
// animation. A small dialog asks for the picture, the format, the steps, the speed, the frame
// rate, the size and the file; a progress dialog shows the frames being written and Cancel
// stops it and removes the partial file. The frames come from a copy of the session played
// apart from the window (SessionAnimation): the window itself stays on the step it shows.

#include "base/Expected.h"
#include "gui/export/AnimationRequest.h"

#include <QDialog>
#include <QObject>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace lab {

class DisplayModes;
class Playback;
class RecordedSession;
class SessionAnimation;

/// The choices of one export; request() reads them.
class AnimationDialog final : public QDialog {
    Q_OBJECT
public:
    /// steps: how many the session has; defaults: the choices shown first.
    AnimationDialog(std::size_t steps, const AnimationRequest& defaults, QWidget* parent = nullptr);
    AnimationRequest request() const;

private:
    void browse();
    void accept() override;

    QComboBox* m_view;
    QComboBox* m_format;
    QSpinBox* m_from;
    QSpinBox* m_to;
    QDoubleSpinBox* m_speed;
    QSpinBox* m_fps;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QCheckBox* m_dark;
    QLineEdit* m_output;
};

/// Writes animation as request asks, with a progress dialog over parent; Cancel there ends it
/// with an error ("... cancelled") and no file.
Status exportWithProgress(SessionAnimation& animation, const AnimationRequest& request,
                          QWidget* parent);

/// The File menu's Export animation action of one window.
class AnimationExportAction final : public QObject {
    Q_OBJECT
public:
    AnimationExportAction(RecordedSession& session, Playback& playback, DisplayModes& modes,
                          QWidget& window);
    QAction* action() const { return m_action; }

private:
    void ask();

    RecordedSession& m_session;
    Playback& m_playback;
    DisplayModes& m_modes;
    QWidget& m_window;
    QAction* m_action;
};

} // namespace lab
