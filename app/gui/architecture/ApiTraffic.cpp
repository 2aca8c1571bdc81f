#include "gui/architecture/ApiTraffic.h"

#include "daemon/RefusalStatus.h"
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

// The request the CLI sends for a lifecycle command (docs/ENGINE-API.md), and its answer when the
// call succeeds; create and start come with run's flow (runFlowRequests).
struct CommandRequest {
    const char* method;
    const char* path;
    int status;
};
std::optional<CommandRequest> requestFor(Command command) {
    switch (command) {
    case Command::Start:
        return CommandRequest{"POST", "/containers/{id}/start", 204};
    case Command::Stop:
        return CommandRequest{"POST", "/containers/{id}/stop", 204};
    case Command::Kill:
        return CommandRequest{"POST", "/containers/{id}/kill", 204};
    case Command::Pause:
        return CommandRequest{"POST", "/containers/{id}/pause", 204};
    case Command::Unpause:
        return CommandRequest{"POST", "/containers/{id}/unpause", 204};
    case Command::Restart:
        return CommandRequest{"POST", "/containers/{id}/restart", 204};
    case Command::Remove:
    case Command::RemoveForce:
        return CommandRequest{"DELETE", "/containers/{id}", 204};
    case Command::Wait:
        return CommandRequest{"POST", "/containers/{id}/wait", 200};
    case Command::Rename:
        return CommandRequest{"POST", "/containers/{id}/rename", 204};
    case Command::Exec:
        return CommandRequest{"POST", "/containers/{id}/exec", 201};
    case Command::Top:
        return CommandRequest{"GET", "/containers/{id}/top", 200};
    case Command::Create:
        break;
    }
    return std::nullopt;
}

} // namespace

std::optional<ApiHop> commandRequest(const Reaction& reaction, TimePoint at) {
    const auto& table = LifecycleMachine::table();
    if (reaction.row < 0 || std::size_t(reaction.row) >= table.size() ||
        !table[std::size_t(reaction.row)].isCommand())
        return std::nullopt;
    const auto request = requestFor(std::get<Command>(table[std::size_t(reaction.row)].trigger));
    if (!request)
        return std::nullopt;
    const int status = reaction.refusal ? daemon::statusFor(*reaction.refusal)
                       : reaction.verdict == Verdict::NotModified ? 304
                                                                  : request->status;
    return ApiHop{QString::fromLatin1(request->method), QString::fromLatin1(request->path), status,
                  at, false};
}

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
    connect(&engineSignals, &EngineSignals::containerReacted, this, &ApiTraffic::onReacted);
    connect(&session, &RecordedSession::commandStarting, this, [this] {
        m_inCommand = true;
        m_runFlowCommand = false;
    });
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
    m_runFlowCommand = true;
    const std::vector<ApiHop> hops = runFlowRequests(report);
    if (hops.empty())
        return;
    m_hops.insert(m_hops.end(), hops.begin(), hops.end());
    emit added();
}

void ApiTraffic::onReacted(const QString&, const Reaction& reaction, const OutcomeEvent* outcome) {
    // A console command's call on a container (run's are its flow's; outcomes are no requests).
    if (!m_inCommand || m_runFlowCommand || outcome)
        return;
    if (const auto hop = commandRequest(reaction, m_signals.engine().clock().now())) {
        m_hops.push_back(*hop);
        emit added();
    }
}

void ApiTraffic::onExchange(const SocketExchange& exchange) {
    m_hops.push_back(
        {exchange.method, exchange.path, exchange.status, m_signals.engine().clock().now(), true});
    emit added();
}

} // namespace lab
