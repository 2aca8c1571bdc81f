#pragma once
// The event log dock: every event the daemon logged up to the step the window shows, one short
// line each (time of day to the millisecond, the action, the container's name and short ID, the
// other attributes); hovering a line shows it in full, as `docker events` prints it
// (nanoseconds, the 64-character ID); a rewind takes the later ones back.

#include "gui/window/StepTimeline.h"

#include <QPlainTextEdit>

namespace lab {

/// An event as the log shows it: "12:00:03.250  start  web  3f2a1b4c5d6e".
QString shortEventLine(const DockerEvent& event);

/// The daemon's event log, newest at the bottom.
class EventLogPanel final : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit EventLogPanel(StepTimeline& timeline, QWidget* parent = nullptr);

    /// Adds the events published up to the step shown that are not listed yet.
    void refresh();

    /// The full `docker events` line of the event shown at this point of the viewport, if any.
    QString fullLineAt(QPoint viewportPoint) const;

protected:
    bool viewportEvent(QEvent* event) override;

private:
    void readAll();
    void appendEvent(const DockerEvent& event);

    StepTimeline& m_timeline;
    std::size_t m_next = 0; // the number of the first event not listed
};

} // namespace lab
