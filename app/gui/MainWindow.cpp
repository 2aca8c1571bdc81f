#include "gui/MainWindow.h"

#include "console/SimulatedSession.h"
#include "gui/CommandBar.h"
#include "gui/ConsolePanel.h"
#include "gui/ContainerTable.h"
#include "gui/EventLogPanel.h"
#include "gui/LifecycleDiagram.h"
#include "gui/PlaybackBar.h"
#include "gui/RunFlowChart.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lab {

MainWindow::MainWindow(SimulatedSession& session, QWidget* parent)
    : QMainWindow(parent), m_signals(new EngineSignals(session.engine(), this)),
      m_model(new ContainerTableModel(*m_signals, this)), m_playback(new Playback(session, this)) {
    setWindowTitle(tr("Container Lifecycle Lab"));
    m_console = new ConsolePanel(session, this);
    m_events = new EventLogPanel(*m_signals, this);
    m_playbackBar = new PlaybackBar(*m_playback, session.engine(), this);
    createCentre();
    createActions();
    createMenus();
    createDocks();
    addToolBar(m_playbackBar);
    connect(m_playback, &Playback::advanced, m_model, &ContainerTableModel::refreshTimes);
    connect(m_console, &ConsolePanel::lineRan, m_model, &ContainerTableModel::refreshTimes);
    connect(m_console, &ConsolePanel::lineRan, m_playbackBar, &PlaybackBar::showTime);
    m_console->input()->setFocus();
}

MainWindow::~MainWindow() = default;

Engine& MainWindow::engine() const {
    return m_signals->engine();
}

void MainWindow::createCentre() {
    m_diagram = new LifecycleDiagram(*m_signals, this);
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
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_drawings);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    lower->setMinimumHeight(170); // the buttons and four rows of containers
    setCentralWidget(splitter);
    connect(m_table, &ContainerTable::containerSelected, this, &MainWindow::selectContainer);
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
    m_about = new QAction(tr("&About"), this);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_export);
    file->addAction(m_exportFlowChart);
    file->addSeparator();
    file->addAction(m_quit);
    QMenu* engine = menuBar()->addMenu(tr("&Engine"));
    engine->addAction(m_playbackBar->pauseAction());
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_playbackBar->toggleViewAction());
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);
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
}

void MainWindow::runArguments(const QStringList& arguments) {
    // Container names need no shell quoting: Docker allows only [a-zA-Z0-9][a-zA-Z0-9_.-].
    m_console->runLine(QStringLiteral("docker ") + arguments.join(u' '));
}

void MainWindow::selectContainer(const QString& containerId) {
    m_diagram->setSelectedContainer(containerId);
    m_commands->setSelectedContainer(containerId);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Container Lifecycle Lab"),
                       tr("How a Docker container lives, on a simulated Docker Engine 20.10.\n"
                          "The diagram is drawn from the lifecycle machine's transition table."));
}

void MainWindow::showFlowChart(bool show) {
    m_drawings->setCurrentWidget(show ? static_cast<QWidget*>(m_flowChart) : m_diagram);
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
