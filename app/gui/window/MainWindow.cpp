#include "gui/window/MainWindow.h"

#include "gui/architecture/ArchitectureView.h"
#include "gui/diagram/LegalEdges.h"
#include "gui/diagram/LifecycleDiagram.h"
#include "gui/export/AnimationDialog.h"
#include "gui/i18n/CoreWords.h"
#include "gui/i18n/LanguageMenu.h"
#include "gui/lessons/LessonsPanel.h"
#include "gui/pages/PageDock.h"
#include "gui/panels/CommandBar.h"
#include "gui/panels/ConsolePanel.h"
#include "gui/panels/ContainerTable.h"
#include "gui/panels/EventLogPanel.h"
#include "gui/panels/ExplanationPanel.h"
#include "gui/panels/FaultMenu.h"
#include "gui/panels/ResourceChart.h"
#include "gui/panels/TimelineChart.h"
#include "gui/runflow/RunFlowChart.h"
#include "gui/socket/SocketControls.h"
#include "gui/socket/WindowSocket.h"
#include "gui/window/DisplayModes.h"
#include "gui/window/HelpMenu.h"
#include "gui/window/PlaybackBar.h"
#include "gui/window/RecordedSession.h"
#include "gui/window/SessionActions.h"
#include "gui/window/StepTimeline.h"
#include "gui/window/ZoomActions.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lab {

MainWindow::MainWindow(EngineSession& session, QWidget* parent)
    : QMainWindow(parent), m_session(new RecordedSession(session, this)),
      m_signals(new EngineSignals(session.engine(), this)),
      m_steps(new StepTimeline(*m_signals, this)), m_model(new ContainerTableModel(*m_steps, this)),
      m_playback(new Playback(*m_session, *m_steps, this)) {
    m_console = new ConsolePanel(*m_session, *m_signals, this);
    m_lessons = new LessonsPanel(*m_session, *m_playback, *m_console,
                                 [this](BackendKind backend) { emit backendRequested(backend); });
    m_events = new EventLogPanel(*m_steps, this);
    m_playbackBar = new PlaybackBar(*m_playback, this);
    m_timeline = new StateTimeline(*m_steps, this);
    m_timelineChart = new TimelineChart(*m_timeline, this);
    m_explanation = new ExplanationPanel(*m_steps, this);
    RecordedSession* recorded = m_session;
    // Empty on the simulation; a real session's, live or replayed from a file.
    m_steps->setKernelTrace(
        [recorded](const std::string& id) { return recorded->kernelTrace(id); });
    m_resources = new ResourceChart(
        [recorded](const std::string& id) { return recorded->resources(id); }, this);
    createCentre();
    createActions();
    createMenus();
    createDocks();
    addToolBar(m_playbackBar);
    showMode(session.backend());
    // Every pane shows the engine as of the step the pictures show (StepTimeline).
    m_console->keepPaceWith(*m_steps);
    m_console->refuseLinesWhile([recorded] { return recorded->whyNoCommands(); });
    connect(m_steps, &StepTimeline::timeShown, m_resources, &ResourceChart::setShownTime);
    connect(m_playback, &Playback::advanced, m_events, &EventLogPanel::refresh);
    connect(m_playback, &Playback::advanced, m_model, &ContainerTableModel::refreshTimes);
    connect(m_console, &ConsolePanel::lineRan, m_model, &ContainerTableModel::refreshTimes);
    connect(m_console, &ConsolePanel::lineRan, m_playback, &Playback::catchUp);
    connect(m_playback, &Playback::advanced, m_timelineChart, &TimelineChart::refresh);
    connect(m_console, &ConsolePanel::lineRan, m_timelineChart, &TimelineChart::refresh);
    // Step back and reset replay into a fresh engine; every panel follows EngineSignals there.
    connect(m_session, &RecordedSession::engineReplaced, m_signals, &EngineSignals::rebind);
    connect(m_session, &RecordedSession::commandStarting, m_steps, &StepTimeline::commandStarting);
    connect(m_session, &RecordedSession::commandFinished, m_steps, &StepTimeline::commandFinished);
    m_console->input()->setFocus();
}

MainWindow::~MainWindow() = default;

Engine& MainWindow::engine() const {
    return m_signals->engine();
}

