#pragma once
// Reading hat definitions (docs/catalogs.md, "Hat fields"), shared by catalogs and roster overrides.
// Internal to src/roster.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "roles/roster/roster.hpp"
#include "yaml_reader.hpp"

namespace roles::roster {

/// Keys of a hat definition: title, description, min, required, effort, area, evidence,
/// fallback_for.
[[nodiscard]] const std::vector<std::string>& hat_def_keys();

/// Keys of a hat entry in a roster: the definition keys and `holders`.
[[nodiscard]] const std::vector<std::string>& roster_hat_keys();

/// True for "release-liaison": lowercase ASCII letters and digits in words joined by
/// single dashes.
[[nodiscard]] bool is_kebab_case(std::string_view id);

/// False after reporting "hat id 'X' is not kebab-case (try 'x')" at the key.
bool check_hat_id(const Doc& doc, const Entry& hat);

/// "release-liaison" -> "Release liaison": the title of a catalog hat that gives none.
[[nodiscard]] std::string default_title(std::string_view id);

/// Sets the fields of `def` given in `entries` (other keys are ignored), reporting wrong
/// types, out-of-range numbers, regexes RE2 rejects, and `fallback_for` ids that are not in
/// `known_hats` or name the hat itself.
void read_hat_fields(const Doc& doc, const std::vector<Entry>& entries, HatDef& def,
                     std::span<const std::string> known_hats);

/// True when `a` and `b` agree on the field written as `key` (one of hat_def_keys()).
[[nodiscard]] bool same_field(const HatDef& a, const HatDef& b, std::string_view key);

}  // namespace roles::roster
