#pragma once
// The event log dock: every event the daemon logs, as `docker events` prints it.

#include "gui/window/EngineSignals.h"

#include <QPlainTextEdit>

namespace lab {

/// The daemon's event log, one `docker events` line per event, newest at the bottom.
class EventLogPanel final : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit EventLogPanel(EngineSignals& engineSignals, QWidget* parent = nullptr);

private:
    void onPublished(const DockerEvent& event);
};

} // namespace lab
