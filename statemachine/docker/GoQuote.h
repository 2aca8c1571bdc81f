#pragma once
// The COMMAND column of docker ps: the daemon joins path and arguments (quoting arguments that
// hold a space), the CLI cuts the result to 20 display columns with "…" and Go-quotes it.

#include <string>
#include <string_view>
#include <vector>

namespace lab::docker {

/// Go's strconv.Quote: double quotes, \a \b \f \n \r \t \v \\ \" escapes, \xNN for other
/// control bytes and invalid UTF-8, \uNNNN for non-printable code points; printable
/// Unicode stays as it is.
std::string goQuote(std::string_view text);

/// docker's formatter.Ellipsis: at most maxWidth display columns, the last one "…" when cut.
std::string ellipsis(std::string_view text, int maxWidth);

/// The API's Command field: "path arg1 'arg with space'" (container/view.go).
std::string apiCommand(std::string_view path, const std::vector<std::string>& args);

/// The COMMAND cell: "\"sleep 1000\"", cut to 20 columns first unless noTrunc.
std::string commandColumn(std::string_view command, bool noTrunc = false);

} // namespace lab::docker
