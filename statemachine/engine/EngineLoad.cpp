// docker load and docker import: images from archives the user gives, checked whole
// (engine/ImageArchive.h) before the backend and the engine store them (docs/DOCKER-BEHAVIOUR.md
// §10.6; moby's image/tarexport/load.go and daemon/images/image_import.go).
#include "engine/Engine.h"
#include "engine/ImageArchive.h"

namespace lab {
namespace {

std::vector<std::string> diffIdsOf(const ArchiveImage& image) {
    std::vector<std::string> digests;
    for (const ArchiveLayer& layer : image.layers)
        digests.push_back(layer.diffId);
    return digests;
}

} // namespace

Expected<std::vector<std::string>> Engine::load(std::string_view archive) {
    auto images = readImageArchive(archive);
    if (!images)
        return images.error();
    std::vector<std::string> lines;
    for (const ArchiveImage& archived : *images) {
        if (Status stored = m_backend.storeImage(archived); !stored)
            return stored.error();
        const Image& image =
            m_images.storeArchived(archived.spec, archived.id, diffIdsOf(archived), m_clock.now());
        publishImageEvent("load", image.id, {{"name", image.id}});
        if (archived.tags.empty())
            lines.push_back("Loaded image ID: " + image.id);
        for (const ImageReference& tag : archived.tags) {
            // setLoadedTag: a name that moves says where it came from.
            if (const Image* old = m_images.find(tag); old && old->id != image.id)
                lines.push_back("The image " + tag.familiar() +
                                " already exists, renaming the old one with ID " + old->id +
                                " to empty string");
            m_images.tag(image, tag);
            lines.push_back("Loaded image: " + tag.familiar());
        }
    }
    return lines;
}

Expected<const Image*> Engine::importImage(std::string_view rootfs,
                                           const std::optional<ImageReference>& tag) {
    auto archived = importRootfs(rootfs, m_clock.now());
    if (!archived)
        return archived.error();
    archived->tags = tag ? std::vector<ImageReference>{*tag} : std::vector<ImageReference>{};
    if (Status stored = m_backend.storeImage(*archived); !stored)
        return stored.error();
    const Image& image =
        m_images.storeArchived(archived->spec, archived->id, diffIdsOf(*archived), m_clock.now());
    if (tag)
        m_images.tag(image, *tag);
    publishImageEvent("import", image.id, {{"name", image.id}});
    return &image;
}

} // namespace lab
