#include "LocalImages.h"

#include "docker/ImageReference.h"

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

} // namespace

Status LocalImages::open() const {
    if (auto made = m_store.init(); !made)
        return made;
    return m_store.makeBusybox();
}

World LocalImages::world() const {
    World world;
    for (const StoredImage& image : m_store.images())
        world.images.push_back(localImageSpec(image));
    RegistrySpec hub;
    hub.host = "docker.io";
    hub.unreachable = "the real backend cannot pull images yet: only local images run here "
                      "(import an OCI image layout)";
    world.registries = {hub};
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

Expected<ContainerImage> LocalImages::forContainer(const std::string& reference) const {
    auto rootfs = m_store.rootfs(reference);
    if (!rootfs)
        return rootfs.error();
    auto image = m_store.find(reference);
    if (!image)
        return image.error();
    return ContainerImage{*rootfs, image->config};
}

} // namespace lab::real
