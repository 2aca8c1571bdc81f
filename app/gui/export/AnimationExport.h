#pragma once
// An animation written to its file: SessionAnimation's frames into the request's format. The
// file appears whole or not at all: frames go to a hidden file beside it, renamed over the
// output once complete; a failure or a cancel removes it, and an existing output is kept.

#include "base/Expected.h"
#include "gui/export/AnimationRequest.h"

#include <functional>

namespace lab {

class SessionAnimation;

/// Called after each frame with the frames done and the total; false cancels the export.
using ExportProgress = std::function<bool(int done, int total)>;

/// What was written.
struct ExportSummary {
    int frames = 0;
    qint64 bytes = 0;
};

/// Writes animation's frames (after animation.begin(request)) to request.output; the error
/// names the file and the reason ("cancelled" when progress said stop).
Expected<ExportSummary> writeAnimation(SessionAnimation& animation, const AnimationRequest& request,
                                       const ExportProgress& progress = {});

} // namespace lab
