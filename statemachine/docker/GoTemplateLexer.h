#pragma once
// Tokens of Go template text (internal to GoTemplate): the lexer of text/template, reduced to
// what the parser here understands, with its error texts.

#include "base/Expected.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lab::docker {

/// One lexical item.
struct TemplateToken {
    /// Item types, as text/template names them.
    enum class Type {
        Text,
        LeftDelim,
        RightDelim,
        Space,
        Field,
        Variable,
        Identifier,
        Keyword,
        Dot,
        Nil,
        Bool,
        Number,
        String,
        RawString,
        CharConstant,
        Char,
        Pipe,
        LeftParen,
        RightParen,
        Assign,
        Declare,
        Eof
    } type = Type::Eof;
    std::string value;   ///< source text of the item
    std::size_t pos = 0; ///< byte offset in the template
};

/// Splits template text into tokens; on a lexical error, the error names the offending
/// byte offset through `errorPos` and carries Go's message ("unclosed action").
Expected<std::vector<TemplateToken>> lexTemplate(std::string_view text, std::size_t& errorPos);

/// Go's %#U: "U+007D '}'" for printable characters, "U+000A" otherwise.
std::string goRuneName(char32_t c);

} // namespace lab::docker
