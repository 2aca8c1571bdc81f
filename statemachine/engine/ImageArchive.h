#pragma once
// Image archives, as `docker load` and `docker import` read them: outside input, checked whole
// in memory (libarchive parses the tar and its compression) before anything is stored.
//  - docker save's format: manifest.json ([{Config, RepoTags, Layers}]), the config, one tar per
//    layer; the OCI image layout: oci-layout, index.json, blobs/sha256/<hex>. A blob named by its
//    digest must hash to it; each layer, uncompressed, must hash to the config's diff_id; the
//    image ID is the config's digest, as Docker computes it.
//  - a layer's entries stay inside the image: an absolute path, a ".." component, a hard link to
//    either, an entry below a symbolic link of the same layer, and device nodes are refused.
//  - sizes are bounded (base/Limits.h); a truncated or damaged tar answers Go's archive/tar words
//    as Docker prints them.

#include "base/Expected.h"
#include "docker/ImageReference.h"
#include "engine/World.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace lab {

/// One layer, checked.
struct ArchiveLayer {
    std::string diffId;    ///< "sha256:" + the hash of the uncompressed tar
    std::string tar;       ///< the uncompressed tar
    std::int64_t size = 0; ///< bytes of its regular files (what `docker images` adds up)
    std::map<std::string, std::string> files; ///< absolute path -> content (small files)
    std::set<std::string> deleted;            ///< absolute paths its whiteouts delete
};

/// One image of an archive, checked.
struct ArchiveImage {
    std::string id;     ///< "sha256:" + the config's digest
    std::string config; ///< the config document, byte for byte
    ImageSpec spec;     ///< what the engine keeps: Cmd, Entrypoint, StopSignal, layers, files
    std::vector<ArchiveLayer> layers;         ///< bottom first
    std::vector<docker::ImageReference> tags; ///< the names the archive gives it
};

/// The images of a `docker save` or OCI layout archive (plain, gzip, bzip2 or xz).
Expected<std::vector<ArchiveImage>> readImageArchive(std::string_view bytes);

/// `docker import`: a root filesystem tarball becomes a one-layer image whose config the daemon
/// writes (created at `created`, "Imported from -"), as Docker's does.
Expected<ArchiveImage> importRootfs(std::string_view bytes, TimePoint created);

/// docker pull: the image of a config and its layer blobs as a registry served them (each
/// already checked against its digest), checked as an archive's image is.
Expected<ArchiveImage> imageOfBlobs(std::string config, std::vector<std::string> layerBlobs);

/// One layer tar (plain or compressed), checked; an error names the entry.
Expected<ArchiveLayer> readLayer(std::string_view bytes);

} // namespace lab
