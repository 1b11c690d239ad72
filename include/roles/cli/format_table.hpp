#pragma once
// A command's format table, format name -> renderer (docs/output-formats.md,
// "Formats per command"). The command's --format choices and help come from it; a new format is
// one row plus its renderer in src/report/.

#include <string>
#include <string_view>
#include <vector>

#include "roles/cli/options.hpp"
#include "roles/util/error.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {

/// One output format: its --format name and an optional note for the help ("the cycle mail").
struct FormatInfo {
    std::string_view name;
    std::string_view note;
};

/// One row of a command's format table: what `View` is rendered as in that format.
template <class View>
struct FormatRow {
    FormatInfo info;
    std::string (*render)(const View& view) = nullptr;
};

template <class View>
using FormatTable = std::vector<FormatRow<View>>;

/// The formats of a table, in table order (the first is the default).
template <class View>
[[nodiscard]] std::vector<FormatInfo> format_infos(const FormatTable<View>& table) {
    std::vector<FormatInfo> out;
    for (const auto& row : table) out.push_back(row.info);
    return out;
}

/// "text, json or markdown": the names of `formats`, in order.
[[nodiscard]] std::string format_list(const std::vector<FormatInfo>& formats);

/// The row of `options.format`, or a usage error naming the formats `command` writes.
template <class View>
[[nodiscard]] util::Expected<const FormatRow<View>*> format_row(const FormatTable<View>& table,
                                                                const Options& options, std::string_view command) {
    for (const auto& row : table) {
        if (row.info.name == options.format) return &row;
    }
    return util::fail(util::ErrorKind::usage, std::string(command),
                      "no format " + util::quoted(options.format) + " (it writes " + format_list(format_infos(table)) +
                          ")");
}

/// `view` rendered in options.format, or format_row's error.
template <class View>
[[nodiscard]] util::Expected<std::string> render_format(const FormatTable<View>& table, const Options& options,
                                                        std::string_view command, const View& view) {
    auto row = format_row(table, options, command);
    if (!row) return std::unexpected(row.error());
    return (*row)->render(view);
}

}  // namespace roles::cli
