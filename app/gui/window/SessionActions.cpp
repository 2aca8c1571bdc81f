#include "gui/window/SessionActions.h"

#include "gui/window/Playback.h"
#include "gui/window/RecordedSession.h"
#include "session/SessionFile.h"

#include <QAction>
#include <QFileDialog>
#include <QMessageBox>
#include <QWidget>

namespace lab {

SessionActions::SessionActions(RecordedSession& session, Playback& playback, QWidget& window)
    : QObject(&window), m_session(session), m_playback(playback), m_window(window),
      m_open(new QAction(tr("&Open session…"), this)),
      m_save(new QAction(tr("&Save session…"), this)) {
    m_open->setShortcut(QKeySequence::Open);
    m_save->setShortcut(QKeySequence::Save);
    m_open->setToolTip(tr("Play back a saved session: step through it, then continue live"));
    m_save->setToolTip(tr("Save the world, the seed and every command, to replay anywhere"));
    connect(m_open, &QAction::triggered, this, &SessionActions::askOpen);
    connect(m_save, &QAction::triggered, this, &SessionActions::askSave);
}

Status SessionActions::open(const QString& path) {
    if (m_session.backend() != BackendKind::Simulated)
        return Error{tr("Real containers run in this window: switch to Engine > Backend > "
                        "Simulation first, then open the session")
                         .toStdString()};
    if (const QString why = m_playback.whyNoReset(); !why.isEmpty())
        return Error{why.toStdString()};
    Expected<SessionRecording> recording = loadSessionFile(path);
    if (!recording)
        return recording.error();
    m_playback.playRecording(openRecording(*recording), std::move(recording->entries));
    return Ok{};
}

Status SessionActions::save(const QString& path) const {
    const std::optional<SessionRecording> recording = m_session.recording();
    if (!recording)
        return Error{tr("This engine cannot save its session").toStdString()};
    return saveSessionFile(*recording, path);
}

void SessionActions::askOpen() {
    const QString path = QFileDialog::getOpenFileName(&m_window, tr("Open a session"), QString(),
                                                      tr("Lab sessions (*.json)"));
    if (path.isEmpty())
        return;
    if (const Status opened = open(path); !opened)
        QMessageBox::warning(&m_window, tr("Open a session"),
                             QString::fromStdString(opened.error().message));
}

void SessionActions::askSave() {
    const QString path =
        QFileDialog::getSaveFileName(&m_window, tr("Save the session"),
                                     QStringLiteral("session.json"), tr("Lab sessions (*.json)"));
    if (path.isEmpty())
        return;
    if (const Status saved = save(path); !saved)
        QMessageBox::warning(&m_window, tr("Save the session"),
                             QString::fromStdString(saved.error().message));
}

} // namespace lab