void MainWindow::createCentre() {
    m_diagram = new LifecycleDiagram(*m_steps, this);
    connect(m_playback, &Playback::speedChanged, m_diagram, &LifecycleDiagram::setSpeed);
    m_commands = new CommandBar(*m_signals, this);
    m_table = new ContainerTable(*m_model, this);
    auto* lower = new QWidget(this);
    auto* layout = new QVBoxLayout(lower);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_commands);
    layout->addWidget(m_table);
    m_flowChart = new RunFlowChart(*m_signals, *m_playback, this);
    m_drawings = new QTabWidget(this);
    m_drawings->setAccessibleName(tr("Drawings"));
    m_drawings->addTab(m_diagram, tr("&Lifecycle"));
    m_drawings->addTab(m_flowChart, tr("&Run flow"));
    m_apiSocket = new WindowSocket(*m_session, *m_playback, this);
    m_architecture =
        new ArchitectureView(*new ApiTraffic(*m_signals, *m_session, *m_apiSocket, this),
                             *m_playback, *m_apiSocket, m_session->backend(), this);
    m_drawings->addTab(m_architecture, tr("Archi&tecture"));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_drawings);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    lower->setMinimumHeight(170); // the buttons and four rows of containers
    setCentralWidget(splitter);
    connect(m_table, &ContainerTable::containerSelected, this, &MainWindow::selectContainer);
    connect(m_table, &ContainerTable::containerSelected,
            new LegalEdgeMarker(*m_signals, *m_diagram, this),
            &LegalEdgeMarker::setSelectedContainer);
    connect(m_commands, &CommandBar::commandRequested, this, &MainWindow::runArguments);
}

void MainWindow::createActions() {
    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    m_export = new QAction(tr("&Export diagram…"), this);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_export, &QAction::triggered, this, [this] {
        exportDrawing(tr("Export the diagram"), QStringLiteral("lifecycle.svg"),
                      [this](const QString& path) { return m_diagram->exportTo(path); });
    });
    m_exportFlowChart = new QAction(tr("Export &flowchart…"), this);
    connect(m_exportFlowChart, &QAction::triggered, this, [this] {
        exportDrawing(tr("Export the flowchart"), QStringLiteral("run-flow.svg"),
                      [this](const QString& path) { return m_flowChart->exportTo(path); });
    });
    m_backends = new QActionGroup(this);
    for (const auto& [backend, text] : {std::pair{BackendKind::Simulated, tr("&Simulation")},
                                        std::pair{BackendKind::Real, tr("&Real (root)")}}) {
        QAction* action = m_backends->addAction(text);
        action->setCheckable(true);
        action->setData(QVariant::fromValue(int(backend)));
    }
    connect(m_backends, &QActionGroup::triggered, this, [this](QAction* action) {
        if (m_console->isWaiting()) { // the waiting command runs on the engine a switch ends
            statusBar()->showMessage(tr("A command still waits in the console: Ctrl-C ends it"));
            for (QAction* each : m_backends->actions())
                each->setChecked(BackendKind(each->data().toInt()) == m_session->backend());
            return;
        }
        emit backendRequested(BackendKind(action->data().toInt()));
    });
    m_faults = new FaultMenu(*m_signals, *m_session, this);
    connect(m_faults, &FaultMenu::refused, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    m_displayModes = new DisplayModes(*this, *m_diagram, *m_flowChart, *m_timelineChart);
    connect(m_displayModes, &DisplayModes::restyled, m_architecture, &ArchitectureView::restyle);
    m_zoom = new ZoomActions(*m_drawings, *this);
    m_help = new HelpMenu(*this, QString::fromStdString(modeName(m_session->backend())));
    m_sessionActions = new SessionActions(*m_session, *m_playback, *this);
    m_socketControls = new SocketControls(*m_apiSocket, *this);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_sessionActions->openAction());
    file->addAction(m_sessionActions->saveAction());
    file->addSeparator();
    file->addAction(m_export);
    file->addAction(m_exportFlowChart);
    file->addAction(
        (new AnimationExportAction(*m_session, *m_playback, *m_displayModes, *this))->action());
    file->addSeparator();
    file->addAction(m_quit);
    QMenu* engine = menuBar()->addMenu(tr("&Engine"));
    engine->addAction(m_playbackBar->pauseAction());
    engine->addAction(m_playbackBar->stepAction());
    engine->addAction(m_playbackBar->stepBackAction());
    engine->addAction(m_playbackBar->catchUpAction());
    engine->addAction(m_playbackBar->resetAction());
    engine->addAction(m_playbackBar->continueLiveAction());
    QMenu* backends = engine->addMenu(tr("&Backend"));
    backends->addActions(m_backends->actions());
    engine->addAction(m_socketControls->serveAction());
    menuBar()->addMenu(m_faults);
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_displayModes->presenterAction());
    m_viewMenu->addAction(m_displayModes->panelsAction());
    m_viewMenu->addAction(m_displayModes->darkThemeAction());
    m_viewMenu->addMenu(new LanguageMenu(this));
    m_viewMenu->addSeparator();
    m_viewMenu->addActions({m_zoom->zoomInAction(), m_zoom->zoomOutAction(), m_zoom->fitAction()});
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_playbackBar->toggleViewAction());
    menuBar()->addMenu(m_help->menu());
    m_help->menu()->insertAction(m_help->menu()->actions().value(0), m_lessons->startHereAction());
}

