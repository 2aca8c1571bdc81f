#pragma once
// The real backend's images as the engine sees them: the OCI image store under the state
// directory (OciStore), turned into the engine's World (tags, Cmd, Entrypoint, StopSignal, layer
// sizes) and into what a container is made from (the unpacked root filesystem, Env, WorkingDir).

#include "OciStore.h"
#include "engine/ImageArchive.h"
#include "engine/World.h"

#include <string>

namespace lab::real {

/// What a container is made from.
struct ContainerImage {
    std::string rootfs; ///< the image unpacked, the overlay's lower directory
    ImageConfig config; ///< Env and WorkingDir for the process
};

/// The local images of one state directory.
class LocalImages {
public:
    explicit LocalImages(const std::string& stateDir) : m_store(stateDir + "/images") {}
    /// Makes the store and busybox:latest in it (once; later calls find them).
    Status open() const;
    /// What an engine starts with: the local images, and a docker.io that answers that pulling
    /// is not built yet, so `docker run` of another image walks the run flow's local lookup to a
    /// clear error.
    World world() const;
    /// Imports the image of the OCI image layout at layoutDir as reference; what an engine's
    /// image store needs to know of it.
    Expected<LocalImageSpec> import(const std::string& layoutDir,
                                    const std::string& reference) const;
    /// Keeps an image docker load or docker import checked (engine/ImageArchive.h), under its
    /// names: containers of those names are made from its layers.
    Status store(const ArchiveImage& image) const;
    /// The image a container of reference is made from (unpacked now if it is not yet).
    Expected<ContainerImage> forContainer(const std::string& reference) const;

private:
    OciStore m_store;
};

} // namespace lab::real
