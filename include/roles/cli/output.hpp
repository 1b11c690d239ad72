#pragma once
// Where command output goes, and whether it may be coloured.

#include <string>

#include "roles/cli/options.hpp"
#include "roles/report/audit.hpp"
#include "roles/util/error.hpp"

namespace roles::cli {

/// Colour only for text on a terminal, never with --no-color, NO_COLOR or --output.
[[nodiscard]] report::Color color_for(const Options& options);

/// Writes `text` to --output (replacing the file) or stdout.
[[nodiscard]] util::Expected<void> emit(const Options& options, const std::string& text);

}  // namespace roles::cli
