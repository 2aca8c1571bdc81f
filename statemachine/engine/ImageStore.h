#pragma once
// The daemon's local images. An image is identified by the SHA-256 of its content, so the same
// world always yields the same IDs, and pulling the same content twice yields one image.

#include "docker/ImageReference.h"
#include "engine/World.h"

namespace lab {
using docker::ImageReference;
}

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lab {

/// An image on the local disk.
struct Image {
    std::string id; ///< "sha256:" + 64 hex, from the content
    ImageSpec spec;
    std::vector<ImageReference> tags;      ///< the names it answers to
    std::vector<std::string> layerDigests; ///< "sha256:..." per layer, bottom first
    std::string repoDigest;                ///< the manifest digest it was pulled with, if any
    TimePoint created{};                   ///< when it was built, or else when it arrived
    std::string parent;                    ///< the image a commit made it from; empty if none
    /// The sum of the layers' sizes, in bytes.
    std::int64_t size() const;
};

/// An image docker commit made, as a backend with a store of its own keeps it.
struct CommittedImage {
    std::string id;     ///< "sha256:" + the digest of the config it wrote: the image's ID
    std::string diffId; ///< the new layer's "sha256:...", empty when the diff added none
};

/// The image ID Docker would give this content.
std::string imageIdOf(const ImageSpec& spec);
/// The digest of layer index of this content.
std::string layerDigestOf(const ImageSpec& spec, std::size_t index);

/// All local images.
class ImageStore {
public:
    /// Stores content under a name: an image with the same content gains the tag, and the tag
    /// leaves whatever image had it before (as `docker tag` and `docker pull` do).
    Image& add(const ImageSpec& spec, const ImageReference& tag, TimePoint now);
    /// Stores content without a name; a commit's image (parent set) shares the parent's
    /// layers and adds the ones spec has beyond them.
    Image& store(const ImageSpec& spec, TimePoint now, const Image* parent = nullptr);
    /// Stores an image read from an archive (docker load, docker import): its ID is its config's
    /// digest and its layers are the archive's diff_ids.
    Image& storeArchived(const ImageSpec& spec, const std::string& id,
                         const std::vector<std::string>& layerDigests, TimePoint now);
    /// Stores the image a backend committed (Backend::commitImage): its ID is the backend's,
    /// its layers the parent's and the new one, if any.
    Image& storeCommitted(const ImageSpec& spec, const CommittedImage& committed, TimePoint now,
                          const Image& parent);
    /// Gives image a name; the name leaves whatever image had it before.
    void tag(const Image& image, const ImageReference& tag);
    /// Takes a name away; false when no image had it.
    bool untag(const ImageReference& tag);
    /// Deletes an image (its names must be gone); answers the layers no other image uses, top
    /// first, which went with it.
    std::vector<std::string> remove(const std::string& id);
    /// The images made from this one (docker commit's children).
    std::vector<const Image*> children(const std::string& id) const;
    /// The image a reference names, if any.
    const Image* find(const ImageReference& reference) const;
    /// The image with this ID ("sha256:..." or bare hex), or an unambiguous ID prefix.
    const Image* findById(std::string_view idOrPrefix) const;
    /// True when a layer with this digest is already on disk.
    bool hasLayer(const std::string& digest) const;
    /// Every image, oldest first.
    std::vector<const Image*> images() const;

private:
    static std::string key(const ImageReference& reference);
    // A new image with this ID and content, not indexed yet.
    Image& make(const std::string& id, const ImageSpec& spec, TimePoint now);

    std::vector<std::unique_ptr<Image>> m_images;
    // Indexes, so that a world of thousands of images loads in linear time.
    std::map<std::string, Image*> m_byId;
    std::map<std::string, Image*> m_byTag; ///< by key(reference)
};

} // namespace lab
