#pragma once
// The words of every finding code, shared by all renderers (README "Findings"): each format
// writes a finding's English from its code and arguments through this one table.

#include <span>
#include <string>
#include <string_view>

#include "roles/engine/finding.hpp"

namespace roles::report {

/// One finding code: the rule SARIF declares, the help the README section holds, and the
/// function that writes one finding of that code as a sentence.
struct FindingWords {
    engine::FindingCode code;
    std::string_view name;               ///< PascalCase rule name ("VacantHat")
    std::string_view short_description;  ///< one line
    std::string_view full_description;   ///< what the code means
    std::string_view help;               ///< what to do about it
    std::string (*message)(const engine::Finding&);
};

/// Every code, in FindingCode order.
[[nodiscard]] std::span<const FindingWords> finding_table();

/// The row of `code`.
[[nodiscard]] const FindingWords& finding_words(engine::FindingCode code);

/// The finding as one actionable sentence: the REASON column of the text audit, JSON
/// `reason` and `message`, the SARIF result and the GitHub annotation.
[[nodiscard]] std::string finding_message(const engine::Finding& finding);

/// The README section of a code on the web: `homepage` + "#finding-vacant"; empty when
/// `homepage` is empty (no address is ever made up).
[[nodiscard]] std::string finding_help_uri(engine::FindingCode code, std::string_view homepage);

/// The web address of the README (SARIF tool.driver.informationUri): the ROLES_HOMEPAGE the
/// build was configured with, empty by default (README "Links: ROLES_HOMEPAGE").
[[nodiscard]] std::string_view project_uri();

}  // namespace roles::report
