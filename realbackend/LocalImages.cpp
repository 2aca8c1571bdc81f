#include "LocalImages.h"

#include "base/Sha256.h"
#include "docker/ImageReference.h"

#include <nlohmann/json.hpp>

namespace lab::real {
namespace {

LocalImageSpec localImageSpec(const StoredImage& image) {
    auto reference = docker::parseImageReference(image.reference, docker::ReferenceGrammar::Engine);
    LocalImageSpec spec;
    spec.tags = {reference ? reference->familiar() : image.reference};
    spec.image.cmd = image.config.cmd;
    spec.image.entrypoint = image.config.entrypoint;
    spec.image.stopSignal = image.config.stopSignal;
    for (std::int64_t size : image.layerSizes)
        spec.image.layers.push_back(LayerSpec{size});
    return spec;
}

// daemon/commit.go: the base's config with the container's settings, one more history entry
// (empty_layer when the diff added none) and the new layer's diff_id, if any.
Expected<std::string> committedConfig(const std::string& baseConfig, const std::string& diffId,
                                      const CommitSettings& settings) {
    using Json = nlohmann::ordered_json;
    Json config = Json::parse(baseConfig, nullptr, false);
    if (!config.is_object())
        return Error{"not a JSON object"};
    Json& container = config["config"];
    if (!container.is_object())
        container = Json::object();
    const auto list = [](const std::vector<std::string>& words) {
        return words.empty() ? Json(nullptr) : Json(words);
    };
    container["Env"] = list(settings.env);
    container["Cmd"] = list(settings.cmd);
    container["Entrypoint"] = list(settings.entrypoint);
    if (settings.stopSignal.empty())
        container.erase("StopSignal");
    else
        container["StopSignal"] = settings.stopSignal;
    config["container"] = settings.container;
    config["created"] = settings.created;
    Json history{{"created", settings.created}};
    if (diffId.empty())
        history["empty_layer"] = true;
    if (!config["history"].is_array())
        config["history"] = Json::array();
    config["history"].push_back(history);
    Json& rootfs = config["rootfs"];
    if (!rootfs.is_object() || !rootfs["diff_ids"].is_array())
        rootfs = Json{{"type", "layers"}, {"diff_ids", Json::array()}};
    if (!diffId.empty())
        rootfs["diff_ids"].push_back(diffId);
    // A setting that is not UTF-8 (an -e value) is written with U+FFFD, as the store's index is.
    return config.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace

Status LocalImages::open() const {
    if (auto made = m_store.init(); !made)
        return made;
    return m_store.makeBusybox();
}

World LocalImages::world() const {
    World world;
    for (const StoredImage& image : m_store.images())
        if (!image.reference.empty())
            world.images.push_back(localImageSpec(image));
    return world;
}

Expected<LocalImageSpec> LocalImages::import(const std::string& layoutDir,
                                             const std::string& reference) const {
    if (auto imported = m_store.importLayout(layoutDir, reference); !imported)
        return imported.error().context("importing " + layoutDir);
    auto image = m_store.find(reference);
    if (!image)
        return image.error();
    return localImageSpec(*image);
}

Status LocalImages::store(const ArchiveImage& image) const {
    std::vector<std::string> layers, references;
    for (const ArchiveLayer& layer : image.layers)
        layers.push_back(layer.tar);
    for (const docker::ImageReference& tag : image.tags)
        references.push_back(tag.full());
    return m_store.store(image.config, layers, references);
}

void LocalImages::named(const std::string& id, const std::string& reference) {
    if (resolve(id))
        return;
    if (auto image = m_store.find(reference))
        m_manifestByEngineId[id] = image->manifestDigest;
}

Expected<StoredImage> LocalImages::resolve(const std::string& id) const {
    const auto alias = m_manifestByEngineId.find(id);
    if (alias == m_manifestByEngineId.end())
        return m_store.findById(id);
    for (StoredImage& image : m_store.images())
        if (image.manifestDigest == alias->second)
            return std::move(image);
    return Error{"No such image: " + id, ErrorCode::NotFound};
}

Expected<ContainerImage> LocalImages::forContainer(const std::string& id) const {
    auto image = resolve(id);
    if (!image)
        return image.error();
    auto rootfs = m_store.rootfs(*image);
    if (!rootfs)
        return rootfs.error();
    return ContainerImage{*rootfs, image->config};
}

Expected<CommittedImage> LocalImages::commit(const std::string& baseId,
                                             const std::optional<std::string>& layer,
                                             const CommitSettings& settings) const {
    auto base = resolve(baseId);
    if (!base)
        return base.error();
    auto baseConfig = m_store.config(*base);
    if (!baseConfig)
        return baseConfig.error();
    CommittedImage committed;
    if (layer)
        committed.diffId = "sha256:" + sha256Hex(*layer);
    auto config = committedConfig(*baseConfig, committed.diffId, settings);
    if (!config)
        return config.error().context("the config of " + baseId);
    if (Status stored = m_store.store(
            *config, layer ? std::vector{*layer} : std::vector<std::string>{}, {}, &*base);
        !stored)
        return stored.error();
    committed.id = "sha256:" + sha256Hex(*config);
    return committed;
}

std::vector<std::string> LocalImages::deleted(const std::string& id,
                                              const std::set<std::string>& rootfsInUse) {
    auto image = resolve(id);
    m_manifestByEngineId.erase(id);
    if (!image)
        return {};
    for (const auto& [otherId, manifest] : m_manifestByEngineId)
        if (manifest == image->manifestDigest)
            return {}; // the engine still has it under another ID of its own
    if (!m_store.forget(image->manifestDigest))
        return {};
    return m_store.collectGarbage(rootfsInUse);
}

std::vector<std::string> LocalImages::released(const std::string& id,
                                               const std::set<std::string>& rootfsInUse) const {
    if (resolve(id))
        return {};
    return m_store.collectGarbage(rootfsInUse);
}

} // namespace lab::real