void MainWindow::createDocks() {
    auto addDock = [this](QWidget* panel, const QString& title, const QString& name) {
        auto* dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(panel);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        m_viewMenu->addAction(dock->toggleViewAction());
        return dock;
    };
    QDockWidget* console = addDock(m_console, tr("Console"), QStringLiteral("console"));
    QDockWidget* events = addDock(m_events, tr("Events"), QStringLiteral("events"));
    splitDockWidget(console, events, Qt::Horizontal);
    resizeDocks({console, events}, {3, 2}, Qt::Horizontal);
    resizeDocks({console}, {230}, Qt::Vertical);
    QDockWidget* explanation =
        addDock(m_explanation, tr("Explanation"), QStringLiteral("explanation"));
    addDockWidget(Qt::RightDockWidgetArea, explanation);
    QDockWidget* timeline = addDock(m_timelineChart, tr("Timeline"), QStringLiteral("timeline"));
    addDockWidget(Qt::RightDockWidgetArea, timeline);
    QDockWidget* resources = addDock(m_resources, tr("Resources"), QStringLiteral("resources"));
    addDockWidget(Qt::RightDockWidgetArea, resources);
    tabifyDockWidget(timeline, resources);
    auto* reference = new PageDock(*m_diagram, *m_steps, this);
    addDockWidget(Qt::RightDockWidgetArea, reference);
    tabifyDockWidget(explanation, reference);
    m_viewMenu->addAction(reference->toggleViewAction());
    m_help->setGlossary([reference] { reference->showPage(PageKind::Glossary, QString()); });
    explanation->raise();
    timeline->raise();
    resizeDocks({explanation}, {420}, Qt::Horizontal);
    // Beside the explanation, not a column of its own: the window must fit a 1024x768 screen.
    QDockWidget* lessons = addDock(m_lessons, tr("Lessons"), QStringLiteral("lessons"));
    addDockWidget(Qt::RightDockWidgetArea, lessons);
    tabifyDockWidget(reference, lessons);
    m_displayModes->hideWhilePresenting(m_table->parentWidget()); // the buttons and the table
}

void MainWindow::runArguments(const QStringList& arguments) {
    // Container names need no shell quoting: Docker allows only [a-zA-Z0-9][a-zA-Z0-9_.-].
    m_console->runLine(QStringLiteral("docker ") + arguments.join(u' '));
}

void MainWindow::selectContainer(const QString& containerId) {
    m_diagram->setSelectedContainer(containerId);
    m_commands->setSelectedContainer(containerId);
    m_explanation->setSelectedContainer(containerId);
    m_faults->setSelectedContainer(containerId);
    m_resources->setSelectedContainer(containerId);
}

void MainWindow::showMode(BackendKind backend) {
    const QString mode = coreWord(modeName(backend));
    setWindowTitle(tr("Container Lifecycle Lab — %1").arg(mode));
    m_mode = new QLabel(tr("Backend: %1").arg(mode), this);
    m_mode->setAccessibleName(tr("Backend in use"));
    m_mode->setToolTip(backend == BackendKind::Real
                           ? tr("Containers are real processes in namespaces and cgroups")
                           : tr("Containers are simulated on a virtual clock"));
    statusBar()->addPermanentWidget(m_mode);
    for (QAction* action : m_backends->actions())
        action->setChecked(BackendKind(action->data().toInt()) == backend);
}

void MainWindow::showFlowChart(bool show) {
    m_drawings->setCurrentWidget(show ? static_cast<QWidget*>(m_flowChart) : m_diagram);
}

void MainWindow::showArchitecture() {
    m_drawings->setCurrentWidget(m_architecture);
}

void MainWindow::exportDrawing(const QString& title, const QString& suggested,
                               const std::function<Status(const QString&)>& write) {
    const QString path =
        QFileDialog::getSaveFileName(this, title, suggested, tr("SVG (*.svg);;PNG (*.png)"));
    if (path.isEmpty())
        return;
    if (const Status written = write(path); !written)
        QMessageBox::warning(this, title, QString::fromStdString(written.error().message));
}

} // namespace lab
