#include "gui/panels/EventLogPanel.h"

#include "cli/DockerCli.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>

namespace lab {
namespace {

constexpr qsizetype kShortIdLength = 12; // as docker ps shows IDs

// The full line rides on its block, for the tooltip.
class FullLine final : public QTextBlockUserData {
public:
    explicit FullLine(QString line) : text(std::move(line)) {}
    QString text;
};

bool isContainerId(const std::string& id) {
    return id.size() == 64 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace

QString shortEventLine(const DockerEvent& event) {
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(event.at.time_since_epoch());
    QStringList parts{QDateTime::fromMSecsSinceEpoch(ms.count(), Qt::UTC).toString(u"HH:mm:ss.zzz"),
                      QString::fromStdString(event.type == "container"
                                                 ? event.action
                                                 : event.type + ' ' + event.action)};
    const auto name = event.attributes.find("name");
    if (name != event.attributes.end())
        parts << QString::fromStdString(name->second);
    parts << QString::fromStdString(
        isContainerId(event.actorId) ? event.actorId.substr(0, kShortIdLength) : event.actorId);
    for (const auto& [key, value] : event.attributes)
        if (key != "name" && key != "image")
            parts << QString::fromStdString(key + '=' + value);
    return parts.join(QStringLiteral("  "));
}

EventLogPanel::EventLogPanel(StepTimeline& timeline, QWidget* parent)
    : QPlainTextEdit(parent), m_timeline(timeline) {
    setReadOnly(true);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setMaximumBlockCount(10000);
    setAccessibleName(tr("Docker events"));
    setToolTip(tr("Hover an event for its full line, as docker events prints it"));
    readAll();
    connect(&timeline, &StepTimeline::stepShown, this, &EventLogPanel::refresh);
    connect(&timeline, &StepTimeline::timeShown, this, &EventLogPanel::refresh);
    connect(&timeline, &StepTimeline::rewound, this, &EventLogPanel::readAll);
}

QString EventLogPanel::fullLineAt(QPoint viewportPoint) const {
    const QTextBlock block = cursorForPosition(viewportPoint).block();
    const auto* full = dynamic_cast<const FullLine*>(block.userData());
    return full ? full->text : QString();
}

bool EventLogPanel::viewportEvent(QEvent* event) {
    if (event->type() != QEvent::ToolTip)
        return QPlainTextEdit::viewportEvent(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const QString full = fullLineAt(help->pos());
    if (full.isEmpty())
        return QPlainTextEdit::viewportEvent(event);
    QToolTip::showText(help->globalPos(), full, viewport());
    return true;
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
        appendEvent(shown.events[number - shown.first]);
    m_next = end;
    horizontalScrollBar()->setValue(0); // a new line starts with its time
}

void EventLogPanel::appendEvent(const DockerEvent& event) {
    appendPlainText(shortEventLine(event));
    document()->lastBlock().setUserData(new FullLine(QString::fromStdString(eventsLine(event))));
}

} // namespace lab
