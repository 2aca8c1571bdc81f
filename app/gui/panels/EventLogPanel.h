#pragma once
// The event log dock: every event the daemon logged up to the step the window shows, as
// `docker events` prints it; a rewind takes the later ones back.

#include "gui/window/StepTimeline.h"

#include <QPlainTextEdit>

namespace lab {

/// The daemon's event log, one `docker events` line per event, newest at the bottom.
class EventLogPanel final : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit EventLogPanel(StepTimeline& timeline, QWidget* parent = nullptr);

    /// Adds the events published up to the step shown that are not listed yet.
    void refresh();

private:
    void readAll();

    StepTimeline& m_timeline;
    std::size_t m_next = 0; // the number of the first event not listed
};

} // namespace lab
