#pragma once
// Reading back what the exporter wrote, with the same libraries a viewer uses: a GIF's frames
// through giflib's DGifSlurp, painted one over the other as a browser shows them, and a video's
// stream through libavformat.

#include <gif_lib.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <QImage>
#include <QString>
#include <vector>

namespace lab::test {

/// A GIF as a browser shows it: every frame whole, and how long each one stays (1/100 s).
struct DecodedGif {
    QString error; ///< empty when read
    int width = 0;
    int height = 0;
    std::vector<QImage> frames;
    std::vector<int> delays;
};

inline DecodedGif decodeGif(const QString& path) {
    DecodedGif decoded;
    int code = 0;
    GifFileType* gif = DGifOpenFileName(path.toLocal8Bit().constData(), &code);
    if (!gif || DGifSlurp(gif) == GIF_ERROR) {
        decoded.error = QString::fromLatin1(GifErrorString(gif ? gif->Error : code));
        if (gif)
            DGifCloseFile(gif, &code);
        return decoded;
    }
    decoded.width = gif->SWidth;
    decoded.height = gif->SHeight;
    QImage canvas(gif->SWidth, gif->SHeight, QImage::Format_RGB32);
    canvas.fill(Qt::black);
    for (int i = 0; i < gif->ImageCount; ++i) {
        const SavedImage& image = gif->SavedImages[i];
        const GifImageDesc& area = image.ImageDesc;
        const ColorMapObject* palette = area.ColorMap ? area.ColorMap : gif->SColorMap;
        for (int y = 0; y < area.Height; ++y)
            for (int x = 0; x < area.Width; ++x) {
                const GifColorType colour = palette->Colors[image.RasterBits[y * area.Width + x]];
                canvas.setPixel(area.Left + x, area.Top + y,
                                qRgb(colour.Red, colour.Green, colour.Blue));
            }
        GraphicsControlBlock control{};
        DGifSavedExtensionToGCB(gif, i, &control);
        decoded.frames.push_back(canvas.copy());
        decoded.delays.push_back(control.DelayTime);
    }
    DGifCloseFile(gif, &code);
    return decoded;
}

/// A video's one stream as libavformat reads it.
struct ProbedVideo {
    QString error;
    QString container; ///< libavformat's name for it ("matroska,webm", "mov,mp4,...")
    AVCodecID codec = AV_CODEC_ID_NONE;
    int width = 0;
    int height = 0;
    double seconds = 0;
    int packets = 0; ///< compressed frames in the stream
};

inline ProbedVideo probeVideo(const QString& path) {
    ProbedVideo probed;
    AVFormatContext* format = nullptr;
    if (avformat_open_input(&format, path.toLocal8Bit().constData(), nullptr, nullptr) < 0) {
        probed.error = QStringLiteral("libavformat cannot open it");
        return probed;
    }
    if (avformat_find_stream_info(format, nullptr) < 0 || format->nb_streams != 1) {
        probed.error = QStringLiteral("not one readable stream");
        avformat_close_input(&format);
        return probed;
    }
    const AVCodecParameters* stream = format->streams[0]->codecpar;
    probed.container = QString::fromLatin1(format->iformat->name);
    probed.codec = stream->codec_id;
    probed.width = stream->width;
    probed.height = stream->height;
    probed.seconds = double(format->duration) / AV_TIME_BASE;
    AVPacket* packet = av_packet_alloc();
    while (av_read_frame(format, packet) >= 0) {
        ++probed.packets;
        av_packet_unref(packet);
    }
    av_packet_free(&packet);
    avformat_close_input(&format);
    return probed;
}

} // namespace lab::test
