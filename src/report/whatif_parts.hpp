#pragma once
// Internal to src/report: the rows and lines the what-if renderers share, so that text and
// Markdown say the same things (whatif_rows.cpp). Formatting only; nothing is computed.

#include <string>
#include <vector>

#include "roles/report/whatif.hpp"

namespace roles::report::whatif_rows {

using Row = std::vector<std::string>;

/// "3 → 2", or "3" when the figure does not move.
[[nodiscard]] std::string moved(std::uint32_t before, std::uint32_t after);

/// "what if gibi leaves" / "what if each affiliation leaves in turn", with project and window.
[[nodiscard]] std::string title(const WhatIfView& view);

/// "leaving: gibi, elod (2 people)", the first `limit` named.
[[nodiscard]] std::string leaving_line(const engine::Scenario& scenario, std::size_t limit);

/// HAT, STATUS (before → after), HOLDERS (before → after), REASON NOW: the hats whose
/// status or holders change, roster order.
[[nodiscard]] std::vector<Row> hat_rows(const engine::ProjectShift& project);
[[nodiscard]] Row hat_headers();

/// Whether the departure changes anything in the project.
[[nodiscard]] bool changes(const engine::ProjectShift& project);

/// The project-health lines, before → after (no area table). `limit` paths per list.
[[nodiscard]] std::vector<std::string> health_lines(const engine::ProjectShift& project, std::size_t limit);

/// AREA, FILES, TRUCK FACTOR, ABSENCE-AWARE, NO AUTHOR, NO ACTIVE AUTHOR: the scopes that change.
[[nodiscard]] std::vector<Row> area_rows(const engine::ProjectShift& project);
[[nodiscard]] Row area_headers();

/// "ptl (PTL, effort 0.50): held by gibi; 40 evidence items, 30 crediting the departing".
[[nodiscard]] std::string handover_line(const engine::Handover& handover);
/// Why nobody (or a weak ranking) is shown; "" when the ranking stands.
[[nodiscard]] std::string handover_note(const engine::Handover& handover);

/// CANDIDATE, EVIDENCE, COMMITMENT (before → after), NOTE.
[[nodiscard]] std::vector<Row> successor_rows(const engine::Handover& handover);
[[nodiscard]] Row successor_headers();

/// The heading of the successor section.
[[nodiscard]] std::string handover_heading();

/// WHO, PEOPLE, FAILS, VACANT, UNDERSTAFFED, SINGLE-POINT, HATS LEFT, NO AUTHOR, COMMITS (lost),
/// TRUCK FACTOR, ELEPHANT:
/// one row per case, in result order.
[[nodiscard]] std::vector<Row> case_rows(const engine::WhatIfResult& result);
[[nodiscard]] Row case_headers();

/// The cases shown in full: every one with -v (Detail::verbose), else those that fail the
/// gate (at most k_full_cases, and at least the worst one).
[[nodiscard]] std::vector<const engine::Scenario*> full_cases(const WhatIfView& view);
inline constexpr std::size_t k_full_cases = 3;

}  // namespace roles::report::whatif_rows
