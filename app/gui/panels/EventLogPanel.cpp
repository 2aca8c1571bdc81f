#include "gui/panels/EventLogPanel.h"

#include "cli/DockerCli.h"

#include <QFontDatabase>

namespace lab {

EventLogPanel::EventLogPanel(EngineSignals& engineSignals, QWidget* parent)
    : QPlainTextEdit(parent) {
    setReadOnly(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setMaximumBlockCount(10000);
    setAccessibleName(tr("Docker events"));
    auto readAll = [this, &engineSignals] {
        clear();
        for (const DockerEvent& event : engineSignals.engine().events())
            onPublished(event);
    };
    readAll();
    connect(&engineSignals, &EngineSignals::eventPublished, this, &EventLogPanel::onPublished);
    connect(&engineSignals, &EngineSignals::engineReplaced, this, readAll);
}

void EventLogPanel::onPublished(const DockerEvent& event) {
    appendPlainText(QString::fromStdString(eventsLine(event)));
}

} // namespace lab
