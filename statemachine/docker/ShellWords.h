#pragma once
// Reads a console line into words the way a POSIX shell would before it runs docker, so a
// learner can paste `docker ps -a --format '{{.Names}} {{.Status}}'` as they would in a terminal.
// Only quoting is done: no expansion of $VAR, globs or ~, no comments, no operators.

#include "base/Expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace lab::docker {

/// Splits on blanks outside quotes; handles '...', "..." (where \ escapes only $ ` " \ and
/// newline) and \ outside quotes. An unterminated quote is an error with bash's wording.
Expected<std::vector<std::string>> splitShellWords(std::string_view line);

} // namespace lab::docker
