#pragma once
// A simulated image pull: when each layer is queued, downloaded and extracted, and what the
// daemon's progress stream says about it (reference section 4.2, non-TTY rendering). Downloads
// run three at a time, as the daemon's max-concurrent-downloads default; extraction goes layer
// by layer, bottom first.

#include "base/Time.h"
#include "engine/ImageStore.h"

#include <string>
#include <vector>

namespace lab {

/// Progress lines that appear at the same moment.
struct PullBatch {
    TimePoint at{};
    std::vector<std::string> lines; ///< "<12-hex layer>: Pull complete", ...
};

/// The whole pull, planned from its start.
struct PullPlan {
    std::vector<PullBatch> batches; ///< in time order
    std::string digest;             ///< the manifest digest, "sha256:..."
    bool upToDate = false;          ///< the same image is already local: nothing to download
};

/// Simulated network and disk speeds, bytes per second.
inline constexpr double kDownloadBytesPerSecond = 20e6;
inline constexpr double kExtractBytesPerSecond = 100e6;

/// Plans pulling spec into store, starting at start.
PullPlan planPull(const ImageSpec& spec, const ImageStore& store, TimePoint start);

} // namespace lab
