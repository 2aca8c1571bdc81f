// Video through Debian's FFmpeg libraries: WebM holds VP8 (libvpx), MP4 holds H.264 (libx264),
// both 4:2:0 as every browser and slide program plays them. Frames are converted from Qt's RGB32
// by libswscale, numbered 0, 1, 2... in a time base of 1 / fps.
#include "gui/export/FrameWriter.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

namespace lab {
namespace {

Error videoError(const char* what, int code) {
    char reason[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, reason, sizeof reason);
    return Error{std::string(what) + ": " + reason};
}

class VideoWriter final : public FrameWriter {
public:
    explicit VideoWriter(QString path) : m_path(std::move(path)) {}
    ~VideoWriter() override {
        sws_freeContext(m_convert);
        av_frame_free(&m_frame);
        av_packet_free(&m_packet);
        avcodec_free_context(&m_codec);
        if (m_format && m_format->pb)
            avio_closep(&m_format->pb);
        avformat_free_context(m_format);
    }
    VideoWriter(const VideoWriter&) = delete;
    VideoWriter& operator=(const VideoWriter&) = delete;

    Status open(AnimationFormat format, QSize size, int fps);

    Status add(const QImage& frame) override {
        if (const int code = av_frame_make_writable(m_frame); code < 0)
            return videoError("frame", code);
        const uint8_t* source[] = {frame.constBits()};
        const int stride[] = {int(frame.bytesPerLine())};
        sws_scale(m_convert, source, stride, 0, frame.height(), m_frame->data, m_frame->linesize);
        m_frame->pts = m_next++;
        return encode(m_frame);
    }

    Status finish() override {
        if (const Status drained = encode(nullptr); !drained)
            return drained;
        if (const int code = av_write_trailer(m_format); code < 0)
            return videoError("trailer", code);
        if (const int code = avio_closep(&m_format->pb); code < 0)
            return videoError("close", code);
        return Ok{};
    }

private:
    // Sends a frame (nullptr: the end) and writes every packet the encoder has ready.
    Status encode(const AVFrame* frame) {
        if (const int code = avcodec_send_frame(m_codec, frame); code < 0)
            return videoError("encode", code);
        for (;;) {
            const int code = avcodec_receive_packet(m_codec, m_packet);
            if (code == AVERROR(EAGAIN) || code == AVERROR_EOF)
                return Ok{};
            if (code < 0)
                return videoError("encode", code);
            av_packet_rescale_ts(m_packet, m_codec->time_base, m_stream->time_base);
            m_packet->stream_index = m_stream->index;
            if (const int written = av_interleaved_write_frame(m_format, m_packet); written < 0)
                return videoError("write", written);
        }
    }

    QString m_path;
    AVFormatContext* m_format = nullptr;
    AVCodecContext* m_codec = nullptr;
    AVStream* m_stream = nullptr;
    AVFrame* m_frame = nullptr;
    AVPacket* m_packet = nullptr;
    SwsContext* m_convert = nullptr;
    int64_t m_next = 0;
};

Status VideoWriter::open(AnimationFormat format, QSize size, int fps) {
    av_log_set_level(AV_LOG_ERROR); // the encoders' chatter (settings, statistics) is not news
    const bool webm = format == AnimationFormat::WebM;
    const char* encoderName = webm ? "libvpx" : "libx264";
    const AVCodec* encoder = avcodec_find_encoder_by_name(encoderName);
    if (!encoder)
        return Error{std::string("this FFmpeg has no ") + encoderName + " encoder"};
    const QByteArray file = m_path.toLocal8Bit();
    if (const int code = avformat_alloc_output_context2(&m_format, nullptr, webm ? "webm" : "mp4",
                                                        file.constData());
        code < 0)
        return videoError("container", code);
    m_stream = avformat_new_stream(m_format, nullptr);
    m_codec = avcodec_alloc_context3(encoder);
    m_frame = av_frame_alloc();
    m_packet = av_packet_alloc();
    if (!m_stream || !m_codec || !m_frame || !m_packet)
        return videoError("setup", AVERROR(ENOMEM));
    m_codec->width = size.width();
    m_codec->height = size.height();
    m_codec->time_base = AVRational{1, fps};
    m_codec->framerate = AVRational{fps, 1};
    m_codec->pix_fmt = AV_PIX_FMT_YUV420P;
    m_codec->gop_size = fps * 2;               // a key frame every two seconds: slides can seek
    m_codec->colorspace = AVCOL_SPC_SMPTE170M; // what libswscale converts to by default
    m_codec->color_range = AVCOL_RANGE_MPEG;
    if (webm) { // constant quality, sharp enough for a diagram's text, quick to encode
        m_codec->bit_rate = 4'000'000;
        av_opt_set(m_codec->priv_data, "crf", "8", 0);
        av_opt_set(m_codec->priv_data, "deadline", "realtime", 0);
        av_opt_set(m_codec->priv_data, "cpu-used", "8", 0);
    } else {
        av_opt_set(m_codec->priv_data, "preset", "veryfast", 0);
        av_opt_set(m_codec->priv_data, "tune", "animation", 0);
        av_opt_set(m_codec->priv_data, "crf", "20", 0);
    }
    if (m_format->oformat->flags & AVFMT_GLOBALHEADER)
        m_codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (const int code = avcodec_open2(m_codec, encoder, nullptr); code < 0)
        return videoError(encoderName, code);
    if (const int code = avcodec_parameters_from_context(m_stream->codecpar, m_codec); code < 0)
        return videoError("stream", code);
    m_stream->time_base = m_codec->time_base;
    m_frame->format = m_codec->pix_fmt;
    m_frame->width = size.width();
    m_frame->height = size.height();
    if (const int code = av_frame_get_buffer(m_frame, 0); code < 0)
        return videoError("frame", code);
    m_convert =
        sws_getContext(size.width(), size.height(), AV_PIX_FMT_RGB32, size.width(), size.height(),
                       AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr, nullptr, nullptr);
    if (!m_convert)
        return videoError("conversion", AVERROR(EINVAL));
    if (const int code = avio_open(&m_format->pb, file.constData(), AVIO_FLAG_WRITE); code < 0)
        return videoError("open", code);
    AVDictionary* options = nullptr;
    if (!webm) // the index at the front: a browser plays it while it loads
        av_dict_set(&options, "movflags", "+faststart", 0);
    const int code = avformat_write_header(m_format, &options);
    av_dict_free(&options);
    if (code < 0)
        return videoError("header", code);
    return Ok{};
}

} // namespace

Expected<std::unique_ptr<FrameWriter>> openVideoWriter(const QString& path, AnimationFormat format,
                                                       QSize size, int fps) {
    auto writer = std::make_unique<VideoWriter>(path);
    if (const Status opened = writer->open(format, size, fps); !opened)
        return opened.error();
    return std::unique_ptr<FrameWriter>(std::move(writer));
}

} // namespace lab
