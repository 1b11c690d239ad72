#pragma once
// Internal to src/engine: the pieces of `roles whatif` (whatif.hpp). A project is analysed
// once (ProjectBase: identities, activity, evidence, authorship, the audit as it is); each
// departure then re-runs the cheap steps of the audit pipeline on copies (coverage on the
// hats without the departing holders, the project factors with them absent).

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "roles/engine/audit.hpp"
#include "roles/engine/load.hpp"
#include "roles/engine/project_factors.hpp"
#include "roles/engine/truck_factor.hpp"
#include "roles/engine/whatif.hpp"

namespace roles::engine::whatif_detail {

/// One project analysed once, with the audit as it is.
struct ProjectBase {
    std::string name;
    RosterMode mode = RosterMode::roster;
    std::unique_ptr<git::History> cut;     ///< the history at the window's end, when cut
    const git::History* history = nullptr;  ///< `cut` or the history given
    roster::Roster roster;                  ///< a single-project roster (the program's project slotted in)
    std::int64_t active_within_days = k_default_active_within_days;
    ProjectAnalysis analysis;               ///< window, identities, activity, evidence, coverage before
    HeadFileClasses classes;
    Authorship authorship;
    ProjectFactors factors;                 ///< before
    std::vector<std::string> burnout_high;  ///< keys at high risk before, ascending
};

/// Analyses one project (`roster` has exactly that project) on `history` as run_audit
/// would, window cut included.
[[nodiscard]] util::Expected<std::unique_ptr<ProjectBase>> prepare_project(const git::History& history,
                                                                           roster::Roster roster, RosterMode mode,
                                                                           const WindowRequest& request);

/// Σ effort of the hats each person holds now, over every project (by key).
using Efforts = std::map<std::string, double>;

/// Adds the current holders' efforts of `base`'s hats before any departure to `efforts`.
void add_efforts(const ProjectBase& base, Efforts& efforts);

/// The people of `base` one WHO word names: a key, an email, a name (or alias), or
/// "@Affiliation" (roster affiliation, or the domain of any of their emails).
[[nodiscard]] std::vector<PersonId> people_named(const ProjectBase& base, const std::string& word);

/// Words to suggest for an unknown WHO word: keys, names and "@organisation"s.
void add_known_words(const ProjectBase& base, std::vector<std::string>& words);

/// The organisations (affiliation_of, organisations only) of the people who matter in
/// `base`: a current hat or a credited commit in the window.
void add_organisation_names(const ProjectBase& base, std::set<std::string>& out);

/// The people who matter in `base`, by key, with their labels.
void add_people(const ProjectBase& base, std::map<std::string, std::string>& out);

/// What shift_project reads besides the project.
struct ShiftInput {
    const std::vector<std::string>& leaving;  ///< keys, ascending
    const Efforts& efforts;                   ///< before, over the whole program
    const FailOn& fail_on;
    bool program = false;                     ///< name gate failures "project/hat"
};

/// The project once the people of `input.leaving` have left (README "roles whatif").
[[nodiscard]] ProjectShift shift_project(const ProjectBase& base, const ShiftInput& input,
                                         std::vector<std::string>& failures);

}  // namespace roles::engine::whatif_detail
