#pragma once
// Renderers for `roles identities`. They format an IdentityReport; they never compute.

#include <string>

#include "roles/engine/identity_report.hpp"

namespace roles::report {

/// A summary line, one block per person (key, name, commits, then each identity with its
/// commits and why it joined), the tools set apart by each automation rule, and the likely
/// merges not made with a hint on settling them. `verbose` lists people with one identity
/// too (by default only people with several are shown, the ones whose merges can be checked).
[[nodiscard]] std::string render_identities_text(const engine::IdentityReport& report, bool verbose);

/// Every person, tool and likely merge as JSON with "schema": "roles.identities/1".
[[nodiscard]] std::string render_identities_json(const engine::IdentityReport& report);

}  // namespace roles::report
