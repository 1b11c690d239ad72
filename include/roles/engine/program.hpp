#pragma once
// Auditing a program roster: every project's coverage, and the seats each person holds
// across projects (the cross-project liaison picture).

#include <optional>
#include <string>
#include <vector>

#include "roles/engine/audit.hpp"
#include "roles/git/history.hpp"
#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::engine {

/// What a program audit reads.
struct ProgramInput {
    const roster::Roster& roster;
    /// histories[i] is the history of roster.projects[i] (merged over its repos), or
    /// nullptr when the project has no repository to read: it is audited on the roster
    /// alone (RosterMode::roster_only).
    std::vector<const git::History*> histories;
    WindowRequest request;
};

/// One project's audit.
struct ProjectAudit {
    std::vector<std::string> repos;  ///< the repositories read (empty: roster only)
    AuditResult audit;
};

/// One person's seats across the program.
struct SeatRow {
    std::string person;
    std::string name;
    std::optional<std::string> affiliation;
    double capacity = 1.0;
    std::vector<std::string> seats;  ///< "project/hat" for each hat held now, roster order
    std::size_t projects = 0;        ///< distinct projects among the seats
    double effort = 0.0;             ///< Σ effort of the seats
    double commitment = 0.0;         ///< effort ÷ capacity
};

/// The audit of a whole program.
struct ProgramAuditResult {
    std::string roster_file;
    std::vector<ProjectAudit> projects;  ///< roster order
    std::vector<SeatRow> people;         ///< people with a seat: commitment, then seats (most first), then key
    std::uint32_t hats = 0;              ///< hats over all projects
    std::uint32_t by_status[7] = {};     ///< hats per Status over all projects
    std::vector<std::string> warnings;   ///< roster warnings (once), then per-project history caveats
};

/// Audits each project (full analysis where it has history, roster-only otherwise) and
/// adds up the seats of every person: a seat is a hat of which they are a current holder
/// (fallbacks included), and commitment sums the seats' effort over all projects.
[[nodiscard]] util::Expected<ProgramAuditResult> run_program_audit(const ProgramInput& input);

/// What matched the gate: "project/hat" for each hat whose status is in `fail_on`, then
/// with burnout-high "project/burnout:KEY" for each person at high risk in a project.
[[nodiscard]] std::vector<std::string> gate_failures(const ProgramAuditResult& result, const FailOn& fail_on);

/// grade_findings for every project of the program.
void grade_findings(ProgramAuditResult& result, const FailOn& fail_on);

}  // namespace roles::engine
