#include "gui/panels/FaultMenu.h"

#include "gui/window/RecordedSession.h"

namespace lab {
namespace {

// The engine's words as a tooltip: "armed: ..." -> "Armed: ...".
QString sentence(const std::string& message) {
    QString text = QString::fromStdString(message);
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

void setEnabledBecause(QAction* action, bool enabled, const QString& why) {
    action->setEnabled(enabled);
    action->setToolTip(why);
    action->setStatusTip(why);
}

} // namespace

FaultMenu::FaultMenu(EngineSignals& engineSignals, RecordedSession& session, QWidget* parent)
    : QMenu(tr("F&aults"), parent), m_signals(engineSignals), m_session(session),
      m_failRemoval(addAction(tr("Make the next &removal fail"))),
      m_outOfMemory(addAction(tr("&OOM kill the selected container"))),
      m_restartDaemon(addAction(tr("Restart the &daemon"))) {
    setToolTipsVisible(true);
    connect(m_failRemoval, &QAction::triggered, this, [this] { inject(Fault::NextRemovalFails); });
    connect(m_outOfMemory, &QAction::triggered, this, [this] { inject(Fault::OutOfMemory); });
    connect(m_restartDaemon, &QAction::triggered, this, &FaultMenu::restartDaemon);
    connect(&engineSignals, &EngineSignals::containerReacted, this, &FaultMenu::refresh);
    connect(&engineSignals, &EngineSignals::engineReplaced, this, &FaultMenu::refresh);
    refresh();
}

void FaultMenu::setSelectedContainer(const QString& containerId) {
    m_selected = containerId;
    refresh();
}

// What the engine and its backend say, rendered: which fault is armed, whether it applies to
// the selected container, whether the daemon is restarting.
void FaultMenu::refresh() {
    const Engine& engine = m_signals.engine();
    const Status removal = engine.canInject(Fault::NextRemovalFails, nullptr);
    setEnabledBecause(m_failRemoval, removal.has_value(),
                      removal ? tr("The next rm fails to delete the filesystem: the container ends "
                                   "dead")
                              : sentence(removal.error().message));
    const Container* selected =
        m_selected.isEmpty() ? nullptr : m_signals.engine().byId(m_selected.toStdString());
    const Status oom = engine.canInject(Fault::OutOfMemory, selected);
    if (!selected)
        setEnabledBecause(m_outOfMemory, false, tr("Select a running container first"));
    else if (!oom)
        setEnabledBecause(m_outOfMemory, false, sentence(oom.error().message));
    else
        setEnabledBecause(m_outOfMemory, true,
                          tr("The kernel's OOM killer kills %1's process: exit 137, then its "
                             "restart policy decides")
                              .arg(QString::fromStdString(selected->name)));
    setEnabledBecause(m_restartDaemon, !engine.daemonRestarting(),
                      engine.daemonRestarting()
                          ? tr("The daemon is restarting: it waits for its containers to stop")
                          : tr("dockerd stops every container and starts again: a container "
                               "being removed ends dead, restart policies bring others back"));
}

// The actions name the container by ID, never by pointer: a replay finds it in the new engine.
void FaultMenu::inject(Fault fault) {
    const Status injected =
        m_session.act({fault == Fault::OutOfMemory ? EngineAction::Kind::OutOfMemory
                                                   : EngineAction::Kind::NextRemovalFails,
                       fault == Fault::OutOfMemory ? m_selected.toStdString() : std::string()});
    if (!injected)
        emit refused(QString::fromStdString(injected.error().message));
    refresh();
}

void FaultMenu::restartDaemon() {
    if (const Status restarted = m_session.act({EngineAction::Kind::RestartDaemon, {}}); !restarted)
        emit refused(QString::fromStdString(restarted.error().message));
    refresh();
}

} // namespace lab
