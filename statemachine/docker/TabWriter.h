#pragma once
// Go's text/tabwriter (docker's copy, which measures cells in terminal columns), as docker's
// table formatter drives it: the whole table is written, then flushed once.

#include <string>
#include <string_view>

namespace lab::docker {

/// The Writer's settings; the defaults are docker's tabwriter.NewWriter(out, 10, 1, 3, ' ', 0).
struct TabWriterOptions {
    int minWidth = 10;  ///< minimal column width, padding included
    int padding = 3;    ///< added to the widest cell of a column
    char padChar = ' '; ///< padding byte (tab padding is not supported)
};

/// Aligns tab-terminated cells into columns (elastic tabstops): each column of a block of
/// consecutive lines gets max(minWidth, widest cell + padding); the last cell of a line is not
/// in any column and is never padded, so lines carry no trailing blanks.
std::string alignColumns(std::string_view text, const TabWriterOptions& options = {});

} // namespace lab::docker
