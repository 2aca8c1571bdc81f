#pragma once
// The real backend's images as the engine sees them: the OCI image store under the state
// directory (OciStore), turned into the engine's World (tags, Cmd, Entrypoint, StopSignal, layer
// sizes) and into what a container is made from (the unpacked root filesystem, Env, WorkingDir).
// The engine names images by ID: an image the store has is found by its config's digest (Docker's
// image ID: loaded, imported, committed images); one the engine gave an ID of its own (its world's)
// by the store's image under the name the engine first gave it (named()). Names stay the engine's:
// docker tag changes nothing here, docker rmi takes the image out of the index and deletes what
// no image and no container uses any more, docker commit writes a layer, a config and a manifest.

#include "OciStore.h"
#include "engine/ImageArchive.h"
#include "engine/ImageStore.h"
#include "engine/World.h"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace lab::real {

/// What a container is made from.
struct ContainerImage {
    std::string rootfs; ///< the image unpacked, the overlay's lower directory
    ImageConfig config; ///< Env and WorkingDir for the process
};

/// What docker commit takes from the container, beyond its writable layer.
struct CommitSettings {
    std::string container; ///< its full ID
    std::vector<std::string> cmd, entrypoint, env;
    std::string stopSignal;
    std::string created; ///< RFC 3339, as the config's "created"
};

/// The local images of one state directory.
class LocalImages {
public:
    explicit LocalImages(const std::string& stateDir) : m_store(stateDir + "/images") {}
    /// Makes the store and busybox:latest in it (once; later calls find them).
    Status open() const;
    /// What an engine starts with: the local images with a name (registries are reached by
    /// RealBackend::pull, not through the world).
    World world() const;
    /// Imports the image of the OCI image layout at layoutDir as reference; what an engine's
    /// image store needs to know of it.
    Expected<LocalImageSpec> import(const std::string& layoutDir,
                                    const std::string& reference) const;
    /// Keeps an image docker load or docker import checked (engine/ImageArchive.h), under its
    /// names (or none): containers of its ID are made from its layers.
    Status store(const ArchiveImage& image) const;
    /// The engine's image id came with the name reference (its world's images): if the store has
    /// no image of that ID, its image of that name is what id means from now on.
    void named(const std::string& id, const std::string& reference);
    /// The image a container of the engine's image id is made from (unpacked now if not yet).
    Expected<ContainerImage> forContainer(const std::string& id) const;
    /// docker commit: the engine's image baseId with layer on top (nullopt: an empty diff adds
    /// none) and settings, stored without a name; its ID and the layer's diff_id.
    Expected<CommittedImage> commit(const std::string& baseId,
                                    const std::optional<std::string>& layer,
                                    const CommitSettings& settings) const;
    /// docker rmi deleted the engine's image id: unless another of the engine's IDs means the
    /// same image, it leaves the index; then blobs and root filesystems no image uses go, except
    /// those in rootfsInUse. What was deleted.
    std::vector<std::string> deleted(const std::string& id,
                                     const std::set<std::string>& rootfsInUse);
    /// A container of the engine's image id is gone: if docker rmi -f deleted that image while
    /// the container used it, its root filesystem goes now (unless in rootfsInUse).
    std::vector<std::string> released(const std::string& id,
                                      const std::set<std::string>& rootfsInUse) const;

private:
    Expected<StoredImage> resolve(const std::string& id) const;

    OciStore m_store;
    // The engine's IDs of its own (imageIdOf, a world's images) -> the store's manifest digest.
    std::map<std::string, std::string> m_manifestByEngineId;
};

} // namespace lab::real
