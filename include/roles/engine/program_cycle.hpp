#pragma once
// `roles report` on a program roster (docs/cycles.md, "Programs"): each project's cycle
// report over its own history and cycle, and one summary of the program: a project × hat
// status matrix and the people with the most seats, with their commitment.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "roles/engine/cycle.hpp"
#include "roles/git/history.hpp"
#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::engine {

/// One project of the program: its report, or why there is none.
struct ProgramCycleProject {
    std::string name;
    std::optional<CycleReport> report;
    std::string missing;  ///< "no repository to read", or the cycle's error; empty with a report
};

/// A person's seats across the program at the end of each project's cycle.
struct ProgramSeats {
    std::string person;
    std::string name;
    std::vector<std::string> seats;  ///< "project/hat", roster order
    std::size_t projects = 0;        ///< distinct projects among the seats
    double effort = 0.0;             ///< Σ effort of the seats
    double capacity = 1.0;
    double commitment = 0.0;         ///< effort ÷ capacity
};

/// The program's report.
struct ProgramCycleReport {
    std::string roster_file;
    std::vector<std::string> hats;  ///< matrix columns: every hat id, in order of first appearance
    /// statuses[p][h]: project p's status of hats[h] at its cycle's end; nullopt when the
    /// project has no such hat or no report.
    std::vector<std::vector<std::optional<Status>>> statuses;
    std::vector<ProgramSeats> people;  ///< most seats first, then commitment, then key; at most `top_people`
    std::uint32_t people_left_out = 0; ///< people with a seat not listed
    std::vector<ProgramCycleProject> projects;  ///< roster order
};

/// What build_program_cycle_report reads: per project, its history (nullptr when it has no
/// repository) and how to look refs up in it.
struct ProgramCycleInput {
    const roster::Roster& roster;
    std::vector<const git::History*> histories;
    std::vector<RepositoryLookup> lookups;
    std::string cycle;  ///< the --cycle spec, resolved in each project's history
};

/// Project `index` of a program roster as a plain roster: the same people, settings and
/// file, its own hats.
[[nodiscard]] roster::Roster project_roster(const roster::Roster& program, std::size_t index);

/// The program summary of reports already built (roster order): the matrix and the seats. A
/// seat is a hat a person holds: for a project with a report, its current holders at the
/// cycle's end (fallbacks included); for one without, the roster's holders whose term has
/// not ended. Effort is the hat's effort in that project.
[[nodiscard]] ProgramCycleReport summarise_program(const roster::Roster& roster,
                                                   std::vector<ProgramCycleProject> projects,
                                                   std::size_t top_people = 10);

/// Resolves the cycle in each project's history and builds its report (a project whose cycle
/// does not resolve, or that has no history, is listed with why), then summarise_program.
/// Fails only when an evidence rule does not compile.
[[nodiscard]] util::Expected<ProgramCycleReport> build_program_cycle_report(const ProgramCycleInput& input,
                                                                            std::size_t top_people = 10);

}  // namespace roles::engine
