#include "roles/util/table.hpp"

#include <algorithm>

#include <utf8proc.h>

#include "roles/util/text.hpp"

namespace roles::util {

std::size_t display_width(const std::string& text) {
    std::size_t width = 0;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t at = 0;
    const auto size = static_cast<utf8proc_ssize_t>(text.size());
    while (at < size) {
        utf8proc_int32_t code = 0;
        const auto length = utf8proc_iterate(bytes + at, size - at, &code);
        if (length <= 0) {  // invalid byte: count it as one column and move on
            ++width;
            ++at;
            continue;
        }
        width += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(code)));
        at += length;
    }
    return width;
}

Table::Table(std::vector<std::string> headers) { m_rows.push_back(std::move(headers)); }

void Table::add_row(std::vector<std::string> cells) {
    cells.resize(m_rows.front().size());
    for (auto& cell : cells) cell = printable(cell);
    m_rows.push_back(std::move(cells));
}

std::string Table::render(const Decorator& decorate) const {
    const std::size_t columns = m_rows.front().size();
    std::vector<std::size_t> widths(columns, 0);
    for (const auto& row : m_rows) {
        for (std::size_t c = 0; c < columns; ++c) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    std::string out;
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        std::string line;
        for (std::size_t c = 0; c < columns; ++c) {
            std::string cell = m_rows[r][c];
            if (c + 1 < columns) cell += std::string(widths[c] - display_width(cell), ' ');
            line += decorate ? decorate(r, c, cell) : cell;
            if (c + 1 < columns) line += "  ";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + '\n';
    }
    return out;
}

}  // namespace roles::util
