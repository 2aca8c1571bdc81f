#pragma once
// What the panes around the pictures say about one container, and a window at the slowest speed
// that has just been told `docker stop web` (busybox sleep ignores SIGTERM: exit 137 after the
// ten-second timeout), for the tests of the panes keeping pace with the playback.

#include "GuiFixture.h"
#include "gui/Words.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/panels/ContainerTable.h"
#include "gui/panels/EventLogPanel.h"
#include "gui/panels/ExplanationPanel.h"
#include "gui/panels/StateTimeline.h"
#include "gui/window/MainWindow.h"
#include "gui/window/Playback.h"

#include <QVariant>

namespace lab::test {

// What the learner reads about one container in every pane but the pictures.
struct Panes {
    QString status;                     // the table's STATUS
    QVariant exit;                      // the table's EXIT CODE
    QString headline;                   // the explanation's latest step
    std::optional<LifecycleState> band; // the timeline's current state of the container
    QString events;                     // the event log
    QString console;                    // the console dock's transcript

    bool operator==(const Panes&) const = default;
    bool saysExited137() const {
        return status.startsWith(QStringLiteral("Exited (137)")) || exit == QVariant(137) ||
               headline.contains(QStringLiteral("exited with code 137")) ||
               band == LifecycleState::Exited || events.contains(QStringLiteral("exitCode=137")) ||
               consoleShowsStopsAnswer();
    }
    // docker stop's answer: the name, then (after the engine-time note) its status.
    bool consoleShowsStopsAnswer() const {
        return console.contains(QStringLiteral("\nweb\n")) &&
               console.endsWith(QStringLiteral("[exit 0]"));
    }
    bool allSayExited137() const {
        return status.startsWith(QStringLiteral("Exited (137)")) && exit == QVariant(137) &&
               headline.contains(QStringLiteral("exited with code 137")) &&
               band == LifecycleState::Exited && events.contains(QStringLiteral("exitCode=137")) &&
               consoleShowsStopsAnswer();
    }
};

inline QString describe(const Panes& panes) {
    return QStringLiteral("status '%1', exit '%2', headline '%3', band %4, console ends '%5'")
        .arg(panes.status, panes.exit.toString(), panes.headline,
             panes.band ? nodeLabel(*panes.band) : QStringLiteral("none"), panes.console.right(20));
}

inline Panes panesOf(MainWindow& window, const QString& name) {
    Panes panes;
    QAbstractItemModel& table = *window.containerTable().model();
    for (int row = 0; row < table.rowCount(); ++row)
        if (table.index(row, ContainerTableModel::Name).data().toString() == name) {
            panes.status = table.index(row, ContainerTableModel::Status).data().toString();
            panes.exit = table.index(row, ContainerTableModel::ExitCode).data();
        }
    if (!window.explanation().steps().empty())
        panes.headline = window.explanation().steps().back().headline;
    for (const TimelineBand& band : window.timeline().bands())
        if (band.name == name && !band.segments.back().to)
            panes.band = band.segments.back().state;
    panes.events = window.findChild<EventLogPanel*>()->toPlainText();
    panes.console = window.console().transcript();
    return panes;
}

// A window at the slowest speed with web running and `docker stop web` typed.
struct StoppedAtSlowSpeed : test::GuiFixture {
    MainWindow window{session};

    StoppedAtSlowSpeed() {
        window.playback().setSpeed(Playback::kSlowest);
        window.console().runLine(QStringLiteral("docker run -d --name web busybox sleep 300"));
        window.console().runLine(QStringLiteral("docker stop web"));
    }
    Panes panes() { return panesOf(window, QStringLiteral("web")); }
};

} // namespace lab::test
