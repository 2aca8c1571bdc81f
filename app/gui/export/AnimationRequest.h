#pragma once
// What an animation export is asked for: which picture (the lifecycle diagram, the run flowchart
// or the whole window), which steps of a session at which speed, and the file (GIF, WebM or MP4)
// at which frame rate and size. `lifecycle-lab export` and File > Export animation both fill one;
// every value is checked here, so both refuse the same things with the same words.

#include "base/Expected.h"

#include <QSize>
#include <QString>
#include <QStringList>
#include <cstddef>
#include <optional>

namespace lab {

/// The picture the frames show.
enum class AnimationView { Diagram, RunFlow, Window };
/// The file the frames go into: an animated GIF (giflib), WebM (VP8) or MP4 (H.264) (FFmpeg).
enum class AnimationFormat { Gif, WebM, Mp4 };

struct AnimationRequest {
    AnimationView view = AnimationView::Diagram;
    AnimationFormat format = AnimationFormat::Gif;
    QString output;
    std::size_t from = 1;          ///< the first step shown moving, counted from 1
    std::optional<std::size_t> to; ///< the last one; none: the session's last step
    double speed = 1.0;            ///< engine seconds per second of animation
    int fps = 25;                  ///< frames per second of animation
    QSize size{1280, 720};         ///< every frame's size in pixels
    bool dark = false;             ///< the dark theme (View > Dark theme)
    bool overwrite = false;        ///< replace output when it exists
};

/// The limits the checks apply.
inline constexpr double kSlowestExport = 0.1;
inline constexpr double kFastestExport = 20.0;
inline constexpr int kMostFramesPerSecond = 60;
inline constexpr int kMostGifFramesPerSecond = 50;
inline constexpr int kLargestSide = 3840;

/// "diagram", "runflow", "window" (the command line's and the dialog's words).
Expected<AnimationView> parseAnimationView(const QString& text);
QString animationViewName(AnimationView view);
/// "gif", "webm", "mp4".
Expected<AnimationFormat> parseAnimationFormat(const QString& text);
QString animationFormatName(AnimationFormat format);
/// Checks the values that do not depend on the session (speed, fps, size, output).
Status checkAnimationRequest(const AnimationRequest& request);

/// `lifecycle-lab export SESSION ...`: the session file and the request.
struct ExportInvocation {
    QString sessionFile;
    AnimationRequest request;
};

/// Reads the arguments after "export"; the error says which argument and why.
Expected<ExportInvocation> parseExportArguments(const QStringList& arguments);

/// The synopsis of the export command, for errors and --help.
QString exportUsage();

} // namespace lab
