// docker diff, commit, load, import, tag, rmi and container prune through the Engine API: each
// route calls the engine as the console's command does and answers in Engine 1.41's shapes (changes
// with Kind 0 modified, 1 added, 2 deleted; rmi's Untagged/Deleted objects; prune's
// ContainersDeleted and SpaceReclaimed). The CLI checks new names itself before it asks.
#include "daemon/Api.h"
#include "daemon/ApiJson.h"
#include "docker/ImageReference.h"
#include "engine/Engine.h"

namespace lab::daemon {

using nlohmann::json;

namespace {

// The name the repo and tag parameters give an image (commit, import); none without a repo.
Expected<std::optional<ImageReference>> nameIn(const ApiRequest& request) {
    const std::string repo = request.param("repo");
    if (repo.empty())
        return std::optional<ImageReference>();
    const std::string tagged = request.param("tag");
    auto reference = docker::parseImageReference(repo + (tagged.empty() ? "" : ":" + tagged));
    if (!reference)
        return reference.error();
    return std::optional<ImageReference>(*reference);
}

} // namespace

void Api::changes(const std::string& reference, const ConnectionPtr& connection) {
    Container* container = findOrReply(reference, connection);
    if (!container)
        return;
    auto changes = m_host.engine().changes(*container);
    if (!changes)
        return connection->replyError(statusFor(changes.error()), changes.error().message);
    json list = json::array();
    for (const FileChange& change : *changes)
        list.push_back({{"Path", change.path},
                        {"Kind", change.kind == FileChange::Kind::Changed ? 0
                                 : change.kind == FileChange::Kind::Added ? 1
                                                                          : 2}});
    connection->reply(200, document(list));
}

void Api::commit(const ApiRequest& request, const ConnectionPtr& connection) {
    Container* container = findOrReply(request.param("container"), connection);
    if (!container)
        return;
    auto tag = nameIn(request);
    if (!tag)
        return connection->replyError(400, tag.error().message);
    auto image = m_host.engine().commit(*container, *tag);
    if (!image)
        return connection->replyError(statusFor(image.error()), image.error().message);
    connection->reply(201, document({{"Id", (*image)->id}}));
}

void Api::load(const ApiRequest& request, const ConnectionPtr& connection) {
    // The answer is a progress stream from its start: an archive's error comes inside it, as
    // {"errorDetail":...}, which the CLI prints without "Error response from daemon".
    auto lines = m_host.engine().load(request.body);
    connection->beginStream(200, "application/json");
    if (!lines)
        connection->sendChunk(document({{"errorDetail", {{"message", lines.error().message}}},
                                        {"error", lines.error().message}}));
    else
        for (const std::string& line : *lines)
            connection->sendChunk(document({{"stream", line + "\n"}}));
    connection->endStream();
}

void Api::importImage(const ApiRequest& request, const ConnectionPtr& connection) {
    if (request.param("fromSrc") != "-")
        return connection->replyError(400, "the lab imports from the request body only "
                                           "(fromSrc=-), not from a URL");
    auto tag = nameIn(request);
    if (!tag)
        return connection->replyError(400, tag.error().message);
    auto image = m_host.engine().importImage(request.body, *tag);
    if (!image) // before anything streamed: an error status, as Docker's
        return connection->replyError(500, image.error().message);
    connection->beginStream(200, "application/json");
    connection->sendChunk(document({{"status", (*image)->id}}));
    connection->endStream();
}

void Api::tag(const ApiRequest& request, const std::string& name, const ConnectionPtr& connection) {
    const std::string tagged = request.param("tag");
    auto target =
        docker::parseImageReference(request.param("repo") + (tagged.empty() ? "" : ":" + tagged));
    if (!target)
        return connection->replyError(400, target.error().message);
    if (Status done = m_host.engine().tag(name, *target); !done)
        return connection->replyError(statusFor(done.error()), done.error().message);
    connection->reply(201, "", "text/plain; charset=utf-8");
}

void Api::removeImage(const ApiRequest& request, const std::string& name,
                      const ConnectionPtr& connection) {
    const std::string force = request.param("force");
    auto lines = m_host.engine().removeImage(name, force == "1" || force == "true");
    if (!lines)
        return connection->replyError(statusFor(lines.error()), lines.error().message);
    json removed = json::array();
    for (const std::string& line : *lines) { // "Untagged: busybox:1.36", "Deleted: sha256:..."
        const auto colon = line.find(": ");
        if (colon != std::string::npos)
            removed.push_back({{line.substr(0, colon), line.substr(colon + 2)}});
    }
    connection->reply(200, document(removed));
}

void Api::prune(const ConnectionPtr& connection) {
    const Engine::PruneReport report = m_host.engine().pruneContainers();
    connection->reply(200, document({{"ContainersDeleted", report.deleted},
                                     {"SpaceReclaimed", report.reclaimed}}));
}

} // namespace lab::daemon
