#pragma once
// What the learner sees of the window's Engine API socket: Engine > Serve Docker API socket
// (off by default, remembered), and in the status bar the socket's path, the number of clients
// connected, and the `export DOCKER_HOST=unix://…` line on hover, copied by a click.

#include <QObject>
#include <QString>

class QAction;
class QLabel;
class QMainWindow;

namespace lab {

class WindowSocket;

/// The menu toggle and the status-bar label over a WindowSocket.
class SocketControls final : public QObject {
    Q_OBJECT
public:
    /// Adds its label to window's status bar; serves from the event loop if the learner left it
    /// on.
    SocketControls(WindowSocket& socket, QMainWindow& window);

    QAction* serveAction() const { return m_serve; }
    QLabel& statusLabel() const { return *m_label; }
    /// The line a terminal needs: export DOCKER_HOST=unix://PATH (empty while not serving).
    QString exportLine() const;

protected:
    /// A theme switch writes the label again: its link takes the palette's colour when set.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void serve(bool on);
    void showState();
    void refuse(const QString& message);

    WindowSocket& m_socket;
    QMainWindow& m_window;
    QAction* m_serve;
    QLabel* m_label;
};

} // namespace lab
