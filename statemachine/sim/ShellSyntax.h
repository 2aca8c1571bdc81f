#pragma once
// The part of busybox sh's language the simulation runs: simple commands with quoting and
// $-expansions, `;` `&` `&&` `||` `!`, while/until/if/for, `{ }`, and redirections of fd 1/2 to
// each other or to files. Anything else (pipes, subshells, command substitution, case,
// functions) is refused at parse time with a message saying it is not simulated, so a script is
// never run half-understood.

#include "base/Expected.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lab::shell {

/// A piece of a word: literal text, a parameter ($x, ${x}, $?), or an arithmetic $((...)).
struct WordPart {
    enum class Kind { Text, Param, Arith };
    Kind kind = Kind::Text;
    std::string text; ///< the literal, the parameter name, or the expression
    bool quoted = false;
};
/// One word as written, before expansion.
using Word = std::vector<WordPart>;

/// `N>&M` (dup) or `N> file` / `N>> file` for N in {1, 2}.
struct Redirect {
    int fd = 1;
    int dupTo = 0; ///< 1 or 2 for a dup; 0 for a file
    Word file;
    bool append = false; ///< `>>`: the file keeps what it held
};

struct Node;
/// Syntax trees are immutable and shared: a trap action may be replaced while it runs.
using NodePtr = std::shared_ptr<const Node>;

/// One node of the syntax tree; which fields matter depends on kind.
struct Node {
    enum class Kind { Simple, List, AndOr, Not, While, Until, If, For, Group };
    Kind kind = Kind::Simple;
    std::vector<std::pair<std::string, Word>> assignments; ///< Simple: NAME=value before the words
    std::vector<Word> words;         ///< Simple: argv; For: the list after `in`
    std::vector<Redirect> redirects; ///< Simple
    /// List: the items; AndOr: the operands; While/Until: condition, body; If: condition, body,
    /// condition, body, ... [else body]; For: body; Not, Group: the one child.
    std::vector<NodePtr> children;
    std::vector<bool> flags; ///< List: item runs in the background (`&`); AndOr: operator is `&&`
    std::string name;        ///< For: the loop variable
    bool forHasIn = false;   ///< For: `in` given (else it loops over "$@")
};

/// Parses a script; errors read as busybox prints them after "sh: " ("syntax error: ...").
Expected<NodePtr> parse(std::string_view script);

/// A container's programs, each parsed once: a container that restarts runs the same script
/// again, and parsing it anew was most of what a restart cost (docs/PERFORMANCE.md, scale).
class ParsedScripts {
public:
    /// parse(script), from memory after the first time.
    const Expected<NodePtr>& parse(std::string_view script);

private:
    std::map<std::string, Expected<NodePtr>, std::less<>> m_parsed;
};

} // namespace lab::shell
