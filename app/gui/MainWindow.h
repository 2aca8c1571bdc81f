#pragma once
// The desktop window: the lifecycle diagram in the centre with the container table and the
// command buttons under it; the console and the event log in docks; playback in a tool bar.

#include "base/Expected.h"

#include <QMainWindow>
#include <functional>

class QTabWidget;

namespace lab {

class CommandBar;
class Engine;
class ConsolePanel;
class ContainerTable;
class ContainerTableModel;
class EngineSignals;
class EventLogPanel;
class LifecycleDiagram;
class Playback;
class PlaybackBar;
class RunFlowChart;
class SimulatedSession;

/// The main window over one simulated session, which must outlive it.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(SimulatedSession& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    LifecycleDiagram& diagram() const { return *m_diagram; }
    RunFlowChart& flowChart() const { return *m_flowChart; }
    /// Brings the flowchart (true) or the lifecycle diagram (false) to the front.
    void showFlowChart(bool show);
    ContainerTable& containerTable() const { return *m_table; }
    CommandBar& commandBar() const { return *m_commands; }
    ConsolePanel& console() const { return *m_console; }
    Playback& playback() const { return *m_playback; }
    Engine& engine() const;

private:
    void createCentre();
    void createActions();
    void createMenus();
    void createDocks();
    void runArguments(const QStringList& arguments);
    void selectContainer(const QString& containerId);
    void showAbout();
    void exportDrawing(const QString& title, const QString& suggested,
                       const std::function<Status(const QString&)>& write);

    EngineSignals* m_signals;
    ContainerTableModel* m_model;
    Playback* m_playback;
    LifecycleDiagram* m_diagram = nullptr;
    RunFlowChart* m_flowChart = nullptr;
    QTabWidget* m_drawings = nullptr;
    CommandBar* m_commands = nullptr;
    ContainerTable* m_table = nullptr;
    ConsolePanel* m_console = nullptr;
    EventLogPanel* m_events = nullptr;
    PlaybackBar* m_playbackBar = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_about = nullptr;
    QAction* m_export = nullptr;
    QAction* m_exportFlowChart = nullptr;
    QMenu* m_viewMenu = nullptr;
};

} // namespace lab
