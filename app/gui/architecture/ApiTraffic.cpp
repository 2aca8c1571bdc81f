#include "gui/architecture/ApiTraffic.h"

#include "gui/socket/WindowSocket.h"
#include "gui/window/EngineSignals.h"
#include "gui/window/RecordedSession.h"

namespace lab {
namespace {

// The status Docker's daemon answers a failed step with (docs/ENGINE-API.md, "What is served").
int failureStatus(const RunFlowReaction& reaction) {
    const std::string message = reaction.failure ? reaction.failure->message : std::string();
    switch (reaction.to) {
    case RunStep::FailedPull: // refused (404) or unreachable (500) before the stream began
        return message.find("dial tcp") != std::string::npos ? 500 : 404;
    case RunStep::FailedCreate:
        return message.find("already in use") != std::string::npos ? 409 : 400;
    case RunStep::FailedStart:
        return 400;
    default:
        return 404; // FailedNoSuchImage: the create's "No such image"
    }
}

} // namespace

QString ApiHop::label() const {
    return method + u' ' + path + QStringLiteral(" → ") + QString::number(status);
}

std::vector<ArchPart> ApiHop::route() const {
    std::vector<ArchPart> parts{ArchPart::Client, ArchPart::Socket, ArchPart::Daemon};
    if (path == QLatin1String("/images/create") && !failed())
        parts.push_back(ArchPart::Registry);
    static const QStringList kProcessVerbs{"start", "stop",    "kill", "restart",
                                           "pause", "unpause", "exec"};
    if (path.startsWith(QLatin1String("/containers/")) && method == QLatin1String("POST") &&
        kProcessVerbs.contains(path.section(u'/', -1)) && !failed()) {
        parts.push_back(ArchPart::Runtime);
        parts.push_back(ArchPart::Kernel);
    }
    return parts;
}

// The one table: which requests a run-flow step stands for, and when their answers come.
std::vector<ApiHop> runFlowRequests(const RunFlowReport& report) {
    const RunFlowReaction& reaction = report.reaction;
    const QString create = QStringLiteral("/containers/create");
    const QString pull = QStringLiteral("/images/create");
    const QString post = QStringLiteral("POST");
    const auto hop = [&](const QString& path, int status) {
        return ApiHop{post, path, status, report.at, false};
    };
    const bool failed = reaction.failure.has_value();
    switch (reaction.from) {
    case RunStep::LookupLocal: // the create answered: the image is missing (the CLI then pulls)
        if (reaction.to == RunStep::QueryRegistry || reaction.to == RunStep::FailedNoSuchImage)
            return {hop(create, 404)};
        return {};
    case RunStep::QueryRegistry: // docker pull, or run's pull after the 404
        if (failed && reaction.failure->origin == ErrorOrigin::PullStream)
            return {hop(pull, 200)};
        return {hop(pull, failed ? failureStatus(reaction) : 200)};
    case RunStep::CreateContainer:
        return {hop(create, failed ? failureStatus(reaction) : 201)};
    case RunStep::Attach: // docker run sends its start only once the wait's headers came
        return {hop(QStringLiteral("/containers/{id}/attach"), 101),
                hop(QStringLiteral("/containers/{id}/wait"), 200)};
    case RunStep::StartContainer:
        return {
            hop(QStringLiteral("/containers/{id}/start"), failed ? failureStatus(reaction) : 204)};
    default:
        return {};
    }
}

ApiTraffic::ApiTraffic(EngineSignals& engineSignals, RecordedSession& session, WindowSocket& socket,
                       QObject* parent)
    : QObject(parent), m_signals(engineSignals) {
    connect(&engineSignals, &EngineSignals::runFlowStepped, this, &ApiTraffic::onRunFlow);
    connect(&session, &RecordedSession::commandStarting, this, [this] { m_inCommand = true; });
    connect(&session, &RecordedSession::commandFinished, this, [this] { m_inCommand = false; });
    connect(&socket, &WindowSocket::exchanged, this, &ApiTraffic::onExchange);
    connect(&engineSignals, &EngineSignals::engineReplaced, this, [this] {
        m_hops.clear();
        emit cleared();
    });
}

void ApiTraffic::onRunFlow(const RunFlowReport& report) {
    if (!m_inCommand)
        return; // the socket's requests are drawn as they really came
    const std::vector<ApiHop> hops = runFlowRequests(report);
    if (hops.empty())
        return;
    m_hops.insert(m_hops.end(), hops.begin(), hops.end());
    emit added();
}

void ApiTraffic::onExchange(const SocketExchange& exchange) {
    m_hops.push_back(
        {exchange.method, exchange.path, exchange.status, m_signals.engine().clock().now(), true});
    emit added();
}

} // namespace lab
