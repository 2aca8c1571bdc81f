#pragma once
// A button per lifecycle command for the selected container. Whether a button is enabled is the
// machine's own answer (LifecycleMachine::preview): a command Docker would refuse is disabled and
// its tooltip is Docker's refusal, word for word.

#include "gui/window/EngineSignals.h"

#include <QStringList>
#include <QWidget>
#include <map>

class QPushButton;

namespace lab {

/// Command buttons over the selected container.
class CommandBar final : public QWidget {
    Q_OBJECT
public:
    explicit CommandBar(EngineSignals& engineSignals, QWidget* parent = nullptr);

    /// Acts on this container (full ID; empty: none, every button disabled).
    void setSelectedContainer(const QString& containerId);
    /// Asks the machine again (after the container moved, or time passed).
    void refresh();
    /// The button of a command, for tests and accessibility checks.
    QPushButton* button(Command command) const { return m_buttons.at(command); }

signals:
    /// A button was pressed: the docker command line to run, without "docker".
    void commandRequested(const QStringList& arguments);

private:
    void press(Command command);

    EngineSignals& m_signals;
    std::map<Command, QPushButton*> m_buttons;
    QString m_selected;
};

/// The commands the bar offers, in the order of their buttons.
const std::vector<Command>& commandBarCommands();

} // namespace lab
