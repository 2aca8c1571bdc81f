#include "RegistryFetch.h"

#include "base/Limits.h"
#include "base/Sha256.h"
#include "engine/Registries.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string_view>

namespace lab::real {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kManifestBytes = 4u << 20; // Docker's own limit for a manifest
constexpr std::size_t kConfigBytes = 8u << 20;
constexpr std::size_t kErrorBytes = 64u << 10;  // room for an error document instead of a blob
constexpr std::size_t kConcurrentDownloads = 3; // the daemon's default, for "Waiting"
// A layer's bytes are sampled at most once per 64 KiB and per 10 ms (whichever is rarer), and
// once more when the last byte is in: a bounded record, however fast or slow the registry.
constexpr std::int64_t kSampleBytes = 64 << 10;
constexpr Duration kSampleInterval = std::chrono::milliseconds(10);

constexpr std::string_view kDockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
constexpr std::string_view kDockerList =
    "application/vnd.docker.distribution.manifest.list.v2+json";
constexpr std::string_view kOciManifest = "application/vnd.oci.image.manifest.v1+json";
constexpr std::string_view kOciIndex = "application/vnd.oci.image.index.v1+json";
constexpr std::array kConfigTypes{
    std::string_view("application/vnd.docker.container.image.v1+json"),
    std::string_view("application/vnd.oci.image.config.v1+json")};
constexpr std::array kLayerTypes{
    std::string_view("application/vnd.docker.image.rootfs.diff.tar.gzip"),
    std::string_view("application/vnd.oci.image.layer.v1.tar"),
    std::string_view("application/vnd.oci.image.layer.v1.tar+gzip")};

#if defined(__aarch64__)
constexpr std::string_view kArchitecture = "arm64";
#else
constexpr std::string_view kArchitecture = "amd64";
#endif

template <std::size_t N>
bool oneOf(const std::array<std::string_view, N>& types, std::string_view t) {
    return std::find(types.begin(), types.end(), t) != types.end();
}

// A content descriptor: what a blob or manifest must be.
struct Descriptor {
    std::string mediaType, digest;
    std::int64_t size = 0;
};

bool isDigest(const std::string& digest) {
    return digest.size() == 71 && digest.starts_with("sha256:") &&
           digest.find_first_not_of("0123456789abcdef", 7) == std::string::npos;
}

std::string text(const Json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : "";
}

Expected<Descriptor> descriptorOf(const Json& entry, std::int64_t maxSize) {
    if (!entry.is_object())
        return Error{"invalid manifest: a descriptor is not an object"};
    Descriptor descriptor{text(entry, "mediaType"), text(entry, "digest")};
    const auto size = entry.find("size");
    if (!isDigest(descriptor.digest))
        return Error{"invalid manifest: unsupported digest \"" + descriptor.digest + "\""};
    if (size == entry.end() || !size->is_number_integer() || size->get<std::int64_t>() < 0 ||
        size->get<std::int64_t>() > maxSize)
        return Error{"invalid manifest: the size of " + descriptor.digest + " is missing or over " +
                     std::to_string(maxSize) + " bytes"};
    descriptor.size = size->get<std::int64_t>();
    return descriptor;
}

// The registry's error document as the daemon words it ("manifest unknown: manifest unknown"),
// errcode's "<code in lower case>: <message>".
std::string registryError(const HttpAnswer& answer) {
    const Json document = Json::parse(answer.body, nullptr, false);
    if (document.is_object() && document.contains("errors") && document["errors"].is_array() &&
        !document["errors"].empty() && document["errors"][0].is_object()) {
        std::string code = text(document["errors"][0], "code");
        std::transform(code.begin(), code.end(), code.begin(),
                       [](char c) { return c == '_' ? ' ' : char(std::tolower(c)); });
        return code + ": " + text(document["errors"][0], "message");
    }
    return "unexpected status code " + std::to_string(answer.status);
}

class Fetch {
public:
    Fetch(RegistryHttp& http, const docker::ImageReference& reference, PullNews& news)
        : m_http(http), m_reference(reference), m_news(news) {}

