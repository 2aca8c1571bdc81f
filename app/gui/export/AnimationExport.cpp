#include "gui/export/AnimationExport.h"

#include "gui/export/FrameWriter.h"
#include "gui/export/SessionAnimation.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>

namespace lab {

Expected<ExportSummary> writeAnimation(SessionAnimation& animation, const AnimationRequest& request,
                                       const ExportProgress& progress) {
    const QFileInfo output(request.output);
    QTemporaryFile partial(output.absoluteDir().filePath(QLatin1Char('.') + output.fileName() +
                                                         QStringLiteral(".XXXXXX.part")));
    if (!partial.open())
        return Error{"cannot write " + request.output.toStdString() + ": " +
                     partial.errorString().toStdString()};
    partial.close(); // the writers open it by name; the QTemporaryFile removes it unless renamed
    // A temporary file is private to its owner; the animation is a file like any other.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(QFile::encodeName(partial.fileName()).constData(), 0666 & ~mask);
    const QString path = partial.fileName();
    Expected<std::unique_ptr<FrameWriter>> writer =
        request.format == AnimationFormat::Gif
            ? openGifWriter(path, request.size, request.fps)
            : openVideoWriter(path, request.format, request.size, request.fps);
    const std::string writing = "cannot write " + request.output.toStdString();
    if (!writer)
        return writer.error().context(writing);
    const int total = animation.frameCount();
    for (int done = 1; done <= total; ++done) {
        if (const Status added = (*writer)->add(animation.nextFrame()); !added)
            return added.error().context(writing);
        if (progress && !progress(done, total))
            return Error{"export of " + request.output.toStdString() + " cancelled"};
    }
    if (const Status finished = (*writer)->finish(); !finished)
        return finished.error().context(writing);
    writer->reset();
    if (!request.overwrite && output.exists())
        return Error{request.output.toStdString() + " appeared meanwhile: it is kept"};
    if (std::rename(QFile::encodeName(path).constData(),
                    QFile::encodeName(request.output).constData()) != 0)
        return Error{"cannot write " + request.output.toStdString() + ": " + std::strerror(errno)};
    partial.setAutoRemove(false);
    return ExportSummary{total, QFileInfo(request.output).size()};
}

} // namespace lab
