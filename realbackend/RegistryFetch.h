#pragma once
// docker pull's conversation with a registry (the OCI distribution protocol, as Docker 20.10's
// distribution/pull_v2.go holds it): GET /v2/, the tag's manifest (OCI or Docker v2 schema 2; an
// index or manifest list gives the linux/amd64 entry's), the config, then each layer blob. Every
// document and blob is checked against its digest and size before anything uses it, and the
// image as a whole as docker load checks an archive's (engine/ImageArchive.h). Runs on a worker
// thread; what it reports goes through a PullNews.

#include "RegistryHttp.h"
#include "base/Expected.h"
#include "docker/ImageReference.h"
#include "engine/ImageArchive.h"
#include "engine/Pull.h"

#include <string>
#include <vector>

namespace lab::real {

/// What the fetch tells as it goes (called on the worker thread).
class PullNews {
public:
    virtual ~PullNews() = default;
    /// The tag's manifest is in: its digest ("sha256:...").
    virtual void manifestFound(const std::string& digest) = 0;
    /// The daemon's progress lines ("<12-hex layer>: Download complete", ...).
    virtual void progress(std::vector<std::string> lines) = 0;
    /// The layers to fetch, bottom first: short ID and size, no phase reached (kNotYet).
    virtual void layersFound(std::vector<LayerPull> layers) = 0;
    /// Layer index (of layersFound's) moved on: its phase times as they stand now, and in
    /// layer.received the bytes received since its last news.
    virtual void layerMoved(std::size_t index, LayerPull layer) = 0;
    /// Engine time (called on the worker thread).
    virtual TimePoint now() const = 0;
};

/// What the fetch brought.
struct FetchedImage {
    bool upToDate = false; ///< the config is localImageId's: nothing was downloaded
    ArchiveImage image;    ///< the image, checked (unless upToDate)
};

/// Pulls reference's image over http; localImageId ("sha256:...", or empty) is the image the
/// reference names locally now. An error is the daemon's words (ErrorCode::RegistryUnreachable
/// when the registry did not answer).
Expected<FetchedImage> fetchImage(RegistryHttp& http, const docker::ImageReference& reference,
                                  const std::string& localImageId, PullNews& news);

} // namespace lab::real
