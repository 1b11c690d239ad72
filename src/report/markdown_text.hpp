#pragma once
// Escaping and small pieces shared by the audit, program and load Markdown renderers
// (internal to report/).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "roles/engine/audit.hpp"

namespace roles::report {

// Two escapers, on purpose with different rules. Both first put the text on one line (CR and
// LF become spaces) and make it printable (util::printable: controls as \xNN, bidi marks as
// \uNNNN, invalid UTF-8 as U+FFFD), and both stop what would change a table's structure, a
// link's target or the characters shown: `|`, `\`, `[`, `]` get a backslash, `<` and `&`
// become entities (no raw HTML, no `&#x202e;` decoded into a bidi override). They differ in
// the inline markup that can only restyle a word:
//  - md_escape is for the CI summaries (audit, load, program Markdown): text from a pull
//    request rendered by GitHub in a job summary or a bot's comment, read rendered, never as
//    source. Everything is inert there: emphasis, code spans, math, and mentions and issue
//    references, which would notify people (GitHub links them after Markdown is parsed, so
//    `@` and `#` get a zero-width space after them, not a backslash).
//  - md_cell is for the cycle report and what-if Markdown: pages for a wiki or a mail that
//    people also read as source, where hat ids and keys (`stable_maint`, `*-core`) would be
//    littered with backslashes. Emphasis characters, backticks, `~`, `$`, `@`, `#` and `>`
//    are left as they are: they can restyle a word but not say something else.
// docs/output-formats.md ("Escaping") states the same rules.

/// `text` safe inside a GitHub-flavoured Markdown table cell or list item of a CI summary:
/// printable and on one line; `\` `` ` `` `*` `_` `[` `]` `~` `$` `|` get a backslash, `@`
/// and `#` a zero-width space (`&#8203;`) after them, `<`, `>` and `&` become entities.
[[nodiscard]] std::string md_escape(std::string_view text);

/// The lighter escaping of the cycle and what-if Markdown: printable and on one line; `\`,
/// `|`, `[`, `]` get a backslash, `<` and `&` become `&lt;` and `&amp;`.
[[nodiscard]] std::string md_cell(std::string_view text);

/// The items joined with ", ", each escaped; `none` when there are none.
[[nodiscard]] std::string md_list(const std::vector<std::string>& items, std::string_view none = "—");

/// "`--fail-on vacant,stale`".
[[nodiscard]] std::string md_fail_on(const std::vector<std::string>& fail_on);

/// "1 vacant, 2 ok" from per-status counts (engine::Status order), zero counts left out.
[[nodiscard]] std::string md_status_counts(const std::uint32_t (&by_status)[7]);

}  // namespace roles::report

namespace roles::report {

/// "1 hat", "3 hats".
[[nodiscard]] std::string md_count(std::size_t n, const char* one, const char* many);

/// The gate paragraph: "**Gate: passed** (`--fail-on vacant`): nothing matched." or
/// "**Gate: failed** (`--fail-on vacant`): 2 hats and 1 person at high burnout risk." (a
/// failure naming "burnout:" is a person), then a blank line.
[[nodiscard]] std::string md_gate(const std::vector<std::string>& fail_on,
                                  const std::vector<std::string>& failures);

/// Each warning as a "> **Warning:** …" blockquote paragraph, then a blank line; "" for none.
[[nodiscard]] std::string md_warnings(const std::vector<std::string>& warnings);

/// The hat's status reason as every format words it (today the engine's `reason`).
[[nodiscard]] std::string hat_reason(const engine::HatCoverage& hat);

/// "gibi, stephen (inactive) (via ptl)", escaped; "—" with no holder; then " (former: KEY, …)".
[[nodiscard]] std::string md_holders(const engine::HatCoverage& hat);

/// The table rows of hats that failed the gate: `| prefix + hat | status | holders | reason |`.
/// `prefix` is "" for a project, "PROJECT/" in a program.
[[nodiscard]] std::string md_failing_hat_row(const engine::HatCoverage& hat, const std::string& prefix);

/// The row of a person at high burnout risk who failed the gate (`burnout:KEY`).
[[nodiscard]] std::string md_burnout_row(const engine::PersonLoadRow& row, const std::string& prefix);

/// `| prefix + hat | status | holders | evidence | holders' share | reason |`.
[[nodiscard]] std::string md_hat_row(const engine::HatCoverage& hat, const std::string& prefix);

}  // namespace roles::report
