#pragma once
// The automation list: identities that are tools (bots, AI assistants, forge committers), not
// people. Built-in rules live in roles/automation.yaml (installed beside the catalogs); a
// roster adds rules and cancels built-in ones (AutomationRule is in roster.hpp).

#include <string>
#include <string_view>
#include <vector>

#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::roster {

/// "bot", "assistant", "forge-committer".
[[nodiscard]] std::string_view to_string(AutomationKind kind);

/// Parses an automation list file (`schema: roles.automation/1`, `rules: [...]`). Every
/// problem is reported at once as FILE:LINE:COL details; ids must be unique. Rules get
/// origin "built-in".
[[nodiscard]] util::Expected<std::vector<AutomationRule>> parse_automation(const std::string& text,
                                                                           const std::string& file_name);

/// The built-in list: the first `automation.yaml` found in catalog_search_dirs(), read once
/// per process. An error when no file is found or it is invalid.
[[nodiscard]] const util::Expected<std::vector<AutomationRule>>& builtin_automation();

/// Sets `roster.automation` to the roster's own rules (`automation_added`, then `bots`) followed
/// by the built-in rules not in `automation_cancelled`. When the built-in list cannot be read,
/// only the roster's rules apply and a warning says that tools will be counted as people.
void adopt_builtin_automation(Roster& roster);

}  // namespace roles::roster
