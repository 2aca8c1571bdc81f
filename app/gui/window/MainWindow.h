#pragma once
// The desktop window: the lifecycle diagram in the centre with the container table and the
// command buttons under it; the console and the event log in docks; playback in a tool bar.

#include "base/Expected.h"
#include "session/EngineSession.h"

#include <QMainWindow>
#include <functional>

class QTabWidget;

class QActionGroup;
class QLabel;

namespace lab {

class ArchitectureView;
class CommandBar;
class Engine;
class ConsolePanel;
class ContainerTable;
class ContainerTableModel;
class DisplayModes;
class EngineSignals;
class EventLogPanel;
class ExplanationPanel;
class FaultMenu;
class LessonsPanel;
class HelpMenu;
class LifecycleDiagram;
class StateTimeline;
class TimelineChart;
class Playback;
class PlaybackBar;
class RecordedSession;
class ResourceChart;
class RunFlowChart;
class SessionActions;
class SocketControls;
class WindowSocket;
class StepTimeline;
class ZoomActions;

/// The main window over one session (simulated or real), which must outlive it.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(EngineSession& session, QWidget* parent = nullptr);
    ~MainWindow() override;

    LifecycleDiagram& diagram() const { return *m_diagram; }
    RunFlowChart& flowChart() const { return *m_flowChart; }
    /// Docker's parts and the requests between them (the Architecture tab).
    ArchitectureView& architecture() const { return *m_architecture; }
    /// Brings the flowchart (true) or the lifecycle diagram (false) to the front.
    void showFlowChart(bool show);
    /// Brings the architecture view to the front.
    void showArchitecture();
    ContainerTable& containerTable() const { return *m_table; }
    CommandBar& commandBar() const { return *m_commands; }
    ConsolePanel& console() const { return *m_console; }
    Playback& playback() const { return *m_playback; }
    /// The session the panels drive: docker commands and other actions are recorded there.
    RecordedSession& session() const { return *m_session; }
    PlaybackBar& playbackBar() const { return *m_playbackBar; }
    StateTimeline& timeline() const { return *m_timeline; }
    TimelineChart& timelineChart() const { return *m_timelineChart; }
    ExplanationPanel& explanation() const { return *m_explanation; }
    FaultMenu& faultMenu() const { return *m_faults; }
    DisplayModes& displayModes() const { return *m_displayModes; }
    LessonsPanel& lessons() const { return *m_lessons; }
    ZoomActions& zoomActions() const { return *m_zoom; }
    HelpMenu& help() const { return *m_help; }
    /// File > Open session and Save session.
    SessionActions& sessionActions() const { return *m_sessionActions; }
    Engine& engine() const;
    /// The engine in use, as the status bar and the title name it ("simulation", "real (root)").
    QLabel& modeLabel() const { return *m_mode; }
    /// The Engine API socket the window serves (Engine > Serve Docker API socket).
    WindowSocket& apiSocket() const { return *m_apiSocket; }
    SocketControls& socketControls() const { return *m_socketControls; }
    /// Engine > Backend: one checkable action per backend, the one in use checked.
    QActionGroup& backendActions() const { return *m_backends; }

signals:
    /// The learner chose another backend; whoever owns the session opens it and a new window.
    void backendRequested(lab::BackendKind backend);

private:
    void createCentre();
    void createActions();
    void createMenus();
    void createDocks();
    void runArguments(const QStringList& arguments);
    void selectContainer(const QString& containerId);
    void exportDrawing(const QString& title, const QString& suggested,
                       const std::function<Status(const QString&)>& write);
    void showMode(BackendKind backend);

    RecordedSession* m_session;
    EngineSignals* m_signals;
    StepTimeline* m_steps;
    ContainerTableModel* m_model;
    Playback* m_playback;
    LifecycleDiagram* m_diagram = nullptr;
    RunFlowChart* m_flowChart = nullptr;
    ArchitectureView* m_architecture = nullptr;
    QTabWidget* m_drawings = nullptr;
    CommandBar* m_commands = nullptr;
    ContainerTable* m_table = nullptr;
    ConsolePanel* m_console = nullptr;
    EventLogPanel* m_events = nullptr;
    PlaybackBar* m_playbackBar = nullptr;
    StateTimeline* m_timeline = nullptr;
    TimelineChart* m_timelineChart = nullptr;
    ExplanationPanel* m_explanation = nullptr;
    ResourceChart* m_resources = nullptr;
    FaultMenu* m_faults = nullptr;
    DisplayModes* m_displayModes = nullptr;
    LessonsPanel* m_lessons = nullptr;
    ZoomActions* m_zoom = nullptr;
    HelpMenu* m_help = nullptr;
    SessionActions* m_sessionActions = nullptr;
    WindowSocket* m_apiSocket = nullptr;
    SocketControls* m_socketControls = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_export = nullptr;
    QAction* m_exportFlowChart = nullptr;
    QMenu* m_viewMenu = nullptr;
    QActionGroup* m_backends = nullptr;
    QLabel* m_mode = nullptr;
};

} // namespace lab
