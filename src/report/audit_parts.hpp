#pragma once
// Pieces of the audit renderers that the program renderers reuse (internal to report/).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "roles/report/audit.hpp"

namespace roles::report {

/// The audit text without the note and the gate line: header, hat table, summary, project
/// health, warnings (quiet: only the table of failing hats, or nothing).
[[nodiscard]] std::string audit_body_text(const AuditView& view, Color color);

/// "gate: passed (--fail-on X)" or "gate: failed (--fail-on X): a, b".
[[nodiscard]] std::string gate_line(const std::vector<std::string>& fail_on, const std::vector<std::string>& failed);

/// The audit's facts as a JSON object without "schema", "gate" and "note".
[[nodiscard]] nlohmann::ordered_json audit_json_object(const AuditView& view);

}  // namespace roles::report
