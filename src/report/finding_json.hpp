#pragma once
// Findings as JSON (internal to report/): the `findings` array of roles.audit/1.

#include <vector>

#include <nlohmann/json.hpp>

#include "roles/engine/finding.hpp"

namespace roles::report {

/// "fails-gate", "warning", "note".
[[nodiscard]] std::string_view to_string(engine::FindingGrade grade);

/// {"code", "hat", "person", "grade", "message", "args", "location"} per finding; `args`
/// holds the code's arguments (README "Findings"), `location` {"file", "line", "column",
/// "origin"} or null.
[[nodiscard]] nlohmann::ordered_json findings_json(const std::vector<engine::Finding>& findings);

}  // namespace roles::report
