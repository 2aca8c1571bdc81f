#pragma once
// docker's output formatter (cli/command/formatter): how a --format value becomes text, for
// any list command, and the container (ps) specifics: default formats and column headers.

#include "base/Expected.h"
#include "docker/TemplateValue.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lab::docker {

/// docker ps's default table: ID, image, command, created, status, ports, names.
inline constexpr std::string_view kContainerTableFormat =
    "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

/// The format docker ps runs for --format `source` (NewContainerFormat): "" and "table" give
/// the default table ("{{.ID}}" when quiet, plus "\t{{.Size}}" with --size), "raw" the
/// key: value listing, anything else itself (or "{{.ID}}" when quiet).
std::string containerFormat(std::string_view source, bool quiet, bool size);

/// The header of a ps column ("RunningFor" -> "CREATED", "ID" -> "CONTAINER ID"); a field
/// without one heads its column with "".
std::string containerHeader(std::string_view field);

/// The header row's data for ps tables: every column answers its header, and
/// {{.Label "com.example.some-key"}} answers "some key", as docker's HeaderContext does.
TemplateValue containerHeaderContext();

/// Renders rows as docker's Context.Write does: a "table" format has its prefix cut, blanks
/// trimmed and literal \t and \n turned into tabs and newlines; each row is executed and
/// ends in a newline; a table gets its header row (headerFunctions) and the tab writer.
/// Errors are Go's, coded TemplateParse or TemplateExec; docker's Context.Write words both
/// "template parsing error: <Go's error>" (cli::printFormatted).
Expected<std::string> renderFormat(std::string_view format, const TemplateValue& header,
                                   const std::vector<TemplateValue>& rows);
/// The same with the rows made one at a time, row(0) to row(count - 1), each dropped once
/// rendered: the 10,000 rows of a big ps are never all held at once, so the heap stays small.
Expected<std::string> renderFormat(std::string_view format, const TemplateValue& header,
                                   std::size_t count,
                                   const std::function<TemplateValue(std::size_t)>& row);

} // namespace lab::docker
