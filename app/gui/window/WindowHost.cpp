#include "gui/window/WindowHost.h"

#include "gui/lessons/LessonsPanel.h"
#include "gui/window/MainWindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>

namespace lab {
namespace {

constexpr std::uint64_t kSeed = 1; // the console's default: the same IDs and names as there

} // namespace

WindowHost::WindowHost(World world, EngineChoice engine)
    : m_world(std::move(world)), m_engine(std::move(engine)) {}

WindowHost::~WindowHost() = default;

Status WindowHost::open(BackendKind backend) {
    SessionSpec spec;
    spec.backend = backend;
    spec.seed = kSeed;
    spec.stateDir = m_engine.stateDir.toStdString();
    auto session = openSession(spec, m_world);
    if (!session)
        return session.error();
    auto window = std::make_unique<MainWindow>(**session);
    // Later, from the event loop: the switch deletes the window whose menu asked for it.
    QObject::connect(window.get(), &MainWindow::backendRequested, window.get(),
                     [this](BackendKind chosen) {
                         QTimer::singleShot(0, qApp, [this, chosen] { switchTo(chosen); });
                     });
    if (m_window) {
        window->restoreGeometry(m_window->saveGeometry());
        if (m_window->isVisible())
            window->show();
    }
    // The old window goes before the session it observes.
    m_window = std::move(window);
    m_session = std::move(*session);
    return Ok{};
}

void WindowHost::switchTo(BackendKind backend) {
    const BackendKind current = m_session->backend();
    if (backend == current)
        return;
    if (const Status opened = open(backend); !opened) {
        // Window-modal, not a nested event loop: the window stays live behind it.
        auto* box = new QMessageBox(QMessageBox::Warning, QObject::tr("Switch backend"),
                                    QString::fromStdString(opened.error().message), QMessageBox::Ok,
                                    m_window.get());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        m_window->lessons().backendRefused(QString::fromStdString(opened.error().message));
        for (QAction* action : m_window->backendActions().actions())
            action->setChecked(BackendKind(action->data().toInt()) == current);
    }
}

} // namespace lab
