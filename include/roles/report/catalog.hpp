#pragma once
// Renderers for `roles hats` and `roles validate`.

#include <string>
#include <vector>

#include "roles/roster/roster.hpp"

namespace roles::report {

/// Each catalog with its hats: id, title, required/min/effort, description, evidence rules.
[[nodiscard]] std::string render_hats_text(const std::vector<roster::Catalog>& catalogs);
/// The same as JSON with "schema": "roles.hats/1".
[[nodiscard]] std::string render_hats_json(const std::vector<roster::Catalog>& catalogs);

/// "FILE: valid: project P, N hats (V vacant by the roster), M people" plus warnings.
[[nodiscard]] std::string render_validate_text(const roster::Roster& roster);
/// The same as JSON with "schema": "roles.validate/1".
[[nodiscard]] std::string render_validate_json(const roster::Roster& roster);

/// An invalid roster as JSON: "schema": "roles.validate/1", "valid": false, and every
/// problem ("FILE:LINE:COL: message") under "problems".
[[nodiscard]] std::string render_validate_failure_json(const std::string& file,
                                                       const std::vector<std::string>& problems);

}  // namespace roles::report
