#pragma once
// Docker's Engine API over the engine: each route reads its request, calls the engine as the
// console's CLI does, and answers with Docker's status codes and JSON. Routes that wait (stop,
// wait, attach, logs -f, events, pull) answer through the EngineHost when the engine moved.

#include "daemon/ApiRequest.h"
#include "daemon/Connection.h"
#include "daemon/EngineHost.h"

#include <functional>
#include <map>
#include <memory>

namespace lab::daemon {

using ConnectionPtr = std::shared_ptr<Connection>;
struct StdinFeed;

/// The routes of the Engine API the lab serves, and the lab's own /lab/advance.
class Api {
public:
    explicit Api(EngineHost& host) : m_host(host) {}
    /// Answers one request on connection (now, or later through the host).
    void handle(const HttpRequest& request, const ConnectionPtr& connection);

private:
    void route(const ApiRequest& request, const ConnectionPtr& connection);
    /// The container reference names, or null once Docker's error went out (404, or 400 for
    /// an ambiguous prefix), its message after prefix.
    Container* findOrReply(const std::string& reference, const ConnectionPtr& connection,
                           const std::string& prefix = {});
    /// Hands every line container prints to send until its process exits (or it is removed),
    /// then calls done; stops early when the client leaves.
    void followUntilExit(Container& container, std::function<void(const LogLine&)> send,
                         std::function<void()> done, const ConnectionPtr& connection);
    // System (Api.cpp)
    void ping(const ApiRequest& request, const ConnectionPtr& connection);
    void advance(const ApiRequest& request, const ConnectionPtr& connection);
    // Containers (ContainerRoutes.cpp)
    void list(const ApiRequest& request, const ConnectionPtr& connection);
    void create(const ApiRequest& request, const ConnectionPtr& connection);
    void inspect(const std::string& reference, const ConnectionPtr& connection);
    void command(const ApiRequest& request, const std::string& reference, const std::string& verb,
                 const ConnectionPtr& connection);
    void remove(const ApiRequest& request, const std::string& reference,
                const ConnectionPtr& connection);
    void rename(const ApiRequest& request, const std::string& reference,
                const ConnectionPtr& connection);
    // Streams (StreamRoutes.cpp)
    void wait(const ApiRequest& request, const std::string& reference,
              const ConnectionPtr& connection);
    void attach(const ApiRequest& request, const std::string& reference,
                const ConnectionPtr& connection);
    /// Hands what the attached client typed to the container's stdin once its process runs.
    void feedStdin(const std::shared_ptr<StdinFeed>& feed, const ConnectionPtr& connection);
    void resize(const ApiRequest& request, const std::string& reference,
                const ConnectionPtr& connection);
    void logs(const ApiRequest& request, const std::string& reference,
              const ConnectionPtr& connection);
    void events(const ApiRequest& request, const ConnectionPtr& connection);
    // Inside a running container (InsideRoutes.cpp)
    void execCreate(const ApiRequest& request, const std::string& reference,
                    const ConnectionPtr& connection);
    void execStart(const ApiRequest& request, const std::string& id,
                   const ConnectionPtr& connection);
    /// Sends what session printed after its first sent writes as it comes, then closes.
    void streamExec(const std::shared_ptr<ExecSession>& session, std::size_t sent, bool tty,
                    const ConnectionPtr& connection);
    void execInspect(const std::string& id, const ConnectionPtr& connection);
    void top(const ApiRequest& request, const std::string& reference,
             const ConnectionPtr& connection);
    void stats(const ApiRequest& request, const std::string& reference,
               const ConnectionPtr& connection);
    void update(const ApiRequest& request, const std::string& reference,
                const ConnectionPtr& connection);
    // Images (ImageRoutes.cpp)
    void images(const ApiRequest& request, const ConnectionPtr& connection);
    void imageInspect(const std::string& name, const ConnectionPtr& connection);
    void pull(const ApiRequest& request, const ConnectionPtr& connection);
    // ImageChangeRoutes.cpp: docker diff, commit, tag, rmi and container prune.
    void changes(const std::string& reference, const ConnectionPtr& connection);
    void commit(const ApiRequest& request, const ConnectionPtr& connection);
    void load(const ApiRequest& request, const ConnectionPtr& connection);
    void importImage(const ApiRequest& request, const ConnectionPtr& connection);
    void tag(const ApiRequest& request, const std::string& name, const ConnectionPtr& connection);
    void removeImage(const ApiRequest& request, const std::string& name,
                     const ConnectionPtr& connection);
    void prune(const ConnectionPtr& connection);

    /// An exec instance: created, then started once (docker exec's two calls).
    struct PendingExec {
        std::string container; ///< the container's ID
        ExecRequest request;
        std::shared_ptr<ExecSession> session; ///< set once started
    };

    EngineHost& m_host;
    std::map<std::string, PendingExec> m_execs; ///< by exec ID; kept as Docker keeps them
    std::uint64_t m_execCount = 0;
};

} // namespace lab::daemon
