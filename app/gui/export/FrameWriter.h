#pragma once
// Where an animation's frames go: an animated GIF through Debian's giflib, or a video through
// Debian's FFmpeg libraries (WebM with VP8 from libvpx, MP4 with H.264 from libx264). Frames
// arrive as QImage::Format_RGB32 at the size the writer was opened with.

#include "base/Expected.h"
#include "gui/export/AnimationRequest.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <memory>

namespace lab {

/// One file being written, frame after frame.
class FrameWriter {
public:
    virtual ~FrameWriter() = default;
    /// Appends one frame, shown for 1 / fps seconds.
    virtual Status add(const QImage& frame) = 0;
    /// Completes the file; nothing may be added after.
    virtual Status finish() = 0;
};

/// An animated GIF at path that loops forever.
Expected<std::unique_ptr<FrameWriter>> openGifWriter(const QString& path, QSize size, int fps);
/// A WebM or MP4 video at path.
Expected<std::unique_ptr<FrameWriter>> openVideoWriter(const QString& path, AnimationFormat format,
                                                       QSize size, int fps);

} // namespace lab
