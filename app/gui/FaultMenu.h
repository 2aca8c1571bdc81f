#pragma once
// The Faults menu: what a teacher injects so that dead, removing and restarting show on demand.
// A fault that cannot apply now is disabled, and its tooltip says why.

#include "gui/EngineSignals.h"

#include <QMenu>

namespace lab {

/// Fault injection over one engine and the selected container.
class FaultMenu final : public QMenu {
    Q_OBJECT
public:
    explicit FaultMenu(EngineSignals& engineSignals, QWidget* parent = nullptr);

    /// OOM kills this container (full ID; empty: none).
    void setSelectedContainer(const QString& containerId);
    QAction* failNextRemovalAction() const { return m_failRemoval; }
    QAction* outOfMemoryAction() const { return m_outOfMemory; }
    QAction* restartDaemonAction() const { return m_restartDaemon; }

signals:
    /// The backend could not inject a fault: why.
    void refused(const QString& message);

private:
    void onReacted(const QString& containerId, const Reaction& reaction);
    void refresh();
    void inject(Fault fault);
    void restartDaemon();

    Engine& m_engine;
    QString m_selected;
    bool m_removalFailureArmed = false;
    bool m_daemonRestarting = false;
    QAction* m_failRemoval;
    QAction* m_outOfMemory;
    QAction* m_restartDaemon;
};

} // namespace lab
