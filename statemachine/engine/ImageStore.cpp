#include "engine/ImageStore.h"

#include "base/Sha256.h"

#include <algorithm>

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
    if (spec.created)
        text += "\x1e"
                "created\x1f" +
                std::to_string(spec.created->time_since_epoch().count());
    return text;
}

} // namespace

std::int64_t Image::size() const {
    std::int64_t total = 0;
    for (const auto& layer : spec.layers)
        total += layer.size;
    return total;
}

std::string imageIdOf(const ImageSpec& spec) {
    return "sha256:" + sha256Hex("image\x1e" + describe(spec));
}

std::string layerDigestOf(const ImageSpec& spec, std::size_t index) {
    return "sha256:" + sha256Hex("layer\x1e" + std::to_string(index) + "\x1e" + describe(spec));
}

Image& ImageStore::add(const ImageSpec& spec, const ImageReference& tag, TimePoint now) {
    for (auto& image : m_images)
        std::erase_if(image->tags, [&](const ImageReference& t) { return t == tag; });
    const std::string id = imageIdOf(spec);
    auto existing = std::find_if(m_images.begin(), m_images.end(),
                                 [&](const auto& image) { return image->id == id; });
    if (existing == m_images.end()) {
        auto image = std::make_unique<Image>();
        image->id = id;
        image->spec = spec;
        image->created = spec.created.value_or(now);
        for (std::size_t i = 0; i < spec.layers.size(); ++i)
            image->layerDigests.push_back(layerDigestOf(spec, i));
        m_images.push_back(std::move(image));
        existing = std::prev(m_images.end());
    }
    (*existing)->tags.push_back(tag);
    return **existing;
}

const Image* ImageStore::find(const ImageReference& reference) const {
    for (const auto& image : m_images)
        for (const auto& tag : image->tags)
            if (tag == reference)
                return image.get();
    return nullptr;
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
