#pragma once
// `roles audit --format codequality`: GitLab's Code Quality report (a JSON array of issues
// with description, check_name, fingerprint, severity, location.path, location.lines.begin),
// shown in merge requests. It formats the audit; it never computes a finding.

#include <map>
#include <string>

#include "roles/report/audit.hpp"
#include "roles/report/program.hpp"

namespace roles::report {

/// Where the issues point, decided by the caller from the roster: a finding on a hat points
/// at the line where the roster names the hat, on a person at their `people:` entry, and
/// anything the roster never names (a catalog hat, someone off the roster) at line 1.
struct CodeQualityPlaces {
    std::string roster_path = "ROLES.yaml";   ///< relative to the repository root
    std::map<std::string, int> hat_lines;     ///< "hat" (program: "project/hat") -> line
    std::map<std::string, int> person_lines;  ///< person key -> line
};

/// One issue per hat whose status is neither ok nor unassigned (check_name `roles/STATUS`),
/// per hat with thin evidence (`roles/thin-evidence`) and per person at high burnout risk
/// (`roles/burnout-high`). Severity: `critical` when it fails the gate, otherwise `major` for
/// vacant and understaffed, `minor` for stale, single-point, shadowed and burnout-high, `info`
/// for thin-evidence. The fingerprint hashes the project, the check and the hat or person
/// only, so a finding keeps it from run to run while its wording and line change.
[[nodiscard]] std::string render_audit_codequality(const AuditView& view, const CodeQualityPlaces& places);

/// The same over every project of a program, hats named PROJECT/HAT in the descriptions.
[[nodiscard]] std::string render_program_codequality(const ProgramView& view,
                                                     const CodeQualityPlaces& places);

}  // namespace roles::report
