#pragma once
// What travels between Docker's parts, for the architecture view: the Engine API requests the
// CLI sends (method, path, status) and the hops below the daemon they cause (the registry for a
// pull, the runtime and the kernel for a start). Two sources:
//   - a command typed in the console dock: the console is client and daemon folded into one, so
//     its requests are derived from the run-flow machine's steps (docker run, create, pull) by
//     one table, the CLI's exchange as docs/ENGINE-API.md records it (runFlowRequests()), and
//     from the lifecycle table's row for a command on a container (commandRequest());
//   - a request that came through the window's socket (WindowSocket): the real one, as answered.
// Each hop carries its engine time, so the view shows those the playback has reached.

#include "engine/Engine.h"

#include <QObject>
#include <QString>
#include <optional>
#include <vector>

namespace lab {

class EngineSignals;
class RecordedSession;
class WindowSocket;
struct SocketExchange;

/// Docker's parts, as the architecture view draws them.
enum class ArchPart { Client, Socket, Daemon, Registry, Runtime, Kernel };

/// One request and its answer.
struct ApiHop {
    QString method;
    QString path; ///< as the CLI sends it, without the version prefix: "/containers/{id}/start"
    int status = 0;
    TimePoint at{};          ///< engine time of the answer
    bool fromSocket = false; ///< a real request on the socket (else derived from the console)

    /// An error answer (4xx, 5xx): the hop the view draws red.
    bool failed() const { return status >= 400; }
    /// "POST /containers/create → 404"
    QString label() const;
    /// The parts it passes, client first: client, socket, daemon, then the registry for a pull,
    /// the runtime and the kernel for what runs or signals a process.
    std::vector<ArchPart> route() const;
};

/// The requests the CLI sends, with their answers, as a run-flow step of docker run, create or
/// pull ends (report.reaction: from the step done to the next): a create answered 404 before the
/// pull, the pull, the create answered 201, attach and wait before start.
std::vector<ApiHop> runFlowRequests(const RunFlowReport& report);

/// The request a console command on a container stands for (stop, kill, pause, rm, wait, ...),
/// from the table row that answered it, with the status the daemon answers: Docker's for a
/// refusal, 304 for a call that changes nothing; none for create and outcomes.
std::optional<ApiHop> commandRequest(const Reaction& reaction, TimePoint at);

/// Every hop of the engine the window shows, oldest first.
class ApiTraffic final : public QObject {
    Q_OBJECT
public:
    ApiTraffic(EngineSignals& engineSignals, RecordedSession& session, WindowSocket& socket,
               QObject* parent = nullptr);

    const std::vector<ApiHop>& hops() const { return m_hops; }

signals:
    /// A hop was recorded (at its engine time, maybe ahead of what the window shows).
    void added();
    /// The engine was replaced: every hop forgotten (a replay records its own again).
    void cleared();

private:
    void onRunFlow(const RunFlowReport& report);
    void onExchange(const SocketExchange& exchange);
    void onReacted(const QString& containerId, const Reaction& reaction,
                   const OutcomeEvent* outcome);

    EngineSignals& m_signals;
    std::vector<ApiHop> m_hops;
    bool m_inCommand = false;      // a console command runs: its run flow is the console's
    bool m_runFlowCommand = false; // ...and it is run, create or pull: the flow has its requests
};

} // namespace lab
