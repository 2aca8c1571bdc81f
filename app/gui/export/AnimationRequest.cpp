#include "gui/export/AnimationRequest.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QRegularExpression>
#include <array>
#include <utility>

namespace lab {
namespace {

Error refuse(const QString& message) {
    return Error{message.toStdString()};
}

constexpr std::array kViews = {std::pair{AnimationView::Diagram, "diagram"},
                               std::pair{AnimationView::RunFlow, "runflow"},
                               std::pair{AnimationView::Window, "window"}};
constexpr std::array kFormats = {std::pair{AnimationFormat::Gif, "gif"},
                                 std::pair{AnimationFormat::WebM, "webm"},
                                 std::pair{AnimationFormat::Mp4, "mp4"}};

template <typename Value, std::size_t N>
Expected<Value> pick(const std::array<std::pair<Value, const char*>, N>& known, const QString& text,
                     const char* what) {
    QStringList words;
    for (const auto& [value, word] : known) {
        if (text == QLatin1String(word))
            return value;
        words << QLatin1String(word);
    }
    return refuse(QStringLiteral("unknown %1 \"%2\" (%3)")
                      .arg(QLatin1String(what), text, words.join(QLatin1Char('|'))));
}

template <typename Value, std::size_t N>
QString nameOf(const std::array<std::pair<Value, const char*>, N>& known, Value value) {
    for (const auto& [each, word] : known)
        if (each == value)
            return QLatin1String(word);
    return {};
}

Expected<std::size_t> parseStep(const QString& option, const QString& text) {
    bool ok = false;
    const uint step = text.toUInt(&ok);
    if (!ok || step == 0)
        return refuse(
            QStringLiteral("--%1 needs a step number from 1, got \"%2\"").arg(option, text));
    return std::size_t{step};
}

Expected<QSize> parseSize(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,5})x([0-9]{1,5})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return refuse(
            QStringLiteral("--size needs WIDTHxHEIGHT (such as 1280x720), got \"%1\"").arg(text));
    return QSize(match.captured(1).toInt(), match.captured(2).toInt());
}

} // namespace

Expected<AnimationView> parseAnimationView(const QString& text) {
    return pick(kViews, text, "view");
}

QString animationViewName(AnimationView view) {
    return nameOf(kViews, view);
}

Expected<AnimationFormat> parseAnimationFormat(const QString& text) {
    return pick(kFormats, text, "format");
}

QString animationFormatName(AnimationFormat format) {
    return nameOf(kFormats, format);
}

Status checkAnimationRequest(const AnimationRequest& request) {
    if (!(request.speed >= kSlowestExport && request.speed <= kFastestExport))
        return refuse(QStringLiteral("--speed needs a number from %1 to %2, got %3")
                          .arg(kSlowestExport)
                          .arg(kFastestExport)
                          .arg(request.speed));
    if (request.fps < 1 || request.fps > kMostFramesPerSecond)
        return refuse(QStringLiteral("--fps needs a whole number from 1 to %1, got %2")
                          .arg(kMostFramesPerSecond)
                          .arg(request.fps));
    // GIF delays are hundredths of a second, and browsers slow down those under two.
    if (request.format == AnimationFormat::Gif && request.fps > kMostGifFramesPerSecond)
        return refuse(QStringLiteral("--fps %1: a GIF shows at most %2 frames a second")
                          .arg(request.fps)
                          .arg(kMostGifFramesPerSecond));
    const QSize size = request.size;
    if (size.width() < 16 || size.height() < 16 || size.width() > kLargestSide ||
        size.height() > kLargestSide)
        return refuse(QStringLiteral("--size needs each side from 16 to %1 pixels, got %2x%3")
                          .arg(kLargestSide)
                          .arg(size.width())
                          .arg(size.height()));
    // Video frames are stored as 4:2:0 (a colour sample per 2x2 pixels): even sides only.
    if (request.format != AnimationFormat::Gif && (size.width() % 2 || size.height() % 2))
        return refuse(QStringLiteral("--size %1x%2: a video needs an even width and height")
                          .arg(size.width())
                          .arg(size.height()));
    if (request.to && *request.to < request.from)
        return refuse(
            QStringLiteral("--to %1 comes before --from %2").arg(*request.to).arg(request.from));
    if (request.output.isEmpty())
        return refuse(QStringLiteral("--out needs the file to write"));
    const QFileInfo output(request.output);
    if (output.isDir())
        return refuse(QStringLiteral("%1 is a folder: --out needs a file").arg(request.output));
    if (output.exists() && !request.overwrite)
        return refuse(QStringLiteral("%1 exists: --overwrite replaces it").arg(request.output));
    return Ok{};
}

