#pragma once
// The real backend's local images, on disk in the OCI image layout (image-spec v1.0): under
// <state>/images, "oci-layout", "index.json" (one manifest per image, its
// "org.opencontainers.image.ref.name" the full reference, "docker.io/library/busybox:latest")
// and "blobs/sha256/<hex>" (manifests, configs, layer tarballs), so a layout written by standard
// tools (skopeo copy ... oci:dir, buildah push ... oci:dir) can be imported. Every blob is
// checked against its digest and size when it is imported and again when it is used. A
// container's lowerdir is the image unpacked (layers applied in order, LayerTar.h) into
// <state>/images/rootfs/<manifest hex>, made on first use. An image is found by its name or by
// its ID (the config's digest); what no image uses any more can be collected (docker rmi).
// busybox:latest is made offline from Debian's busybox-static: its root filesystem is built in a
// scratch directory, written as one layer tarball, and stored like any other image.

#include "base/Expected.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace lab::real {

/// What an image's config says a container runs with (OCI image config "config").
struct ImageConfig {
    std::vector<std::string> cmd, entrypoint, env;
    std::string workingDir, stopSignal;
};

/// One image in the store.
struct StoredImage {
    std::string reference; ///< full: "docker.io/library/busybox:latest"; empty: no name
    std::string manifestDigest;
    std::string configDigest; ///< the image's ID, as Docker gives it
    ImageConfig config;
    std::vector<std::int64_t> layerSizes;
};

/// The store: an OCI image layout plus the unpacked root filesystems.
class OciStore {
public:
    /// The store at root (made, with its oci-layout and index.json, by init()).
    explicit OciStore(std::string root) : m_root(std::move(root)) {}
    /// Makes the layout's skeleton where missing.
    Status init() const;
    /// Stores busybox:latest from a static busybox binary (once; later calls find it).
    Status makeBusybox(const std::string& busyboxBinary = "/bin/busybox") const;
    /// Stores an image from its config and layer tarballs under each of references (full ones):
    /// blobs, a manifest, the index entries (a reference another image had moves). Without
    /// references it is kept by an index entry without a name. With below, the image is below's
    /// layers (the same blobs), then layers (docker commit).
    Status store(const std::string& config, const std::vector<std::string>& layers,
                 const std::vector<std::string>& references,
                 const StoredImage* below = nullptr) const;
    /// Imports, as reference, the image of the OCI layout at layoutDir: its only manifest, or the
    /// one whose ref.name is the reference or its tag. Blobs are checked against their digests.
    Status importLayout(const std::string& layoutDir, const std::string& reference) const;
    /// The image's unpacked root filesystem (unpacked now if it is not yet); "No such image"
    /// when the store does not have it.
    Expected<std::string> rootfs(const std::string& reference) const;
    Expected<std::string> rootfs(const StoredImage& image) const;
    /// The image's config; "No such image" when the store does not have it.
    Expected<StoredImage> find(const std::string& reference) const;
    /// The image whose config has the digest id ("sha256:..."): Docker's image ID.
    Expected<StoredImage> findById(const std::string& id) const;
    /// The image's config document, byte for byte, checked against its digest.
    Expected<std::string> config(const StoredImage& image) const;
    /// Every image, in index order (one per index entry: an image with two names twice).
    std::vector<StoredImage> images() const;
    /// Takes the image of this manifest out of the index, under every name it had.
    Status forget(const std::string& manifestDigest) const;
    /// Deletes the blobs and unpacked root filesystems no image of the index uses, except the
    /// root filesystems in rootfsInUse (a container's lower directory); only names the store
    /// gives (64 hex digits) are touched. What it deleted.
    std::vector<std::string> collectGarbage(const std::set<std::string>& rootfsInUse) const;

private:
    Expected<std::string> manifestDigestOf(const std::string& fullReference) const;
    Expected<StoredImage> describe(const std::string& reference,
                                   const std::string& manifestDigest) const;
    /// Writes content as a blob; its digest.
    Expected<std::string> storeBlob(const std::string& content) const;
    Status addToIndex(const std::string& reference, const std::string& manifestDigest,
                      std::int64_t manifestSize) const;

    std::string m_root;
};

} // namespace lab::real
