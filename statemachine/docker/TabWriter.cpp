#include "docker/TabWriter.h"

#include "docker/DisplayWidth.h"

#include <vector>

namespace lab::docker {
namespace {

struct Cell {
    std::string_view text;
    std::size_t width = 0;
};
using Line = std::vector<Cell>;

// Lines of cells. A cell ends at '\t' (in a column) or at the line break (the line's last
// cell, outside every column). Docker writes neither '\v' nor '\f', so they are plain text.
std::vector<Line> splitCells(std::string_view text) {
    std::vector<Line> lines(1);
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        const char c = end ? '\n' : text[i];
        if (c != '\t' && c != '\n')
            continue;
        const std::string_view cell = text.substr(start, i - start);
        lines.back().push_back({cell, terminalWidth(cell)});
        start = i + 1;
        if (c == '\n' && !end)
            lines.emplace_back().reserve(lines[lines.size() - 2].size());
    }
    return lines;
}

class Formatter {
public:
    Formatter(const std::vector<Line>& lines, const TabWriterOptions& options)
        : m_lines(lines), m_options(options) {}

    std::string run(std::size_t sizeHint) {
        m_out.reserve(sizeHint);
        format(0, m_lines.size());
        return std::move(m_out);
    }

private:
    // Lays out lines [first, last) whose columns left of m_widths.size() are already sized:
    // every run of lines that has a cell in the next column forms a block sized together.
    void format(std::size_t first, std::size_t last) {
        const std::size_t column = m_widths.size();
        std::size_t printed = first;
        for (std::size_t line = first; line < last; ++line) {
            if (column + 1 >= m_lines[line].size())
                continue; // no tab-terminated cell in this column
            write(printed, line);
            std::size_t width = static_cast<std::size_t>(m_options.minWidth);
            std::size_t end = line;
            for (; end < last && column + 1 < m_lines[end].size(); ++end)
                width = std::max(width, m_lines[end][column].width +
                                            static_cast<std::size_t>(m_options.padding));
            m_widths.push_back(width);
            format(line, end);
            m_widths.pop_back();
            printed = end;
            line = end - 1;
        }
        write(printed, last);
    }

    void write(std::size_t first, std::size_t last) {
        for (std::size_t i = first; i < last; ++i) {
            const Line& line = m_lines[i];
            for (std::size_t j = 0; j < line.size(); ++j) {
                m_out.append(line[j].text);
                if (j < m_widths.size())
                    m_out.append(m_widths[j] - line[j].width, m_options.padChar);
            }
            if (i + 1 < m_lines.size())
                m_out += '\n';
        }
    }

    const std::vector<Line>& m_lines;
    const TabWriterOptions& m_options;
    std::vector<std::size_t> m_widths;
    std::string m_out;
};

} // namespace

std::string alignColumns(std::string_view text, const TabWriterOptions& options) {
    return Formatter(splitCells(text), options).run(text.size() * 2);
}

} // namespace lab::docker
