#include "gui/panels/EventLogPanel.h"

#include "cli/DockerCli.h"

#include <QFontDatabase>
#include <QScrollBar>

namespace lab {

EventLogPanel::EventLogPanel(StepTimeline& timeline, QWidget* parent)
    : QPlainTextEdit(parent), m_timeline(timeline) {
    setReadOnly(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setMaximumBlockCount(10000);
    setAccessibleName(tr("Docker events"));
    readAll();
    connect(&timeline, &StepTimeline::stepShown, this, &EventLogPanel::refresh);
    connect(&timeline, &StepTimeline::timeShown, this, &EventLogPanel::refresh);
    connect(&timeline, &StepTimeline::rewound, this, &EventLogPanel::readAll);
}

void EventLogPanel::readAll() {
    clear();
    m_next = 0;
    refresh();
}

void EventLogPanel::refresh() {
    const ShownEvents shown = m_timeline.shownEvents();
    const std::size_t end = shown.first + shown.events.size();
    if (end < m_next) { // fewer than listed: read them again
        readAll();
        return;
    }
    if (end == m_next)
        return;
    for (std::size_t number = std::max(m_next, shown.first); number < end; ++number)
        appendPlainText(QString::fromStdString(eventsLine(shown.events[number - shown.first])));
    m_next = end;
    horizontalScrollBar()->setValue(0); // a new line starts with its time
}

} // namespace lab
