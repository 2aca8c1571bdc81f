#pragma once
// Splits shell text into words and operators, keeping quoting per piece of each word (the
// expander needs it for field splitting). Internal to the shell parser.

#include "sim/ShellSyntax.h"

namespace lab::shell {

/// A word (Text), an operator (";", "&&", ">&", "\n", ...) or the end of the text.
struct Token {
    enum class Type { Text, Op, End };
    Type type = Type::End;
    std::string op;    ///< Op: the operator text
    Word word;         ///< Word: its parts
    std::string raw;   ///< Word: the text when the whole word is unquoted literal text (keywords)
    int ioNumber = -1; ///< Op: the fd written before a redirection (`2>&1`), -1 if none
};

/// The tokens of a script, ending with an End token.
Expected<std::vector<Token>> tokenize(std::string_view script);

} // namespace lab::shell
