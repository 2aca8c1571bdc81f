#pragma once
// The Faults menu: what a teacher injects so that dead, removing and restarting show on demand.
// A fault that cannot apply now is disabled, and its tooltip says why. Faults go through the
// recorded session, so that step back replays them with the docker commands.

#include "gui/window/EngineSignals.h"

#include <QMenu>

namespace lab {

class RecordedSession;

/// Fault injection over one engine and the selected container.
class FaultMenu final : public QMenu {
    Q_OBJECT
public:
    FaultMenu(EngineSignals& engineSignals, RecordedSession& session, QWidget* parent = nullptr);

    /// OOM kills this container (full ID; empty: none).
    void setSelectedContainer(const QString& containerId);
    QAction* failNextRemovalAction() const { return m_failRemoval; }
    QAction* outOfMemoryAction() const { return m_outOfMemory; }
    QAction* restartDaemonAction() const { return m_restartDaemon; }

signals:
    /// The backend could not inject a fault: why.
    void refused(const QString& message);

private:
    void refresh();
    void inject(Fault fault);
    void restartDaemon();

    EngineSignals& m_signals;
    RecordedSession& m_session;
    QString m_selected;
    QAction* m_failRemoval;
    QAction* m_outOfMemory;
    QAction* m_restartDaemon;
};

} // namespace lab
