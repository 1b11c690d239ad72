#pragma once
// Renderers for `roles report`. They format an engine::CycleReport; they never compute
// findings (statuses, trends, changes, asks all come from the engine). Chart geometry —
// scaling values to pixels — is presentation and lives in the HTML renderer.

#include <string>

#include "roles/engine/cycle.hpp"

namespace roles::report {

/// A figure's value as every format prints it: counts as integers ("3"), ratios with two
/// decimals ("1.25").
[[nodiscard]] std::string figure_value(double value, engine::Scale scale);

/// A trend in words with its arrow, the same in Markdown and HTML: "↑ up", "↓ down",
/// "= same", "★ new"; with ", better" or ", worse" when the engine assessed it.
[[nodiscard]] std::string trend_words(engine::Trend trend, engine::Assessment assessment);

/// GitHub-flavoured Markdown for a mailing list or wiki, sections in this order: summary
/// (with trends), coverage per hat (holders, evidence, who did the work, changes), load
/// per person, newcomers and people who stopped contributing, releases, asks.
[[nodiscard]] std::string render_cycle_markdown(const engine::CycleReport& report);

/// The cycle mail: plain text wrapped at 72 columns, no table and no Markdown, in the shape
/// of a cycle summary on a mailing list: the headline figures with their trends, the hats
/// that need someone with the asks about them, who carried which hat, load, newcomers and
/// leavers, releases, the other asks. Lists are the digest's (report.digest).
[[nodiscard]] std::string render_cycle_text(const engine::CycleReport& report);

/// The same facts as JSON with "schema": "roles.report/1" (stable field names; every
/// figure as {"current", "previous", "trend", "assessment"}).
[[nodiscard]] std::string render_cycle_json(const engine::CycleReport& report);

/// One self-contained HTML page (inline CSS and SVG, no URL, no font or script fetched):
/// the Markdown's sections plus a hat × person coverage matrix, a bar chart of each
/// person's hat effort against their capacity, commits per week over the cycle, and a trend
/// arrow on each summary figure. Light and dark (prefers-color-scheme) and print styles;
/// status is shown by text and shape as well as colour. A small inline script fills a
/// <pre id="self-check"> with each chart's measured size and element counts (for the
/// browser test); the page reads the same without it.
[[nodiscard]] std::string render_cycle_html(const engine::CycleReport& report);

}  // namespace roles::report
