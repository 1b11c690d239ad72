#pragma once
// Reading automation rules, from roles/automation.yaml and from a roster's `automation:` and
// `bots:` keys. Internal to src/roster.

#include <string>
#include <vector>

#include "roles/roster/roster.hpp"
#include "yaml_reader.hpp"

namespace roles::roster {

/// The rules of a `rules:` (file) or `add:` (roster) list: maps with `id`, `kind` (default
/// bot), `email`, `name`, `about`. Reports missing ids, unknown kinds and keys, rules with
/// neither glob, empty globs and ids given twice in the list.
[[nodiscard]] std::vector<AutomationRule> read_automation_rules(const Doc& doc, const Entry& list,
                                                                const std::string& origin);

/// A roster's `automation: {add: [...], cancel: [ids]}`: fills `automation_added` and
/// `automation_cancelled`. A cancelled id must name a built-in rule ("did you mean").
void read_roster_automation(const Doc& doc, const Entry& entry, Roster& roster);

}  // namespace roles::roster