    Expected<FetchedImage> run(const std::string& localImageId) {
        auto ping = m_http.get({m_reference.domain, "/v2/"}, "", kManifestBytes);
        if (!ping)
            return ping.error();
        if (ping->status == 401)
            return Error{"the registry " + m_reference.domain +
                         " asks for a login, which the real backend does not do"};
        auto manifest = resolveManifest();
        if (!manifest)
            return manifest.error();
        m_news.manifestFound(m_digest);
        auto config = blob(manifest->first, kConfigBytes, "image config");
        if (!config)
            return config.error();
        if (manifest->first.digest == localImageId)
            return FetchedImage{true, {}};
        return pullLayers(manifest->second, std::move(*config));
    }

private:
    // The tag's manifest (through an index to this platform's): its config and layers. m_digest
    // becomes the digest of what the tag names.
    Expected<std::pair<Descriptor, std::vector<Descriptor>>> resolveManifest() {
        const std::string tagOrDigest =
            m_reference.digest.empty() ? m_reference.tag : m_reference.digest;
        auto document = manifest(tagOrDigest, m_reference.digest);
        if (!document)
            return document.error();
        m_digest = m_fetchedDigest;
        if (m_fetchedType == kDockerList || m_fetchedType == kOciIndex) {
            auto entry = platformEntry(*document);
            if (!entry)
                return entry.error();
            document = manifest(entry->digest, entry->digest);
            if (!document)
                return document.error();
            if (m_fetchedType != kDockerManifest && m_fetchedType != kOciManifest)
                return Error{"unsupported manifest media type \"" + m_fetchedType +
                             "\" in the manifest list"};
        }
        if (!document->contains("config") || !document->contains("layers") ||
            !(*document)["layers"].is_array())
            return Error{"invalid manifest: no config or no layers"};
        auto config = descriptorOf((*document)["config"], kConfigBytes);
        if (!config)
            return config.error();
        if (!oneOf(kConfigTypes, config->mediaType))
            return Error{"unsupported config media type \"" + config->mediaType + "\""};
        std::vector<Descriptor> layers;
        if ((*document)["layers"].size() > limits::kImageLayers)
            return Error{"max depth exceeded"};
        for (const Json& entry : (*document)["layers"]) {
            auto layer = descriptorOf(entry, std::int64_t(limits::kImageLayerBytes));
            if (!layer)
                return layer.error();
            if (!oneOf(kLayerTypes, layer->mediaType))
                return Error{"unsupported layer media type \"" + layer->mediaType + "\""};
            layers.push_back(*layer);
        }
        return std::make_pair(*config, layers);
    }

    // GET of a manifest, checked: a known media type, valid JSON, the digest it must have.
    Expected<Json> manifest(const std::string& tagOrDigest, const std::string& expectedDigest) {
        const std::string accept = std::string(kDockerManifest) + ", " + std::string(kDockerList) +
                                   ", " + std::string(kOciManifest) + ", " + std::string(kOciIndex);
        auto answer = m_http.get(
            {m_reference.domain, "/v2/" + m_reference.path + "/manifests/" + tagOrDigest}, accept,
            kManifestBytes);
        if (!answer)
            return answer.error();
        if (answer->status != 200) {
            const std::string error = registryError(*answer);
            if (error.starts_with("manifest unknown") || error.starts_with("name unknown"))
                return Error{Registries::manifestUnknown(m_reference)};
            return Error{error};
        }
        m_fetchedDigest = "sha256:" + sha256Hex(answer->body);
        if (!expectedDigest.empty() && m_fetchedDigest != expectedDigest)
            return Error{"manifest verification failed for digest " + expectedDigest};
        if (!answer->contentDigest.empty() && answer->contentDigest != m_fetchedDigest)
            return Error{"manifest verification failed for digest " + answer->contentDigest};
        Json document = Json::parse(answer->body, nullptr, false);
        if (!document.is_object())
            return Error{"invalid manifest: not a JSON object"};
        m_fetchedType = text(document, "mediaType");
        if (m_fetchedType.empty())
            m_fetchedType = answer->contentType;
        if (m_fetchedType != kDockerManifest && m_fetchedType != kDockerList &&
            m_fetchedType != kOciManifest && m_fetchedType != kOciIndex)
            return Error{"unsupported manifest media type \"" + m_fetchedType + "\""};
        return document;
    }

    // The index's entry for linux on this machine's architecture.
    Expected<Descriptor> platformEntry(const Json& index) {
        const auto entries = index.find("manifests");
        if (entries != index.end() && entries->is_array())
            for (const Json& entry : *entries) {
                const auto platform = entry.is_object() ? entry.find("platform") : entry.end();
                if (platform != entry.end() && platform->is_object() &&
                    text(*platform, "os") == "linux" &&
                    text(*platform, "architecture") == kArchitecture)
                    return descriptorOf(entry, kManifestBytes);
            }
        return Error{"no matching manifest for linux/" + std::string(kArchitecture) +
                     " in the manifest list entries"};
    }

