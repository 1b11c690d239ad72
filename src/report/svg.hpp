#pragma once
// Inline SVG for the HTML cycle report. Geometry only: every value shown comes from the
// engine's CycleReport; these functions scale it to pixels and draw it. Each chart is an
// <svg class="chart"> with a <title>, a visible title and axis labels; bars carry class
// "bar", matrix cells class "cell", capacity marks class "capacity" (the browser test
// counts them). No xmlns and no URL: the page is self-contained.

#include <string>
#include <string_view>

#include "roles/engine/cycle.hpp"

namespace roles::report::svg {

/// Text escaped for HTML/SVG content and attribute values: made printable as for text output
/// (util::printable), line breaks as spaces, then `&` `<` `>` `"` `'` as entities.
[[nodiscard]] std::string escape(std::string_view text);

/// The hat × person matrix: one row per hat (status shape and word), one column per person
/// of the load section, one cell each. A holder's cell reads "H" (plus their evidence items),
/// a non-holder's the items they did; shading grows with the share of the hat's items.
[[nodiscard]] std::string coverage_matrix(const engine::CycleReport& report);

/// One horizontal bar per person: the effort of the hats they hold (share of a full-time
/// week), a mark at their capacity, and "effort / capacity = commitment" beside it.
[[nodiscard]] std::string load_chart(const engine::CycleReport& report);

/// One vertical bar per week of the cycle: counted commits.
[[nodiscard]] std::string weekly_chart(const engine::CycleReport& report);

/// A 16-pixel arrow (up, down), equals sign (same) or star (new), classed by assessment,
/// with an aria-label in words.
[[nodiscard]] std::string trend_icon(engine::Trend trend, engine::Assessment assessment);

/// A 14-pixel status shape: a filled circle (ok), a triangle (understaffed, stale,
/// single-point, shadowed), a cross (vacant), a hollow circle (unassigned).
[[nodiscard]] std::string status_icon(engine::Status status);

}  // namespace roles::report::svg
