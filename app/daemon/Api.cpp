#include "daemon/Api.h"

#include "daemon/ApiJson.h"

#include <charconv>
#include <cstdio>

namespace lab::daemon {

void Api::handle(const HttpRequest& request, const ConnectionPtr& connection) {
    auto api = readApiRequest(request);
    if (!api)
        return connection->replyError(api.error().status, api.error().message);
    route(*api, connection);
    m_host.settle(); // whatever the request set going runs now, as far as it is due
}

void Api::route(const ApiRequest& request, const ConnectionPtr& connection) {
    const std::vector<std::string>& s = request.segments;
    const std::string& method = request.method;
    const bool get = method == "GET";
    const bool post = method == "POST";
    const std::size_t n = s.size();
    if (n == 1 && s[0] == "_ping" && (get || method == "HEAD"))
        return ping(request, connection);
    if (n == 1 && get && s[0] == "version")
        return connection->reply(200, document(versionJson(m_host.engine())));
    if (n == 1 && get && s[0] == "info")
        return connection->reply(200, document(infoJson(m_host.engine())));
    if (n == 1 && get && s[0] == "events")
        return events(request, connection);
    if (n == 2 && post && s[0] == "lab" && s[1] == "advance")
        return advance(request, connection);
    if (n >= 2 && s[0] == "containers") {
        if (n == 2 && get && s[1] == "json")
            return list(request, connection);
        if (n == 2 && post && s[1] == "create")
            return create(request, connection);
        if (n == 2 && method == "DELETE")
            return remove(request, s[1], connection);
        if (n == 3 && get && s[2] == "json")
            return inspect(s[1], connection);
        if (n == 3 && get && s[2] == "logs")
            return logs(request, s[1], connection);
        if (n == 3 && post && s[2] == "wait")
            return wait(request, s[1], connection);
        if (n == 3 && post && s[2] == "attach")
            return attach(request, s[1], connection);
        if (n == 3 && post && s[2] == "resize")
            return resize(request, s[1], connection);
        if (n == 3 && post && s[2] == "rename")
            return rename(request, s[1], connection);
        if (n == 3 && get && s[2] == "top")
            return top(request, s[1], connection);
        if (n == 3 && get && s[2] == "stats")
            return stats(request, s[1], connection);
        if (n == 3 && post && s[2] == "update")
            return update(request, s[1], connection);
        if (n == 2 && post && s[1] == "prune")
            return prune(connection);
        if (n == 3 && get && s[2] == "changes")
            return changes(s[1], connection);
        if (n == 3 && post && s[2] == "exec")
            return execCreate(request, s[1], connection);
        if (n == 3 && post)
            for (const char* verb : {"start", "stop", "kill", "restart", "pause", "unpause"})
                if (s[2] == verb)
                    return command(request, s[1], verb, connection);
    }
    if (n == 3 && s[0] == "exec" && post && s[2] == "start")
        return execStart(request, s[1], connection);
    if (n == 3 && s[0] == "exec" && get && s[2] == "json")
        return execInspect(s[1], connection);
    if (n == 1 && post && s[0] == "commit")
        return commit(request, connection);
    if (n >= 2 && s[0] == "images") {
        if (n == 2 && get && s[1] == "json")
            return images(request, connection);
        if (n == 2 && post && s[1] == "load")
            return load(request, connection);
        if (n == 2 && post && s[1] == "create" && !request.param("fromSrc").empty())
            return importImage(request, connection);
        if (n == 2 && post && s[1] == "create")
            return pull(request, connection);
        // Image names hold slashes (localhost:5000/bb:1) and are not escaped in paths.
        const std::string named = request.path.substr(8); // after "/images/"
        if (method == "DELETE")
            return removeImage(request, named, connection);
        if (post && s.back() == "tag")
            return tag(request, named.substr(0, named.size() - 4), connection);
        if (get && s.back() == "json")
            return imageInspect(named.substr(0, named.size() - 5), connection);
    }
    // docker inspect probes every kind of object; the lab has no networks, volumes or plugins.
    if (get && n >= 2 && s[0] == "networks")
        return connection->replyError(404, "network " + s[1] + " not found");
    if (get && n >= 2 && s[0] == "volumes")
        return connection->replyError(404, "get " + s[1] + ": no such volume");
    if (get && n >= 2 && s[0] == "plugins")
        return connection->replyError(404, "plugin \"" + s[1] + "\" not found");
    connection->replyError(404, "page not found");
}

Container* Api::findOrReply(const std::string& reference, const ConnectionPtr& connection,
                            const std::string& prefix) {
    auto container = m_host.engine().find(reference);
    if (container)
        return *container;
    connection->replyError(statusFor(container.error()), prefix + container.error().message);
    return nullptr;
}

void Api::followUntilExit(Container& container, std::function<void(const LogLine&)> send,
                          std::function<void()> done, const ConnectionPtr& connection) {
    const int listener = m_host.listenPrinted(
        [id = container.id, send = std::move(send)](const Container& from, const LogLine& line) {
            if (from.id == id)
                send(line);
        });
    connection->onClosed([this, listener] { m_host.forget(listener); });
    CallHandle exit = m_host.engine().waitForExit(container, false);
    m_host.when([exit] { return exit->finished(); },
                [this, listener, done = std::move(done)] {
                    m_host.forget(listener);
                    done();
                },
                false, [connection] { return connection->open(); });
}

void Api::ping(const ApiRequest& request, const ConnectionPtr& connection) {
    // HEAD answers with the headers only; the CLI reads Api-Version from them.
    connection->reply(200, request.method == "HEAD" ? "" : "OK", "text/plain; charset=utf-8");
}

void Api::advance(const ApiRequest& request, const ConnectionPtr& connection) {
    if (m_host.mode() == ClockMode::Follow)
        return connection->replyError(409, "engine time follows the window's playback");
    if (m_host.mode() != ClockMode::Virtual)
        return connection->replyError(
            409, "engine time follows the wall clock; start the daemon with --clock virtual");
    const std::string text = request.param("seconds");
    double seconds = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || seconds < 0 ||
        seconds > 365.0 * 24 * 3600)
        return connection->replyError(400, "seconds must be a number from 0 to 31536000");
    m_host.advance(std::chrono::duration_cast<Duration>(std::chrono::duration<double>(seconds)));
    // Now, as Unix seconds with nanoseconds: what docker events --until takes.
    const auto now = m_host.engine().clock().now().time_since_epoch();
    char stamp[48];
    std::snprintf(stamp, sizeof stamp, "%lld.%09lld",
                  static_cast<long long>(std::chrono::floor<std::chrono::seconds>(now).count()),
                  static_cast<long long>((now % std::chrono::seconds(1)).count()));
    connection->reply(200, document({{"Now", stamp}}));
}

} // namespace lab::daemon
