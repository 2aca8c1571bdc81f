#pragma once
// A pull that a backend does from a real registry itself (the real backend, over HTTP), as the
// daemon's progress stream reports it: filled in as engine time passes, by outcomes the backend
// posts on the clock, never from inside the call that started it.

#include "base/Expected.h"
#include "engine/ImageArchive.h"
#include "engine/Pull.h"

#include <optional>
#include <string>
#include <vector>

namespace lab {

/// One pull in flight, as the run flow reads it.
struct RegistryPull {
    /// The daemon's progress lines so far ("<12-hex layer>: Pulling fs layer", ...), without
    /// "<tag>: Pulling from" and the closing "Digest:" and "Status:" lines the engine prints.
    std::vector<std::string> progress;
    /// Each layer's way so far, bottom first, with the bytes received as they came (a phase not
    /// reached yet is kNotYet), once the manifest named the layers.
    std::vector<LayerPull> layers;
    bool manifestFound = false; ///< the registry served the tag's manifest
    std::string digest;         ///< the manifest digest, "sha256:...", once it was found
    bool upToDate = false; ///< the reference names this image (config digest) already: no layers
    std::optional<ArchiveImage> image; ///< every layer in, each checked: the pulled image
    /// Why the pull failed (ErrorCode::RegistryUnreachable: no answer from the registry).
    std::optional<Error> failure;

    /// True once nothing more will arrive.
    bool finished() const { return upToDate || image.has_value() || failure.has_value(); }
};

/// What a backend needs to start a pull.
struct RegistryPullRequest {
    docker::ImageReference reference;
    std::string localImageId; ///< the image the reference names now ("sha256:..."), or empty
};

} // namespace lab
