// Animated GIF through giflib. Each frame stores only the rectangle that changed since the one
// before (the rest stays on screen), with a palette of its own made by giflib's median cut
// (GifQuantizeBuffer) over that rectangle: a diagram's few flat colours and their anti-aliased
// edges stay clean, and a frame where nothing moved costs a few bytes.
#include "gui/export/FrameWriter.h"

#include <QRect>
#include <array>
#include <cmath>
#include <gif_lib.h>
#include <vector>

namespace lab {
namespace {

Error gifError(int code) {
    return Error{GifErrorString(code)};
}

// The smallest rectangle holding every pixel that differs between two frames of one size.
QRect changedArea(const QImage& before, const QImage& after) {
    int top = after.height(), bottom = -1, left = after.width(), right = -1;
    for (int y = 0; y < after.height(); ++y) {
        const auto* old = reinterpret_cast<const QRgb*>(before.constScanLine(y));
        const auto* now = reinterpret_cast<const QRgb*>(after.constScanLine(y));
        int first = 0;
        while (first < after.width() && old[first] == now[first])
            ++first;
        if (first == after.width())
            continue;
        int last = after.width() - 1;
        while (old[last] == now[last])
            --last;
        top = std::min(top, y);
        bottom = y;
        left = std::min(left, first);
        right = std::max(right, last);
    }
    return bottom < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}

class GifWriter final : public FrameWriter {
public:
    GifWriter(GifFileType* gif, int fps) : m_gif(gif), m_fps(fps) {}
    ~GifWriter() override {
        if (m_gif)
            EGifCloseFile(m_gif, nullptr);
    }
    GifWriter(const GifWriter&) = delete;
    GifWriter& operator=(const GifWriter&) = delete;

    Status add(const QImage& frame) override {
        QRect area = m_previous.isNull() ? frame.rect() : changedArea(m_previous, frame);
        if (area.isEmpty())
            area = QRect(0, 0, 1, 1); // a frame must hold a pixel: the same one again
        if (const Status delayed = putDelay(); !delayed)
            return delayed;
        if (const Status put = putImage(frame, area); !put)
            return put;
        m_previous = frame;
        return Ok{};
    }

    Status finish() override {
        int code = 0;
        GifFileType* gif = std::exchange(m_gif, nullptr);
        if (EGifCloseFile(gif, &code) == GIF_ERROR)
            return gifError(code);
        return Ok{};
    }

    Status putLoop() {
        // The NETSCAPE2.0 application block: loop for ever (browsers and slide software read it).
        static const char application[] = "NETSCAPE2.0";
        static const unsigned char loop[] = {1, 0, 0};
        if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
            EGifPutExtensionBlock(m_gif, 11, application) == GIF_ERROR ||
            EGifPutExtensionBlock(m_gif, 3, loop) == GIF_ERROR ||
            EGifPutExtensionTrailer(m_gif) == GIF_ERROR)
            return gifError(m_gif->Error);
        return Ok{};
    }

private:
    // GIF delays are hundredths of a second: frame n ends at round((n + 1) * 100 / fps).
    Status putDelay() {
        const auto end = [this](int frame) { return int(std::lround(frame * 100.0 / m_fps)); };
        GraphicsControlBlock control{};
        control.DisposalMode = DISPOSE_DO_NOT;
        control.DelayTime = end(m_frames + 1) - end(m_frames);
        control.TransparentColor = NO_TRANSPARENT_COLOR;
        ++m_frames;
        GifByteType extension[4];
        const size_t length = EGifGCBToExtension(&control, extension);
        if (EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, int(length), extension) == GIF_ERROR)
            return gifError(m_gif->Error);
        return Ok{};
    }

    Status putImage(const QImage& frame, QRect area) {
        const std::size_t pixels = std::size_t(area.width()) * std::size_t(area.height());
        std::vector<GifByteType> red(pixels), green(pixels), blue(pixels), indices(pixels);
        std::size_t at = 0;
        for (int y = area.top(); y <= area.bottom(); ++y) {
            const auto* line = reinterpret_cast<const QRgb*>(frame.constScanLine(y));
            for (int x = area.left(); x <= area.right(); ++x, ++at) {
                red[at] = GifByteType(qRed(line[x]));
                green[at] = GifByteType(qGreen(line[x]));
                blue[at] = GifByteType(qBlue(line[x]));
            }
        }
        ColorMapObject* palette = GifMakeMapObject(256, nullptr);
        if (!palette)
            return Error{"out of memory"};
        int colours = 256;
        Status written = Ok{};
        if (GifQuantizeBuffer(unsigned(area.width()), unsigned(area.height()), &colours, red.data(),
                              green.data(), blue.data(), indices.data(),
                              palette->Colors) == GIF_ERROR ||
            EGifPutImageDesc(m_gif, area.x(), area.y(), area.width(), area.height(), false,
                             palette) == GIF_ERROR ||
            EGifPutLine(m_gif, indices.data(), int(pixels)) == GIF_ERROR)
            written = gifError(m_gif->Error);
        GifFreeMapObject(palette);
        return written;
    }

    GifFileType* m_gif;
    int m_fps;
    int m_frames = 0;
    QImage m_previous;
};

} // namespace

Expected<std::unique_ptr<FrameWriter>> openGifWriter(const QString& path, QSize size, int fps) {
    int code = 0;
    GifFileType* gif = EGifOpenFileName(path.toLocal8Bit().constData(), false, &code);
    if (!gif)
        return gifError(code);
    auto writer = std::make_unique<GifWriter>(gif, fps);
    EGifSetGifVersion(gif, true); // GIF89a: delays and the loop
    if (EGifPutScreenDesc(gif, size.width(), size.height(), 8, 0, nullptr) == GIF_ERROR)
        return gifError(gif->Error);
    if (const Status looped = writer->putLoop(); !looped)
        return looped.error();
    return std::unique_ptr<FrameWriter>(std::move(writer));
}

} // namespace lab
