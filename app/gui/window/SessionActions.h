#pragma once
// File > Open session and File > Save session (docs/SESSION-FORMAT.md): a session saved from the
// window, or recorded by `lifecycle-lab console --record`, opens in the window and plays back
// with step, step back and speed; Engine > Continue live from here goes on from the step shown.

#include "base/Expected.h"

#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace lab {

class Playback;
class RecordedSession;

/// The window's session-file actions.
class SessionActions final : public QObject {
    Q_OBJECT
public:
    /// window is the parent of the file dialogs and message boxes.
    SessionActions(RecordedSession& session, Playback& playback, QWidget& window);

    QAction* openAction() const { return m_open; }
    QAction* saveAction() const { return m_save; }

    /// Reads the session file at path and plays it; the error names the file, the place and the
    /// reason, and nothing changes then.
    Status open(const QString& path);
    /// Writes what happened so far (a file's whole content while it plays) to path.
    Status save(const QString& path) const;

private:
    void askOpen();
    void askSave();

    RecordedSession& m_session;
    Playback& m_playback;
    QWidget& m_window;
    QAction* m_open;
    QAction* m_save;
};

} // namespace lab
