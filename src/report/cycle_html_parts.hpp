#pragma once
// Parts of the HTML cycle report that the program report reuses (internal to report/).

#include <string>

#include "roles/engine/cycle.hpp"

namespace roles::report {

/// A whole page: head with the report's style, `body`, the self-check script.
[[nodiscard]] std::string html_page(const std::string& title, const std::string& body);

/// The sections of one project's cycle report (title, summary ... asks), without the page.
[[nodiscard]] std::string cycle_html_sections(const engine::CycleReport& report);

/// A status in words with its shape ("▲ stale"), as the coverage table shows it.
[[nodiscard]] std::string status_html_of(engine::Status status);

}  // namespace roles::report
