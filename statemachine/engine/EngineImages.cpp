// docker tag, rmi, diff, commit and container prune: what the daemon does with images and the
// containers' writable layers (docs/DOCKER-BEHAVIOUR.md §10.4; moby's daemon/images/
// image_delete.go for rmi's conflict rules).
#include "engine/Engine.h"

#include <algorithm>

namespace lab {
namespace {

std::string shortImageId(const std::string& id) {
    return id.substr(7, 12);
}

bool runs(const Container& container) {
    const ContainerState state = container.state();
    return state == ContainerState::Running || state == ContainerState::Paused ||
           state == ContainerState::Restarting;
}

// isImageIDPrefix: what was typed is the start of the image's ID, with or without "sha256:".
bool typedAsId(const Image& image, std::string_view typed) {
    return std::string_view(image.id).starts_with(typed) ||
           std::string_view(image.id).substr(7).starts_with(typed);
}

// The conflicts a deletion meets, as bits of a mask, in the daemon's order of checking; the hard
// ones not even -f overrides.
constexpr unsigned kDependentChild = 1;
constexpr unsigned kRunningContainer = 2;
constexpr unsigned kActiveReference = 4;
constexpr unsigned kStoppedContainer = 8;
constexpr unsigned kHard = kDependentChild | kRunningContainer;
constexpr unsigned kSoft = kActiveReference | kStoppedContainer;

} // namespace

std::optional<Engine::DeleteConflict> Engine::deleteConflict(const Image& image,
                                                             unsigned mask) const {
    const auto firstUser = [&](bool running) -> const Container* {
        for (const auto& [sequence, container] : m_creationOrder)
            if (container->config.imageId == image.id && runs(*container) == running)
                return container;
        return nullptr;
    };
    const auto conflict = [&](bool hard, bool used, const std::string& why) {
        return DeleteConflict{
            used, Error{"conflict: unable to delete " + shortImageId(image.id) + " (" +
                            (hard ? "cannot be forced" : "must be forced") + ") - " + why,
                        ErrorCode::Conflict}};
    };
    if ((mask & kDependentChild) && !m_images.children(image.id).empty())
        return conflict(true, false, "image has dependent child images");
    if (mask & kRunningContainer)
        if (const Container* user = firstUser(true))
            return conflict(true, true,
                            "image is being used by running container " + user->shortId());
    if ((mask & kActiveReference) && !image.tags.empty())
        return conflict(false, false, "image is referenced in multiple repositories");
    if (mask & kStoppedContainer)
        if (const Container* user = firstUser(false))
            return conflict(false, true,
                            "image is being used by stopped container " + user->shortId());
    return std::nullopt;
}

Expected<const Image*> Engine::findImage(std::string_view typed) const {
    auto reference = docker::parseImageReference(typed, docker::ReferenceGrammar::Engine);
    if (reference)
        if (const Image* image = m_images.find(*reference))
            return image;
    if (const Image* image = m_images.findById(typed))
        return image;
    if (!reference)
        return Error{reference.error().message, ErrorCode::Invalid};
    return Error{"No such image: " + reference->familiar(), ErrorCode::NotFound};
}

Status Engine::tag(std::string_view source, const ImageReference& target) {
    if (Status allowed = m_backend.canChangeImages(); !allowed)
        return allowed;
    auto image = findImage(source);
    if (!image)
        return image.error();
    m_images.tag(**image, target);
    publishImageEvent("tag", (*image)->id, {{"name", target.familiar()}});
    return Ok{};
}

Expected<std::vector<std::string>> Engine::removeImage(std::string_view typed, bool force) {
    if (Status allowed = m_backend.canChangeImages(); !allowed)
        return allowed.error();
    auto found = findImage(typed);
    if (!found)
        return found.error();
    const Image& image = **found;
    const std::string id = image.id;
    std::vector<std::string> lines;
    // isSingleReference: one tag (and the digest reference of its repository, which the lab
    // derives from it).
    const bool singleReference = image.tags.size() == 1;
    bool quiet = false;
    if (!typedAsId(image, typed)) {
        // A name was given: it goes first, unless it is the image's last one and a container
        // uses the image (the image would be left dangling under it).
        if (!force && singleReference)
            for (const auto& [sequence, container] : m_creationOrder)
                if (container->config.imageId == id)
                    return Error{"conflict: unable to remove repository reference \"" +
                                     std::string(typed) + "\" (must force) - container " +
                                     container->shortId() + " is using its referenced image " +
                                     shortImageId(id),
                                 ErrorCode::Conflict};
        untag(id, *docker::parseImageReference(typed, docker::ReferenceGrammar::Engine), lines);
        if (!image.tags.empty())
            return lines;
        quiet = true;
    } else if (singleReference) {
        // By ID: the names go with the image, so they are no conflict.
        const unsigned mask = force ? kHard : kHard | (kSoft & ~kActiveReference);
        if (auto conflict = deleteConflict(image, mask))
            return conflict->error;
        untag(id, image.tags.front(), lines);
    }
    if (Status deleted = deleteImage(id, force, quiet, lines); !deleted)
        return deleted.error();
    return lines;
}

void Engine::untag(const std::string& id, const ImageReference& tag,
                   std::vector<std::string>& lines) {
    m_images.untag(tag);
    publishImageEvent("untag", id, {{"name", id}});
    lines.push_back("Untagged: " + tag.familiar());
    // The last tag of a repository takes the repository's digest reference with it.
    const Image& image = *m_images.findById(id);
    const bool lastOfRepository =
        std::none_of(image.tags.begin(), image.tags.end(),
                     [&](const ImageReference& other) { return other.name() == tag.name(); });
    if (lastOfRepository && !image.repoDigest.empty())
        lines.push_back("Untagged: " + tag.familiarName() + "@" + image.repoDigest);
}

Status Engine::deleteImage(const std::string& id, bool force, bool quiet,
                           std::vector<std::string>& lines) {
    const Image& image = *m_images.findById(id);
    if (auto conflict = deleteConflict(image, force ? kHard : kHard | kSoft)) {
        const bool dangling = image.tags.empty() && m_images.children(id).empty();
        if (quiet && (!dangling || conflict->used))
            return Ok{}; // what was asked (the untag) is done; the image stays
        return conflict->error;
    }
    const std::string parent = image.parent;
    for (const ImageReference& tag : std::vector<ImageReference>(image.tags))
        untag(id, tag, lines);
    const std::vector<std::string> layers = m_images.remove(id);
    m_backend.imageDeleted(id);
    publishImageEvent("delete", id, {{"name", id}});
    lines.push_back("Deleted: " + id);
    for (const std::string& layer : layers)
        lines.push_back("Deleted: " + layer);
    // The parent a commit was made from goes too, when nothing else holds it.
    if (parent.empty() || !m_images.findById(parent))
        return Ok{};
    return deleteImage(parent, false, true, lines);
}

Expected<std::vector<FileChange>> Engine::changes(const Container& container) const {
    auto layer = m_backend.writableLayer(container);
    if (!layer)
        return layer.error();
    return layer->changes;
}

Expected<const Image*> Engine::commit(Container& container,
                                      const std::optional<ImageReference>& tag) {
    if (Status allowed = m_backend.canChangeImages(); !allowed)
        return allowed.error();
    auto layer = m_backend.writableLayer(container);
    if (!layer)
        return layer.error();
    const Image* base = m_images.findById(container.config.imageId);
    if (!base)
        return Error{"the image of container " + container.name + " is gone", ErrorCode::NotFound};
    ImageSpec spec = base->spec;
    spec.created = m_clock.now();
    spec.cmd = container.config.cmd; // the container's config becomes the image's
    spec.entrypoint = container.config.entrypoint;
    spec.stopSignal = container.config.stopSignal;
    const bool addsLayer = !layer->changes.empty(); // an empty diff adds no layer
    if (addsLayer) {
        spec.layers.push_back(LayerSpec{layer->size()});
        for (const auto& [path, content] : layer->written) {
            spec.files[path] = content;
            spec.deletedFiles.erase(path);
        }
        for (const std::string& path : layer->deleted) {
            spec.files.erase(path);
            spec.deletedFiles.insert(path);
        }
    }
    auto kept = m_backend.commitImage(container, spec, addsLayer);
    if (!kept)
        return kept.error();
    const Image& image = *kept ? m_images.storeCommitted(spec, **kept, m_clock.now(), *base)
                               : m_images.store(spec, m_clock.now(), base);
    std::string imageRef;
    if (tag) {
        m_images.tag(image, *tag);
        publishImageEvent("tag", image.id, {{"name", tag->familiar()}});
        imageRef = tag->familiar();
    }
    DockerEvent event = containerEvent(container, "commit");
    event.attributes.insert({{"comment", ""}, {"imageID", image.id}, {"imageRef", imageRef}});
    logEvent(std::move(event));
    return &image;
}

Engine::PruneReport Engine::pruneContainers() {
    PruneReport report;
    std::vector<std::pair<std::string, CallHandle>> removals;
    std::vector<std::int64_t> sizes;
    for (const Container* listed : containers()) {
        if (runs(*listed))
            continue;
        Container& container = *m_byId.at(listed->id);
        auto layer = m_backend.writableLayer(container);
        sizes.push_back(layer ? layer->size() : 0);
        removals.emplace_back(
            container.id,
            command(container, CommandEvent{Command::Remove, m_clock.now()}, container.id));
    }
    runUntil([&] {
        return std::all_of(removals.begin(), removals.end(),
                           [](const auto& removal) { return removal.second->finished(); });
    });
    for (std::size_t i = 0; i < removals.size(); ++i) {
        // A removal that failed or never finished is left out, as the daemon logs and skips it.
        if (!removals[i].second->finished() || !removals[i].second->result().has_value())
            continue;
        report.deleted.push_back(removals[i].first);
        report.reclaimed += sizes[i];
    }
    logEvent(DockerEvent{m_clock.now(),
                         "container",
                         "prune",
                         "",
                         {{"reclaimed", std::to_string(report.reclaimed)}}});
    return report;
}

} // namespace lab
