#pragma once
// The window serves Docker's Engine API while it runs: the daemon's server and routes
// (app/daemon) over the window's own session, so a learner's terminal `docker run` acts on the
// engine the window animates. Everything stays on the GUI thread: the daemon's io_context is
// polled from Qt's event loop, and engine time is the window's (EngineHost's Follow clock: the
// playback moves it, and each move lets waiting requests answer, a `docker stop` included).
//
// Step back and reset replace the engine: the server starts again over the new one, and the
// clients connected then are disconnected (their requests were not recorded for replay).

#include "base/Expected.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

namespace lab {
namespace daemon {
class EmbeddedDaemon;
}

class Playback;
class RecordedSession;

/// A request the socket answered: method, path (no version, no query), status.
struct SocketExchange {
    QString method;
    QString path;
    int status = 0;
};

/// The Engine API socket over the window's session, on or off.
class WindowSocket final : public QObject {
    Q_OBJECT
public:
    WindowSocket(RecordedSession& session, Playback& playback, QObject* parent = nullptr);
    ~WindowSocket() override;

    /// Listens on path (stale socket replaced, a live one refused); the error says why not.
    Status start(const QString& path);
    /// Disconnects every client and removes the socket.
    void stop();
    bool isServing() const { return m_serving != nullptr; }
    /// The socket's path while serving.
    QString path() const { return m_path; }
    /// Clients connected now.
    int clients() const;

signals:
    void servingChanged(bool serving);
    void clientsChanged(int clients);
    /// A request was answered (the status line went out).
    void exchanged(const lab::SocketExchange& exchange);
    /// The socket could not open again after the engine was replaced: why.
    void refused(const QString& message);

private:
    void poll();
    void engineReplaced();

    RecordedSession& m_session;
    Playback& m_playback;
    std::unique_ptr<daemon::EmbeddedDaemon> m_serving;
    QString m_path;
    QTimer m_poll;
};

} // namespace lab
