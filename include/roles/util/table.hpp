#pragma once
// Aligned plain-text tables.

#include <functional>
#include <string>
#include <vector>

namespace roles::util {

/// Number of terminal columns `text` occupies (UTF-8 aware, via utf8proc).
[[nodiscard]] std::size_t display_width(const std::string& text);

/// A table of text cells rendered with columns padded to their widest cell, two spaces
/// apart, no trailing spaces. The last column is never padded. Cells are made printable
/// (control characters escaped) as they are added.
class Table {
public:
    /// Decorates a cell after padding (e.g. colour); receives (row, column, padded text).
    using Decorator = std::function<std::string(std::size_t, std::size_t, const std::string&)>;

    explicit Table(std::vector<std::string> headers);
    void add_row(std::vector<std::string> cells);
    /// The table as lines joined by '\n', ending with '\n'. Row index 0 is the header.
    [[nodiscard]] std::string render(const Decorator& decorate = {}) const;

private:
    std::vector<std::vector<std::string>> m_rows;
};

}  // namespace roles::util