    // GET of a blob, checked against its descriptor's size and digest (Docker's words for what
    // it is when not); a body past the size is cut off at kErrorBytes at least.
    Expected<std::string> blob(const Descriptor& descriptor, std::size_t maxBytes,
                               const std::string& what,
                               const std::function<void(std::size_t)>& onBytes = {}) {
        auto answer = m_http.get(
            {m_reference.domain, "/v2/" + m_reference.path + "/blobs/" + descriptor.digest}, "",
            std::min(maxBytes, std::max(kErrorBytes, std::size_t(descriptor.size))), onBytes);
        if (!answer)
            return answer.error();
        if (answer->status != 200)
            return Error{registryError(*answer)};
        if (std::int64_t(answer->body.size()) != descriptor.size ||
            "sha256:" + sha256Hex(answer->body) != descriptor.digest)
            return Error{what + " verification failed for digest " + descriptor.digest};
        return std::move(answer->body);
    }

    Expected<FetchedImage> pullLayers(const std::vector<Descriptor>& layers, std::string config) {
        std::vector<std::string> lines;
        for (const Descriptor& layer : layers) {
            lines.push_back(shortId(layer) + ": Pulling fs layer");
            m_layers.push_back(
                {shortId(layer), layer.size, false, kNotYet, kNotYet, kNotYet, kNotYet});
        }
        for (std::size_t i = kConcurrentDownloads; i < layers.size(); ++i)
            lines.push_back(shortId(layers[i]) + ": Waiting");
        m_news.layersFound(m_layers);
        m_news.progress(std::move(lines));
        std::vector<std::string> blobs;
        for (std::size_t i = 0; i < layers.size(); ++i) {
            auto content = download(i, layers[i]);
            if (!content)
                return content.error();
            blobs.push_back(std::move(*content));
            m_news.progress({shortId(layers[i]) + ": Verifying Checksum",
                             shortId(layers[i]) + ": Download complete"});
        }
        const TimePoint extractStart = m_news.now();
        for (std::size_t i = 0; i < layers.size(); ++i) {
            m_layers[i].extractStart = extractStart;
            tell(i);
        }
        auto image = imageOfBlobs(std::move(config), std::move(blobs));
        if (!image)
            return image.error();
        const TimePoint extracted = m_news.now();
        lines.clear();
        for (std::size_t i = 0; i < layers.size(); ++i) {
            m_layers[i].extracted = extracted;
            tell(i);
            lines.push_back(shortId(layers[i]) + ": Pull complete");
        }
        m_news.progress(std::move(lines));
        return FetchedImage{false, std::move(*image)};
    }

    // Layer index's blob, its bytes sampled as they come.
    Expected<std::string> download(std::size_t index, const Descriptor& descriptor) {
        const TimePoint start = m_news.now();
        m_layers[index].downloadStart = start;
        tell(index);
        ByteSample last{start, 0};
        auto content = blob(descriptor, limits::kImageLayerBytes, "filesystem layer",
                            [&](std::size_t received) {
                                const ByteSample sample{m_news.now(), std::int64_t(received)};
                                const bool all = sample.bytes == descriptor.size;
                                if (sample.bytes <= last.bytes ||
                                    (!all && (sample.bytes - last.bytes < kSampleBytes ||
                                              sample.at - last.at < kSampleInterval)))
                                    return;
                                last = sample;
                                tell(index, {sample});
                            });
        if (content) {
            m_layers[index].downloaded = m_news.now(); // its digest was verified
            tell(index);
        }
        return content;
    }

    // Tells layer index's times as they stand, with the samples received since its last news.
    void tell(std::size_t index, std::vector<ByteSample> received = {}) {
        LayerPull news = m_layers[index];
        news.received = std::move(received);
        m_news.layerMoved(index, std::move(news));
    }

    static std::string shortId(const Descriptor& descriptor) {
        return descriptor.digest.substr(7, 12);
    }

    RegistryHttp& m_http;
    const docker::ImageReference& m_reference;
    PullNews& m_news;
    std::string m_digest;        // what the tag names
    std::string m_fetchedDigest; // of the last manifest fetched
    std::string m_fetchedType;
    std::vector<LayerPull> m_layers; // each layer's times so far (its samples go to m_news)
};

} // namespace

Expected<FetchedImage> fetchImage(RegistryHttp& http, const docker::ImageReference& reference,
                                  const std::string& localImageId, PullNews& news) {
    return Fetch(http, reference, news).run(localImageId);
}

} // namespace lab::real
