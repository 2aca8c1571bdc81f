#include "docker/GoQuote.h"

#include "docker/DisplayWidth.h"

#include <algorithm>
#include <cstdio>

namespace lab::docker {
namespace {

// Go's unicode.IsPrint, approximated without Unicode tables: controls, format characters,
// separators other than the ASCII space, private use and noncharacters are not printable.
bool isPrintable(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        return false;
    if (c == 0xA0 || c == 0xAD || c == 0x061C || c == 0x1680 || c == 0x180E)
        return false;
    if ((c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
        (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF)
        return false;
    if ((c >= 0xE000 && c <= 0xF8FF) || (c >= 0xFFF9 && c <= 0xFFFB) || c >= 0xF0000)
        return false;
    return (c & 0xFFFE) != 0xFFFE; // U+xxFFFE and U+xxFFFF are noncharacters
}

void appendHex(std::string& out, const char* format, unsigned value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, format, value);
    out += buffer;
}

// Byte length of the valid UTF-8 sequence at text[i], or 0 when the byte starts none.
std::size_t sequenceLength(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || i + length > text.size())
        return 0;
    const auto decoded = decodeUtf8(text.substr(i, length));
    return decoded.size() == 1 && decoded.front() != 0xFFFD ? length : 0;
}

} // namespace

std::string goQuote(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            switch (byte) {
            case '\a':
                out += "\\a";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\v':
                out += "\\v";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '"':
                out += "\\\"";
                break;
            default:
                if (byte < 0x20 || byte == 0x7F)
                    appendHex(out, "\\x%02x", byte);
                else
                    out += static_cast<char>(byte);
            }
            ++i;
            continue;
        }
        const std::size_t length = sequenceLength(text, i);
        if (length == 0) {
            appendHex(out, "\\x%02x", byte);
            ++i;
            continue;
        }
        const char32_t c = decodeUtf8(text.substr(i, length)).front();
        if (isPrintable(c))
            out.append(text.substr(i, length));
        else
            appendHex(out, c < 0x10000 ? "\\u%04x" : "\\U%08x", static_cast<unsigned>(c));
        i += length;
    }
    return out + "\"";
}

std::string ellipsis(std::string_view text, int maxWidth) {
    if (maxWidth <= 0)
        return "";
    // ASCII, which a ps table is mostly made of: one column a byte, no decoding needed.
    const bool ascii = std::all_of(text.begin(), text.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii && maxWidth > 1) {
        const auto width = static_cast<std::size_t>(maxWidth);
        if (text.size() <= width)
            return std::string(text);
        return std::string(text.substr(0, width - 1)) + "…";
    }
    const std::vector<char32_t> runes = decodeUtf8(text);
    const auto join = [&](std::size_t count) {
        std::string out;
        for (std::size_t i = 0; i < count; ++i)
            appendUtf8(out, runes[i]);
        return out;
    };
    if (maxWidth == 1)
        return runes.empty() ? std::string() : join(1);
    // Here every character counts one column except the wide ones (combining marks too).
    std::size_t width = 0;
    std::size_t keep = 0; // characters that fit in maxWidth - 1 columns
    for (std::size_t i = 0; i < runes.size(); ++i) {
        width += isWideCodePoint(runes[i]) ? 2 : 1;
        if (width <= static_cast<std::size_t>(maxWidth - 1))
            keep = i + 1;
    }
    // Docker gives up (and keeps the text) when not even the first character fits.
    if (width <= static_cast<std::size_t>(maxWidth) || keep == 0)
        return std::string(text);
    return join(keep) + "…";
}

std::string apiCommand(std::string_view path, const std::vector<std::string>& args) {
    std::string out(path);
    for (const std::string& arg : args)
        out += " " + (arg.find(' ') != std::string::npos ? "'" + arg + "'" : arg);
    return out;
}

std::string commandColumn(std::string_view command, bool noTrunc) {
    return goQuote(noTrunc ? std::string(command) : ellipsis(command, 20));
}

} // namespace lab::docker
