#pragma once
// Renderers for `roles audit`. They format an AuditResult; they never compute findings.

#include <string>
#include <vector>

#include "roles/engine/audit.hpp"

namespace roles::report {

/// Whether text output may use ANSI colours.
enum class Color : unsigned char { off, on };

/// How much the text report shows: quiet keeps only the hats that failed the gate;
/// verbose adds who did each hat's work.
enum class Detail : unsigned char { quiet, normal, verbose };

/// What a renderer shows: the engine's result plus the gate verdict decided by the caller.
struct AuditView {
    const engine::AuditResult& result;
    std::vector<std::string> fail_on;      ///< the --fail-on values as given
    std::vector<std::string> failed_hats;  ///< hats that matched the gate, then "burnout:KEY"
                                           ///< for people at high risk under --fail-on burnout-high
    std::string note;                      ///< e.g. the discovery-mode hint; may be empty
    Detail detail = Detail::normal;        ///< text only; JSON always has everything
};

/// Aligned table of hats (hat, status, holders, evidence, holders' share, reason), a
/// header with project/window/totals, warnings, a status summary and the gate verdict.
[[nodiscard]] std::string render_audit_text(const AuditView& view, Color color);

/// The same facts as JSON with "schema": "roles.audit/1" (stable field names).
[[nodiscard]] std::string render_audit_json(const AuditView& view);

/// A compact Markdown job summary (docs/output-formats.md, "Markdown"): the gate first, the
/// hats (and people) that failed it with their reasons, warnings, then every other hat and the
/// project health in a collapsed `<details>` block (left out with Detail::quiet).
[[nodiscard]] std::string render_audit_markdown(const AuditView& view);

/// One line per automation rule that matched in the window ("  claude (assistant, built-in):
/// 8 commits co-authored, 3 identities"), for `-v` and `--stats`; "" when none did.
[[nodiscard]] std::string automation_lines(const engine::AutomationSummary& summary);

}  // namespace roles::report
