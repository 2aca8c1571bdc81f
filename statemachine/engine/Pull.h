#pragma once
// A simulated image pull: when each layer is queued, downloaded and extracted, and what the
// daemon's progress stream says about it (reference section 4.2, non-TTY rendering). Downloads
// run three at a time, as the daemon's max-concurrent-downloads default; extraction goes layer
// by layer, bottom first. The plan is per layer, so a view can draw one progress bar per layer
// at any engine time; the progress lines are rendered from the same plan.

#include "base/Time.h"
#include "engine/ImageStore.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lab {

/// Progress lines that appear at the same moment.
struct PullBatch {
    TimePoint at{};
    std::vector<std::string> lines; ///< "<12-hex layer>: Pull complete", ...
};

/// The bytes of a layer received by an engine time (a real download's record).
struct ByteSample {
    TimePoint at{};
    std::int64_t bytes = 0;
};

/// A phase a real pull has not reached yet.
inline constexpr TimePoint kNotYet = TimePoint::max();

/// One layer's way through the pull.
struct LayerPull {
    std::string shortId;        ///< the 12 hex digits the progress lines name
    std::int64_t size = 0;      ///< bytes
    bool alreadyExists = false; ///< the layer is local: nothing to fetch
    TimePoint
        downloadStart{};    ///< a download slot took it (it waited before, if later than the start)
    TimePoint downloaded{}; ///< checksum verified
    TimePoint extractStart{}; ///< downloaded and its parent extracted
    TimePoint extracted{};    ///< "Pull complete"
    /// A real download's bytes as they came, in time order; empty (the plan): the download runs
    /// at a steady rate from downloadStart to downloaded.
    std::vector<ByteSample> received{};
};

/// Where a layer stands at a moment of the pull.
enum class LayerPhase { Waiting, Downloading, Extracting, Complete, AlreadyExists };

/// A layer's phase and how far through that phase it is.
struct LayerProgress {
    LayerPhase phase = LayerPhase::Waiting;
    double fraction = 0; ///< 0..1 within the phase (1 once Complete or AlreadyExists)
};

/// The whole pull, planned from its start.
struct PullPlan {
    TimePoint start{};
    std::vector<LayerPull> layers;  ///< bottom layer first
    std::vector<PullBatch> batches; ///< in time order
    std::string digest;             ///< the manifest digest, "sha256:..."
    bool upToDate = false;          ///< the same image is already local: nothing to download
};

/// Simulated network and disk speeds, bytes per second.
inline constexpr double kDownloadBytesPerSecond = 20e6;
inline constexpr double kExtractBytesPerSecond = 100e6;

/// Plans pulling spec into store, starting at start.
PullPlan planPull(const ImageSpec& spec, const ImageStore& store, TimePoint start);

/// Where layer stands at engine time now; a download with received samples is as far as the
/// bytes received by then (interpolated between samples).
LayerProgress progressAt(const LayerPull& layer, TimePoint now);

} // namespace lab
