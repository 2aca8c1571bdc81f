#pragma once
// How many terminal columns text takes, the way docker's table code measures it: East Asian
// wide and fullwidth characters take two. Shared by the tab writer and the COMMAND ellipsis.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lab::docker {

/// Decodes UTF-8 into code points; each invalid byte becomes U+FFFD, as Go's []rune(s) does.
std::vector<char32_t> decodeUtf8(std::string_view text);

/// Encodes one code point as UTF-8 and appends it.
void appendUtf8(std::string& out, char32_t codePoint);

/// True for East Asian Wide and Fullwidth code points (main blocks; emoji approximated).
bool isWideCodePoint(char32_t c);

/// Columns as go-runewidth counts them (docker's tabwriter): wide = 2, combining marks and
/// zero-width characters = 0, others = 1.
std::size_t terminalWidth(std::string_view utf8);

} // namespace lab::docker
