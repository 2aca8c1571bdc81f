#include "gui/socket/SocketControls.h"

#include "daemon/DaemonSocket.h"
#include "gui/socket/WindowSocket.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

namespace lab {
namespace {

const QString kServeKey = QStringLiteral("engine/serveSocket");

} // namespace

SocketControls::SocketControls(WindowSocket& socket, QMainWindow& window)
    : QObject(&window), m_socket(socket), m_window(window),
      m_serve(new QAction(tr("Serve Docker API &socket"), this)), m_label(new QLabel(&window)) {
    m_serve->setCheckable(true);
    m_serve->setToolTip(tr("Lets a docker command in a terminal drive this window's engine"));
    m_label->setAccessibleName(tr("Docker API socket"));
    m_label->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
    window.statusBar()->addPermanentWidget(m_label);
    m_label->installEventFilter(this);
    connect(m_serve, &QAction::toggled, this, &SocketControls::serve);
    connect(&m_socket, &WindowSocket::servingChanged, this, &SocketControls::showState);
    connect(&m_socket, &WindowSocket::clientsChanged, this, &SocketControls::showState);
    connect(&m_socket, &WindowSocket::refused, this, &SocketControls::refuse);
    connect(m_label, &QLabel::linkActivated, this, [this] {
        QApplication::clipboard()->setText(exportLine());
        m_window.statusBar()->showMessage(tr("Copied: %1").arg(exportLine()), 5000);
    });
    showState();
    // From the event loop: a backend switch opens this window before the old one, which holds
    // the socket until then, goes.
    if (QSettings().value(kServeKey, false).toBool())
        QTimer::singleShot(0, this, [this] { m_serve->setChecked(true); });
}

QString SocketControls::exportLine() const {
    return m_socket.isServing() ? QStringLiteral("export DOCKER_HOST=unix://") + m_socket.path()
                                : QString();
}

void SocketControls::serve(bool on) {
    if (on == m_socket.isServing())
        return;
    if (!on) {
        QSettings().setValue(kServeKey, false);
        return m_socket.stop();
    }
    const Status started = m_socket.start(QString::fromStdString(daemon::defaultSocketPath()));
    if (!started)
        return refuse(QString::fromStdString(started.error().message));
    QSettings().setValue(kServeKey, true);
}

void SocketControls::showState() {
    const bool serving = m_socket.isServing();
    {
        const QSignalBlocker quiet(m_serve); // the action follows the socket, not the reverse
        m_serve->setChecked(serving);
    }
    m_label->setVisible(serving);
    if (!serving)
        return;
    // The path is a link: a click copies the export line. Its colour is the theme's, spelled
    // out (a label's rich text keeps the link colour of the palette it was first laid out in).
    const QString path =
        QStringLiteral("<span style=\"color:%1\">%2</span>")
            .arg(m_label->palette().color(QPalette::Link).name(), m_socket.path().toHtmlEscaped());
    m_label->setText(
        tr("Socket: <a href=\"copy\">%1</a> · clients: %2").arg(path).arg(m_socket.clients()));
    m_label->setToolTip(tr("In a terminal: %1 (click to copy)").arg(exportLine()));
}

bool SocketControls::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_label && event->type() == QEvent::PaletteChange && m_socket.isServing())
        showState();
    return QObject::eventFilter(watched, event);
}

void SocketControls::refuse(const QString& message) {
    showState();
    const QString title = tr("Docker API socket");
    m_window.statusBar()->showMessage(title + QStringLiteral(": ") + message, 10000);
    // Window-modal, not a nested event loop: the window stays live behind it.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, &m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace lab
