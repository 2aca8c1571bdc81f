#pragma once
// Word expansion as busybox sh does it for the supported subset: parameters, $((arithmetic)),
// field splitting of unquoted expansions on blanks, quote removal. No globbing (the simulated
// container has no files to match).

#include "sim/ShellSyntax.h"

#include <functional>
#include <optional>

namespace lab::shell {

/// Where expansions read from: a lookup for single parameters and the positional list for "$@".
struct Parameters {
    std::function<std::optional<std::string>(const std::string& name)> lookup;
    std::vector<std::string> positional; ///< $1, $2, ...
};

/// Expands words to the argument fields of a command.
Expected<std::vector<std::string>> expandFields(const std::vector<Word>& words,
                                                const Parameters& params);
/// Expands one word without field splitting (assignments, redirection targets).
Expected<std::string> expandWord(const Word& word, const Parameters& params);
/// Evaluates $((...)): integers, variables, + - * / % ( ) and comparisons.
Expected<long long> arithmetic(std::string_view expression, const Parameters& params);

} // namespace lab::shell
