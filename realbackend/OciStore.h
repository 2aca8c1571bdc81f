#pragma once
// The real backend's local images, on disk in the OCI image layout (image-spec v1.0): under
// <state>/images, "oci-layout", "index.json" (one manifest per image, its
// "org.opencontainers.image.ref.name" the full reference, "docker.io/library/busybox:latest")
// and "blobs/sha256/<hex>" (manifests, configs, layer tarballs), so a layout written by standard
// tools (skopeo copy ... oci:dir, buildah push ... oci:dir) can be imported. Every blob is
// checked against its digest and size when it is imported and again when it is used. A
// container's lowerdir is the image unpacked (layers applied in order, LayerTar.h) into
// <state>/images/rootfs/<manifest hex>, made on first use.
// busybox:latest is made offline from Debian's busybox-static: its root filesystem is built in a
// scratch directory, written as one layer tarball, and stored like any other image.

#include "base/Expected.h"

#include <cstdint>
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
    std::string reference; ///< full: "docker.io/library/busybox:latest"
    std::string manifestDigest;
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
    /// blobs, a manifest, the index entries (a reference another image had moves).
    Status store(const std::string& config, const std::vector<std::string>& layers,
                 const std::vector<std::string>& references) const;
    /// Imports, as reference, the image of the OCI layout at layoutDir: its only manifest, or the
    /// one whose ref.name is the reference or its tag. Blobs are checked against their digests.
    Status importLayout(const std::string& layoutDir, const std::string& reference) const;
    /// The image's unpacked root filesystem (unpacked now if it is not yet); "No such image"
    /// when the store does not have it.
    Expected<std::string> rootfs(const std::string& reference) const;
    /// The image's config; "No such image" when the store does not have it.
    Expected<StoredImage> find(const std::string& reference) const;
    /// Every image, in index order.
    std::vector<StoredImage> images() const;

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
