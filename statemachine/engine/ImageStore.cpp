#include "engine/ImageStore.h"

#include "base/Sha256.h"

#include <algorithm>
#include <cstdint>

namespace lab {
namespace {

// The canonical text an image's identity is hashed from.
std::string describe(const ImageSpec& spec) {
    std::string text = "cmd";
    for (const auto& word : spec.cmd)
        text += '\x1f' + word;
    text += "\x1e"
            "entrypoint";
    for (const auto& word : spec.entrypoint)
        text += '\x1f' + word;
    text += "\x1e"
            "stopsignal\x1f" +
            spec.stopSignal +
            "\x1e"
            "layers";
    for (const auto& layer : spec.layers)
        text += '\x1f' + std::to_string(layer.size);
    text += "\x1e"
            "files";
    for (const auto& [path, content] : spec.files)
        text += '\x1f' + path + '\x1d' + content;
    if (!spec.deletedFiles.empty()) // only commits delete: the other images keep their IDs
        text += "\x1e"
                "deleted";
    for (const auto& path : spec.deletedFiles)
        text += '\x1f' + path;
    if (spec.created)
        text += "\x1e"
                "created\x1f" +
                std::to_string(spec.created->time_since_epoch().count());
    return text;
}

} // namespace

std::int64_t Image::size() const {
    // A world file may declare sizes up to 2^53 each: the sum is held at INT64_MAX rather than
    // wrapping to a negative size.
    std::int64_t total = 0;
    for (const auto& layer : spec.layers)
        if (__builtin_add_overflow(total, layer.size, &total))
            return INT64_MAX;
    return total;
}

std::string imageIdOf(const ImageSpec& spec) {
    return "sha256:" + sha256Hex("image\x1e" + describe(spec));
}

std::string layerDigestOf(const ImageSpec& spec, std::size_t index) {
    return "sha256:" + sha256Hex("layer\x1e" + std::to_string(index) + "\x1e" + describe(spec));
}

std::string ImageStore::key(const ImageReference& reference) {
    return reference.domain + '/' + reference.path + ':' + reference.tag + '@' + reference.digest;
}

Image& ImageStore::add(const ImageSpec& spec, const ImageReference& tag, TimePoint now) {
    Image& image = store(spec, now);
    this->tag(image, tag);
    return image;
}

Image& ImageStore::store(const ImageSpec& spec, TimePoint now, const Image* parent) {
    const std::string id = imageIdOf(spec);
    Image*& image = m_byId[id];
    if (!image) {
        image = &make(id, spec, now);
        std::size_t inherited = 0;
        if (parent) {
            image->parent = parent->id;
            image->layerDigests = parent->layerDigests;
            inherited = parent->layerDigests.size();
        }
        for (std::size_t i = inherited; i < spec.layers.size(); ++i)
            image->layerDigests.push_back(layerDigestOf(spec, i));
    }
    return *image;
}

Image& ImageStore::storeArchived(const ImageSpec& spec, const std::string& id,
                                 const std::vector<std::string>& layerDigests, TimePoint now) {
    Image*& image = m_byId[id];
    if (!image) {
        image = &make(id, spec, now);
        image->layerDigests = layerDigests;
    }
    return *image;
}

Image& ImageStore::storeCommitted(const ImageSpec& spec, const CommittedImage& committed,
                                  TimePoint now, const Image& parent) {
    Image*& image = m_byId[committed.id];
    if (!image) {
        image = &make(committed.id, spec, now);
        image->parent = parent.id;
        image->layerDigests = parent.layerDigests;
        if (!committed.diffId.empty())
            image->layerDigests.push_back(committed.diffId);
    }
    return *image;
}

Image& ImageStore::make(const std::string& id, const ImageSpec& spec, TimePoint now) {
    auto made = std::make_unique<Image>();
    made->id = id;
    made->spec = spec;
    made->created = spec.created.value_or(now);
    m_images.push_back(std::move(made));
    return *m_images.back();
}

void ImageStore::tag(const Image& image, const ImageReference& tag) {
    untag(tag);
    Image& named = *m_byId.at(image.id);
    named.tags.push_back(tag);
    m_byTag[key(tag)] = &named;
}

bool ImageStore::untag(const ImageReference& tag) {
    const auto previous = m_byTag.find(key(tag));
    if (previous == m_byTag.end())
        return false;
    std::erase_if(previous->second->tags, [&](const ImageReference& t) { return t == tag; });
    m_byTag.erase(previous);
    return true;
}

std::vector<std::string> ImageStore::remove(const std::string& id) {
    const auto found = m_byId.find(id);
    if (found == m_byId.end())
        return {};
    for (const auto& tag : std::vector<ImageReference>(found->second->tags))
        untag(tag);
    const std::vector<std::string> layers = found->second->layerDigests;
    m_byId.erase(found);
    std::erase_if(m_images, [&](const auto& image) { return image->id == id; });
    std::vector<std::string> gone;
    for (auto layer = layers.rbegin(); layer != layers.rend(); ++layer)
        if (!hasLayer(*layer))
            gone.push_back(*layer);
    return gone;
}

std::vector<const Image*> ImageStore::children(const std::string& id) const {
    std::vector<const Image*> found;
    for (const auto& image : m_images)
        if (image->parent == id)
            found.push_back(image.get());
    return found;
}

const Image* ImageStore::find(const ImageReference& reference) const {
    const auto found = m_byTag.find(key(reference));
    return found == m_byTag.end() ? nullptr : found->second;
}

const Image* ImageStore::findById(std::string_view idOrPrefix) const {
    std::string hex(idOrPrefix.starts_with("sha256:") ? idOrPrefix.substr(7) : idOrPrefix);
    if (hex.empty() || hex.find_first_not_of("0123456789abcdef") != std::string::npos)
        return nullptr;
    const Image* found = nullptr;
    for (const auto& image : m_images) {
        if (image->id.compare(7, hex.size(), hex) == 0) {
            if (found)
                return nullptr; // ambiguous
            found = image.get();
        }
    }
    return found;
}

bool ImageStore::hasLayer(const std::string& digest) const {
    return std::any_of(m_images.begin(), m_images.end(), [&](const auto& image) {
        return std::find(image->layerDigests.begin(), image->layerDigests.end(), digest) !=
               image->layerDigests.end();
    });
}

std::vector<const Image*> ImageStore::images() const {
    std::vector<const Image*> all;
    for (const auto& image : m_images)
        all.push_back(image.get());
    return all;
}

} // namespace lab
