#include "gui/panels/CommandBar.h"

#include "cli/DockerCli.h"
#include "gui/diagram/LegalEdges.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace lab {
namespace {

QString words(Command command) {
    const std::string_view name = commandName(command);
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

} // namespace

const std::vector<Command>& commandBarCommands() {
    static const std::vector<Command> commands = {
        Command::Start, Command::Pause,   Command::Unpause, Command::Stop,
        Command::Kill,  Command::Restart, Command::Remove,  Command::RemoveForce};
    return commands;
}

CommandBar::CommandBar(EngineSignals& engineSignals, QWidget* parent)
    : QWidget(parent), m_signals(engineSignals) {
    setAccessibleName(tr("Container commands"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (Command command : commandBarCommands()) {
        auto* button = new QPushButton(words(command), this);
        button->setAccessibleName(tr("docker %1").arg(words(command)));
        connect(button, &QPushButton::clicked, this, [this, command] { press(command); });
        layout->addWidget(button);
        m_buttons.emplace(command, button);
    }
    layout->addStretch();
    connect(&engineSignals, &EngineSignals::containerReacted, this, &CommandBar::refresh);
    connect(&engineSignals, &EngineSignals::engineReplaced, this, &CommandBar::refresh);
    refresh();
}

void CommandBar::setSelectedContainer(const QString& containerId) {
    m_selected = containerId;
    refresh();
}

void CommandBar::refresh() {
    Engine& engine = m_signals.engine();
    Container* container = m_selected.isEmpty() ? nullptr : engine.byId(m_selected.toStdString());
    const bool exists = container && dockerState(container->machine.node());
    for (auto& [command, button] : m_buttons) {
        if (!exists) {
            button->setEnabled(false);
            button->setToolTip(tr("Select a container first"));
            continue;
        }
        // A button runs `docker <command> <name>`: the CLI's event without options.
        const Reaction answer = previewCommand(engine, *container, command);
        const bool legal = answer.verdict != Verdict::Refused;
        button->setEnabled(legal);
        button->setAccessibleDescription(legal ? QString() : tr("refused by Docker"));
        if (legal)
            button->setToolTip(
                tr("docker %1 %2").arg(words(command), QString::fromStdString(container->name)));
        else
            button->setToolTip(QString::fromStdString(cli::fromDaemon(
                refusalText(*answer.refusal, container->id, container->name, answer.detail))));
    }
}

void CommandBar::press(Command command) {
    Container* container =
        m_selected.isEmpty() ? nullptr : m_signals.engine().byId(m_selected.toStdString());
    if (!container)
        return;
    QStringList arguments = words(command).split(u' ');
    arguments << QString::fromStdString(container->name);
    emit commandRequested(arguments);
}

} // namespace lab
