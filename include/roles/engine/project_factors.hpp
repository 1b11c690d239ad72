#pragma once
// Project-level single points of failure (docs/formulas.md, "Truck factor" and after): the
// truck factor of the repository, of each top-level directory and of each hat area, and the
// CHAOSS contributor absence and elephant factors over the window, with the people behind
// each figure.

#include <cstdint>
#include <string>
#include <vector>

#include "roles/engine/activity.hpp"
#include "roles/engine/factors.hpp"
#include "roles/engine/identity.hpp"
#include "roles/engine/truck_factor.hpp"
#include "roles/git/history.hpp"
#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::engine {

/// Someone the truck-factor greedy removed.
struct TruckFactorPerson {
    std::string key;
    std::string label;          ///< PersonInfo::label(): how texts name them
    std::uint32_t files = 0;    ///< counted files of the scope they author
    std::uint32_t changes = 0;  ///< their commits creating or changing those files
};

/// The absence-aware truck factor of a scope: the same greedy once the authors with no
/// credited commit in the last `active_within_days` before the window's end are gone.
struct AbsenceTruckFactor {
    std::uint32_t truck_factor = 0;
    std::uint32_t covered_before = 0;       ///< files keeping an active author
    std::uint32_t covered_after = 0;        ///< ... and after removing `people`
    std::vector<TruckFactorPerson> people;  ///< active authors, removal order
    std::vector<std::string> orphaned;      ///< files whose every author is gone, path order
};

/// The truck factor of one scope: the repository, a top-level directory or a hat area.
struct ScopedTruckFactor {
    std::string scope;              ///< "." for the repository, a directory name, or a hat id
    std::vector<std::string> area;  ///< the hat's area globs (hat scopes only)
    std::uint32_t truck_factor = 0;
    std::uint32_t files = 0;                ///< counted files in the scope
    std::uint32_t covered_before = 0;       ///< of them with an author before any removal
    std::uint32_t covered_after = 0;        ///< ... and after removing `people`
    std::vector<TruckFactorPerson> people;  ///< removal order; size() == truck_factor
    AbsenceTruckFactor absent;              ///< the same scope without the gone authors
    /// Files with an author, every one of them among FactorsInput::without (roles whatif:
    /// the departing people), path order; empty when nobody departs.
    std::vector<std::string> orphaned = {};
};

/// A group behind a concentration factor, with people named by key.
struct FactorGroup {
    std::string name;  ///< person key, affiliation, or email domain
    GroupKind kind = GroupKind::person;
    std::uint64_t commits = 0;
    double share = 0.0;               ///< commits / the factor's total
    std::vector<std::string> people;  ///< keys, ascending by person id
    std::string label;                ///< how texts name the group: a person's label, else `name`
    std::vector<std::string> labels;  ///< PersonInfo::label() of `people`, same order
};

/// A CHAOSS factor and the groups that make it up.
struct ConcentrationFactor {
    std::uint32_t factor = 0;
    std::uint64_t total_commits = 0;   ///< Σ credited commits (a co-authored commit counts for each)
    std::vector<FactorGroup> members;  ///< largest first; size() == factor
};

/// Every project-level factor.
struct ProjectFactors {
    ScopedTruckFactor truck_factor;               ///< whole repository (scope ".")
    std::int64_t active_within_days = 0;          ///< FactorsInput::active_within_days
    std::int64_t active_since = 0;                ///< window end − active_within_days (epoch)
    std::vector<std::string> gone_authors;        ///< keys of authors of counted files who are gone
    std::vector<ScopedTruckFactor> by_directory;  ///< top-level directories, name order
    std::vector<ScopedTruckFactor> by_hat;        ///< hats with an area, roster order
    std::uint32_t files_at_head = 0;              ///< every file of HEAD
    std::uint32_t files_not_source = 0;           ///< left out by the source filter
    std::uint32_t files_without_people = 0;       ///< source files no credited person ever
                                                  ///< created or changed (bots, truncated history)
    ConcentrationFactor contributor_absence;      ///< over the window's commits
    ConcentrationFactor elephant;                 ///< over the window's commits
};

/// --active-within's default: one year.
inline constexpr std::int64_t k_default_active_within_days = 365;

/// What compute_project_factors reads.
struct FactorsInput {
    const git::History& history;
    const Resolution& resolution;
    const Activity& activity;
    const std::vector<roster::Hat>& hats;
    Window window;
    /// Authors with no credited commit in (window.end − this, window.end] count as gone for
    /// the absence-aware truck factors.
    std::int64_t active_within_days = k_default_active_within_days;
    /// People who depart (roles whatif), ascending: their commits stay in the history and
    /// keep shaping everyone else's authorship, but they author nothing for the truck
    /// factors (classic and absence-aware) and have no commits for the CHAOSS factors.
    std::vector<PersonId> without = {};
};

/// The truck factors use every commit of the loaded history (authorship builds up over a
/// file's whole life). The repository and its top-level directories count the files at HEAD
/// that engine::is_source_file accepts; a hat area counts every file at HEAD matching its
/// globs (git::GlobSet) that is neither vendored nor generated, so a docs hat's area
/// counts its documentation. The two CHAOSS factors count each person's credited commits
/// inside the window (a co-authored commit counts for each). Fails only when an area glob does not
/// compile (the roster loader checks them first).
[[nodiscard]] util::Expected<ProjectFactors> compute_project_factors(const FactorsInput& input);

/// What the factors need to know of each file at HEAD, decided from the paths alone (no
/// identities, no activity), so that it can be worked out beside them.
struct HeadFileClasses {
    std::vector<std::uint8_t> source;                ///< by PathId: 1 for a source file at HEAD
    std::vector<std::vector<std::uint8_t>> in_area;  ///< per hat with an area, in roster order,
                                                     ///< by PathId: 1 when the area counts the file
    std::uint32_t source_at_head = 0;                ///< files at HEAD with source[id] == 1
};

/// Classifies History::head_files for compute_project_factors. Fails only when an area glob
/// of `hats` does not compile.
[[nodiscard]] util::Expected<HeadFileClasses> classify_head_files(const git::History& history,
                                                                const std::vector<roster::Hat>& hats);

/// compute_project_factors with the files at HEAD already classified for `input.hats`.
[[nodiscard]] util::Expected<ProjectFactors> compute_project_factors(const FactorsInput& input,
                                                                   const HeadFileClasses& classes);

/// The authorship compute_project_factors builds: every file at HEAD that is source or in a
/// hat's area, over the whole of `input.history` (`input.without` plays no part).
[[nodiscard]] Authorship factor_authorship(const FactorsInput& input, const HeadFileClasses& classes);

/// compute_project_factors on an authorship already built by factor_authorship for the same
/// history and classes, so that several what-if departures share one history walk.
[[nodiscard]] ProjectFactors compute_project_factors(const FactorsInput& input, const HeadFileClasses& classes,
                                                     const Authorship& authorship);

}  // namespace roles::engine
