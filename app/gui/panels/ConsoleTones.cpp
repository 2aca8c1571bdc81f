#include "gui/panels/ConsoleTones.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <vector>

namespace lab {
namespace {

constexpr int kToneProperty = QTextFormat::UserProperty + 1;

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

} // namespace

QColor toneColour(Tone tone, const QPalette& palette) {
    switch (tone) {
    case Tone::Command:
        return palette.color(QPalette::Link);
    case Tone::Output:
    case Tone::Progress:
        return palette.color(QPalette::Text);
    case Tone::Error:
        return isDark(palette) ? QColor(0xFF, 0x8A, 0x7A) : QColor(0xB0, 0x28, 0x18);
    case Tone::Note:
        // Quieter than the output, still readable (PlaceholderText is too pale for that).
        return isDark(palette) ? QColor(0xB0, 0xB0, 0xB0) : QColor(0x5F, 0x5F, 0x5F);
    }
    return palette.color(QPalette::Text);
}

QTextCharFormat toneFormat(Tone tone, const QPalette& palette) {
    QTextCharFormat format;
    format.setForeground(toneColour(tone, palette));
    format.setProperty(kToneProperty, int(tone));
    return format;
}

Tone stderrTone(const QString& line) {
    // docker's pull output, as the CLI prints it while `run` or `pull` fetches an image.
    static const QRegularExpression progress(QStringLiteral(
        "^(Unable to find image '.*' locally|[^ ]+: Pulling from .*|[0-9a-f]{12}: (Pulling fs "
        "layer|Waiting|Downloading.*|Verifying Checksum|Download complete|Extracting.*|Pull "
        "complete|Already exists)|Digest: .*|Status: .*)$"));
    return progress.match(line).hasMatch() ? Tone::Progress : Tone::Error;
}

void recolour(QTextDocument& document, const QPalette& palette) {
    struct Piece {
        int position;
        int length;
        Tone tone;
    };
    std::vector<Piece> pieces; // read first: setting a format merges and splits fragments
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto piece = block.begin(); !piece.atEnd(); ++piece) {
            const QTextFragment fragment = piece.fragment();
            const QVariant tone = fragment.charFormat().property(kToneProperty);
            if (tone.isValid())
                pieces.push_back({fragment.position(), fragment.length(), Tone(tone.toInt())});
        }
    QTextCursor cursor(&document);
    cursor.beginEditBlock();
    for (const Piece& piece : pieces) {
        cursor.setPosition(piece.position);
        cursor.setPosition(piece.position + piece.length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(toneFormat(piece.tone, palette));
    }
    cursor.endEditBlock();
}

} // namespace lab
