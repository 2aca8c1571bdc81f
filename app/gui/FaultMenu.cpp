#include "gui/FaultMenu.h"

#include "gui/RecordedSession.h"
#include "gui/Words.h"

#include <algorithm>

namespace lab {
namespace {

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
    connect(&engineSignals, &EngineSignals::containerReacted, this, &FaultMenu::onReacted);
    connect(&engineSignals, &EngineSignals::engineReplaced, this, &FaultMenu::onEngineReplaced);
    refresh();
}

void FaultMenu::setSelectedContainer(const QString& containerId) {
    m_selected = containerId;
    refresh();
}

void FaultMenu::onReacted(const QString&, const Reaction& reaction) {
    // The armed failure is spent by the next removal, whether it failed or not.
    if (reaction.to == LifecycleState::Dead || reaction.to == LifecycleState::Removed)
        m_removalFailureArmed = false;
    if (reaction.row >= 0 &&
        LifecycleMachine::table()[std::size_t(reaction.row)].event == "daemon restored")
        m_daemonRestarting = false;
    refresh();
}

void FaultMenu::refresh() {
    setEnabledBecause(m_failRemoval, !m_removalFailureArmed,
                      m_removalFailureArmed
                          ? tr("Armed: the next removal fails and leaves its container dead")
                          : tr("The next rm fails to delete the filesystem: the container ends "
                               "dead"));
    const Container* selected =
        m_selected.isEmpty() ? nullptr : m_signals.engine().byId(m_selected.toStdString());
    if (!selected)
        setEnabledBecause(m_outOfMemory, false, tr("Select a running container first"));
    else if (selected->machine.node() != LifecycleState::Running)
        setEnabledBecause(
            m_outOfMemory, false,
            tr("Only a running process can run out of memory: %1 is %2")
                .arg(QString::fromStdString(selected->name), nodeLabel(selected->machine.node())));
    else
        setEnabledBecause(m_outOfMemory, true,
                          tr("The kernel's OOM killer kills %1's process: exit 137, then its "
                             "restart policy decides")
                              .arg(QString::fromStdString(selected->name)));
    setEnabledBecause(m_restartDaemon, !m_daemonRestarting,
                      m_daemonRestarting
                          ? tr("The daemon is restarting: it waits for its containers to stop")
                          : tr("dockerd stops every container and starts again: a container "
                               "being removed ends dead, restart policies bring others back"));
}

// The actions keep the container's ID, not a pointer: a replay finds it in the new engine. They
// set the menu's state too, so that a replay leaves the menu as the learner left it (the menu
// lives as long as the window, and the session with it).
void FaultMenu::inject(Fault fault) {
    const std::string target = m_selected.toStdString();
    const Status injected = m_session.act([this, fault, target](Engine& engine) {
        Status done = engine.injectFault(fault, target.empty() ? nullptr : engine.byId(target));
        if (done && fault == Fault::NextRemovalFails)
            m_removalFailureArmed = true;
        return done;
    });
    if (!injected)
        emit refused(QString::fromStdString(injected.error().message));
    refresh();
}

void FaultMenu::restartDaemon() {
    (void)m_session.act([this](Engine& engine) {
        engine.restartDaemon();
        // It comes back at once unless it has to wait for running containers to stop; then each
        // container is restored, and the first restored one says the daemon is back.
        const auto containers = engine.containers();
        m_daemonRestarting = std::any_of(containers.begin(), containers.end(),
                                         [](const Container* c) { return c->machine.isRunning(); });
        return Status{Ok{}};
    });
    refresh();
}

void FaultMenu::onEngineReplaced() {
    m_removalFailureArmed = false;
    m_daemonRestarting = false;
    refresh();
}

} // namespace lab