Expected<ExportInvocation> parseExportArguments(const QStringList& arguments) {
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), {}, QStringLiteral("gif|webm|mp4"));
    const QCommandLineOption out(QStringLiteral("out"), {}, QStringLiteral("FILE"));
    const QCommandLineOption view(QStringLiteral("view"), {}, QStringLiteral("VIEW"),
                                  QStringLiteral("diagram"));
    const QCommandLineOption from(QStringLiteral("from"), {}, QStringLiteral("STEP"));
    const QCommandLineOption to(QStringLiteral("to"), {}, QStringLiteral("STEP"));
    const QCommandLineOption speed(QStringLiteral("speed"), {}, QStringLiteral("X"),
                                   QStringLiteral("1"));
    const QCommandLineOption fps(QStringLiteral("fps"), {}, QStringLiteral("N"),
                                 QStringLiteral("25"));
    const QCommandLineOption size(QStringLiteral("size"), {}, QStringLiteral("WxH"),
                                  QStringLiteral("1280x720"));
    const QCommandLineOption theme(QStringLiteral("theme"), {}, QStringLiteral("light|dark"),
                                   QStringLiteral("light"));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"));
    parser.addOptions({format, out, view, from, to, speed, fps, size, theme, overwrite});
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("export")} + arguments))
        return refuse(parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return refuse(positional.isEmpty()
                          ? QStringLiteral("export needs the session file to play")
                          : QStringLiteral("unexpected argument \"%1\"").arg(positional[1]));
    ExportInvocation invocation{positional[0], {}};
    AnimationRequest& request = invocation.request;
    if (!parser.isSet(format))
        return refuse(QStringLiteral("export needs --format gif|webm|mp4"));
    for (const QCommandLineOption& once : {format, out, view, from, to, speed, fps, size, theme})
        if (parser.values(once).size() > 1)
            return refuse(QStringLiteral("--%1 given twice").arg(once.names().front()));
    const auto chosenFormat = parseAnimationFormat(parser.value(format));
    if (!chosenFormat)
        return chosenFormat.error();
    request.format = *chosenFormat;
    const auto chosenView = parseAnimationView(parser.value(view));
    if (!chosenView)
        return chosenView.error();
    request.view = *chosenView;
    request.output = parser.value(out);
    if (parser.isSet(from)) {
        const auto step = parseStep(QStringLiteral("from"), parser.value(from));
        if (!step)
            return step.error();
        request.from = *step;
    }
    if (parser.isSet(to)) {
        const auto step = parseStep(QStringLiteral("to"), parser.value(to));
        if (!step)
            return step.error();
        request.to = *step;
    }
    bool ok = false;
    request.speed = parser.value(speed).toDouble(&ok);
    if (!ok)
        return refuse(
            QStringLiteral("--speed needs a number, got \"%1\"").arg(parser.value(speed)));
    request.fps = parser.value(fps).toInt(&ok);
    if (!ok)
        return refuse(
            QStringLiteral("--fps needs a whole number, got \"%1\"").arg(parser.value(fps)));
    const auto chosenSize = parseSize(parser.value(size));
    if (!chosenSize)
        return chosenSize.error();
    request.size = *chosenSize;
    const QString themeName = parser.value(theme);
    if (themeName != QLatin1String("light") && themeName != QLatin1String("dark"))
        return refuse(QStringLiteral("--theme needs light or dark, got \"%1\"").arg(themeName));
    request.dark = themeName == QLatin1String("dark");
    request.overwrite = parser.isSet(overwrite);
    if (const Status checked = checkAnimationRequest(request); !checked)
        return checked.error();
    return invocation;
}

QString exportUsage() {
    return QStringLiteral(
        "Usage: lifecycle-lab export SESSION --format gif|webm|mp4 --out FILE "
        "[--view diagram|runflow|window] [--from STEP] [--to STEP] [--speed X] [--fps N] "
        "[--size WxH] [--theme light|dark] [--overwrite]");
}

} // namespace lab
