#include "gui/socket/WindowSocket.h"

#include "daemon/EmbeddedDaemon.h"
#include "gui/window/Playback.h"
#include "gui/window/RecordedSession.h"

namespace lab {
namespace {

// How often the event loop looks at the socket: a docker run's half-dozen requests take a few
// of these, well under what a learner notices.
constexpr int kPollMilliseconds = 5;

} // namespace

WindowSocket::WindowSocket(RecordedSession& session, Playback& playback, QObject* parent)
    : QObject(parent), m_session(session), m_playback(playback) {
    m_poll.setInterval(kPollMilliseconds);
    connect(&m_poll, &QTimer::timeout, this, &WindowSocket::poll);
    // Engine time moved (or steps were shown): requests waiting for the engine may answer.
    connect(&m_playback, &Playback::advanced, this, [this] {
        if (m_serving)
            m_serving->settle();
    });
    connect(&m_session, &RecordedSession::engineReplaced, this, &WindowSocket::engineReplaced);
}

WindowSocket::~WindowSocket() = default;

Status WindowSocket::start(const QString& path) {
    stop();
    auto serving = daemon::EmbeddedDaemon::listen(m_session, path.toStdString());
    if (!serving)
        return serving.error();
    (*serving)->onClientsChanged([this] { emit clientsChanged(clients()); });
    (*serving)->onExchange([this](const daemon::ApiExchange& exchange) {
        emit exchanged({QString::fromStdString(exchange.method),
                        QString::fromStdString(exchange.path), exchange.status});
    });
    m_serving = std::move(*serving);
    m_path = path;
    m_poll.start();
    emit servingChanged(true);
    emit clientsChanged(0);
    return Ok{};
}

void WindowSocket::stop() {
    if (!m_serving)
        return;
    m_poll.stop();
    m_serving.reset();
    m_path.clear();
    emit servingChanged(false);
    emit clientsChanged(0);
}

int WindowSocket::clients() const {
    return m_serving ? int(m_serving->clients()) : 0;
}

void WindowSocket::poll() {
    if (m_serving->poll() > 0)
        m_playback.catchUp(); // what the requests did shows as the console's commands do
}

void WindowSocket::engineReplaced() {
    if (!m_serving)
        return;
    // The host observes the engine going away: it goes now, while that engine still lives, and
    // the socket opens again over the new one from the event loop.
    const QString path = m_path;
    stop();
    QTimer::singleShot(0, this, [this, path] {
        if (const Status started = start(path); !started)
            emit refused(QString::fromStdString(started.error().message));
    });
}

} // namespace lab
