// The image routes: the local list, one image's inspect, and the pull, which streams the
// daemon's progress messages as the engine's pull plan reaches each of them, or as the
// backend's own pull (the real one's, from a registry) brings them.
#include "cli/InspectData.h"
#include "daemon/Api.h"
#include "daemon/ApiJson.h"
#include "docker/ImageReference.h"
#include "engine/Pull.h"
#include "engine/RegistryPull.h"

#include <algorithm>

namespace lab::daemon {
namespace {

using nlohmann::json;

// A progress line as the CLI rendered it ("4804646f2937: Pull complete") back into the
// daemon's message ({"status":"Pull complete","id":"4804646f2937"}).
json progressMessage(const std::string& line) {
    const auto colon = line.find(": ");
    const std::string id = colon == std::string::npos ? "" : line.substr(0, colon);
    const bool layer = id.size() == 12 && std::all_of(id.begin(), id.end(), [](char c) {
                           return std::isxdigit(static_cast<unsigned char>(c));
                       });
    if (!layer)
        return {{"status", line}};
    return {{"status", line.substr(colon + 2)}, {"progressDetail", json::object()}, {"id", id}};
}

// One pull in flight: sends each batch of progress when engine time reaches it.
struct PullStream : std::enable_shared_from_this<PullStream> {
    EngineHost& host;
    ConnectionPtr connection;
    ImageSpec spec;
    docker::ImageReference reference;
    PullPlan plan;
    std::size_t next = 0;

    PullStream(EngineHost& h, ConnectionPtr c, ImageSpec s, docker::ImageReference r, PullPlan p)
        : host(h), connection(std::move(c)), spec(std::move(s)), reference(std::move(r)),
          plan(std::move(p)) {}

    void sendNext() {
        Engine& engine = host.engine();
        if (next == plan.batches.size()) {
            for (const std::string& line : engine.completePull(spec, reference, plan))
                connection->sendChunk(document({{"status", line}}));
            return connection->endStream();
        }
        const TimePoint at = plan.batches[next].at;
        engine.clock().schedule(at, [] {}); // wakes the wall clock then
        auto self = shared_from_this();
        host.when([&engine, at] { return engine.clock().now() >= at; },
                  [self] {
                      for (const std::string& line : self->plan.batches[self->next].lines)
                          self->connection->sendChunk(document(progressMessage(line)));
                      ++self->next;
                      self->sendNext();
                  },
                  true, [self] { return self->connection->open(); });
    }
};

// A pull the backend does itself (the real one, from a registry): its news streamed as they
// arrive; an error before the manifest is the reply's, a later one comes inside the stream.
struct RegistryPullStream : std::enable_shared_from_this<RegistryPullStream> {
    EngineHost& host;
    ConnectionPtr connection;
    docker::ImageReference reference;
    std::shared_ptr<RegistryPull> pull;
    std::size_t sent = 0;

    RegistryPullStream(EngineHost& h, ConnectionPtr c, docker::ImageReference r,
                       std::shared_ptr<RegistryPull> p)
        : host(h), connection(std::move(c)), reference(std::move(r)), pull(std::move(p)) {}

    void start() {
        auto self = shared_from_this();
        host.when([self] { return self->pull->manifestFound || self->pull->failure; },
                  [self] { self->begin(); }, true, [self] { return self->connection->open(); });
    }
    void begin() {
        if (!pull->manifestFound)
            return connection->replyError(
                pull->failure->code == ErrorCode::RegistryUnreachable ? 500 : 404,
                pull->failure->message);
        connection->beginStream(200, "application/json");
        connection->sendChunk(
            document({{"status", "Pulling from " + reference.path}, {"id", reference.tag}}));
        sendNext();
    }
    void sendNext() {
        auto self = shared_from_this();
        host.when(
            [self] { return self->pull->progress.size() > self->sent || self->pull->finished(); },
            [self] {
                for (; self->sent < self->pull->progress.size(); ++self->sent)
                    self->connection->sendChunk(
                        document(progressMessage(self->pull->progress[self->sent])));
                if (self->pull->finished())
                    return self->finish();
                self->sendNext();
            },
            true, [self] { return self->connection->open(); });
    }
    void finish() {
        auto lines = pull->failure ? Expected<std::vector<std::string>>(*pull->failure)
                                   : host.engine().completePull(*pull, reference);
        if (!lines)
            connection->sendChunk(document({{"errorDetail", {{"message", lines.error().message}}},
                                            {"error", lines.error().message}}));
        else
            for (const std::string& line : *lines)
                connection->sendChunk(document({{"status", line}}));
        connection->endStream();
    }
};

} // namespace

void Api::images(const ApiRequest& request, const ConnectionPtr& connection) {
    auto filters = filtersFrom(request.param("filters"));
    if (!filters)
        return connection->replyError(filters.error().status, filters.error().message);
    // docker images REPOSITORY[:TAG] sends the pattern as the reference filter: an image is
    // listed with the tags that match it, or not at all.
    const std::vector<std::string> patterns = (*filters)["reference"];
    std::vector<const Image*> images = m_host.engine().images().images();
    std::stable_sort(images.begin(), images.end(),
                     [](const Image* a, const Image* b) { return a->created > b->created; });
    json list = json::array();
    for (const Image* image : images) {
        Image shown = *image;
        std::erase_if(shown.tags, [&patterns](const docker::ImageReference& tag) {
            return !patterns.empty() &&
                   std::none_of(patterns.begin(), patterns.end(), [&tag](const std::string& p) {
                       return docker::matchesImagePattern(tag, p);
                   });
        });
        // The daemon lists an image's names in lexical order.
        std::sort(shown.tags.begin(), shown.tags.end(),
                  [](const auto& a, const auto& b) { return a.familiar() < b.familiar(); });
        if (!shown.tags.empty() || patterns.empty())
            list.push_back(imageSummary(shown));
    }
    connection->reply(200, document(list));
}

void Api::imageInspect(const std::string& name, const ConnectionPtr& connection) {
    const ImageStore& store = m_host.engine().images();
    auto reference = docker::parseImageReference(name);
    const Image* image = reference ? store.find(*reference) : nullptr;
    if (!image)
        image = store.findById(name);
    if (!image)
        return connection->replyError(404, "No such image: " +
                                               (reference ? reference->familiar() : name));
    connection->reply(200, cli::imageInspectData(*image).json() + "\n");
}

void Api::pull(const ApiRequest& request, const ConnectionPtr& connection) {
    const std::string from = request.param("fromImage");
    const std::string tag = request.param("tag");
    const std::string name =
        tag.empty() ? from : from + (tag.starts_with("sha256:") ? "@" : ":") + tag;
    auto reference = docker::parseImageReference(name);
    if (!reference)
        return connection->replyError(400, reference.error().message);
    Engine& engine = m_host.engine();
    if (auto pull = engine.startPull(*reference))
        return std::make_shared<RegistryPullStream>(m_host, connection, *reference, pull)->start();
    auto spec = engine.registries().resolve(*reference);
    if (!spec) // an error before the stream begins has its own status
        return connection->replyError(
            spec.error().code == ErrorCode::RegistryUnreachable ? 500 : 404, spec.error().message);
    connection->beginStream(200, "application/json");
    connection->sendChunk(
        document({{"status", "Pulling from " + reference->path}, {"id", reference->tag}}));
    auto stream =
        std::make_shared<PullStream>(m_host, connection, *spec, *reference,
                                     planPull(*spec, engine.images(), engine.clock().now()));
    stream->sendNext();
}

} // namespace lab::daemon
