#pragma once
// Truck factor (docs/formulas.md, "Truck factor"): Avelino, Passos, Hora, Valente, "A novel
// approach for estimating truck factors", ICPC 2016, plain greedy version, on the
// degree-of-authorship (DOA) model.
//
// Two steps, so that one history walk serves many truck factors (whole project, each
// top-level directory, each hat area, what-if):
//  1. compute_authorship(): walk the history once, oldest first, and decide who authors
//     each counted file at HEAD;
//  2. truck_factor(): the greedy removal over all or some of those files.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "roles/engine/identity.hpp"
#include "roles/engine/source_filter.hpp"
#include "roles/git/history.hpp"

namespace roles::engine {

/// DOA = k_doa_base + k_doa_first_authorship·FA + k_doa_delivery·DL − k_doa_acceptance·ln(1+AC).
inline constexpr double k_doa_base = 3.293;
inline constexpr double k_doa_first_authorship = 1.098;
inline constexpr double k_doa_delivery = 0.164;
inline constexpr double k_doa_acceptance = 0.321;
/// A person authors a file when DOA / max DOA on the file is strictly above this ...
inline constexpr double k_doa_normalized_min = 0.75;
/// ... and (DOA ≥ k_doa_base or FA = 1).
inline constexpr double k_doa_absolute_min = k_doa_base;

/// One person's record on one file.
struct FileContribution {
    PersonId person = 0;
    bool first_author = false;        ///< FA: credited on the commit that created the file
    std::uint32_t deliveries = 0;     ///< DL: their later commits changing it (renames count)
    std::uint32_t acceptances = 0;    ///< AC: later changing commits that do not credit them
    double doa = 0.0;
    bool author = false;              ///< meets both authorship conditions
    std::vector<std::uint32_t> commits;  ///< History::commits indexes that created or changed it
};

/// Who knows one counted file.
struct FileAuthorship {
    git::PathId path = 0;
    std::uint32_t changes = 0;                    ///< changing commits after creation
    std::vector<FileContribution> contributions;  ///< by person id, ascending
    std::vector<PersonId> authors;                ///< ascending
};

/// Decides which HEAD paths are counted (an index into History::paths).
using PathFilter = std::function<bool(git::PathId path)>;

/// The authorship of every counted file at HEAD.
struct Authorship {
    std::vector<FileAuthorship> files;      ///< in History::head_files order
    std::uint32_t files_at_head = 0;        ///< History::head_files.size()
    std::uint32_t files_filtered_out = 0;   ///< rejected by the filter
    std::uint32_t files_without_people = 0; ///< passed the filter, but no credited person
                                            ///< ever created or changed them (bot-only, or
                                            ///< history truncated): left out, not orphaned
};

/// Walks `history` oldest first and computes the DOA of everyone on each file of
/// History::head_files that `filter` accepts (engine::is_source_file by default).
/// `credited[i]` are the people credited for History::commits[i] (Activity::credited:
/// author and co-authors, each with full credit); a missing or empty entry means a merge or
/// a bot commit. Rules, after the paper's tool (aserg-ufmg/Truck-Factor, DOACalculator):
///  - merges are skipped; an added file's credited people are its first authors (FA = 1);
///  - a modification or a rename is one change: DL + 1 for each credited person, and AC
///    for everyone else on the file is the file's changes minus their own DL; the creating
///    commit is neither DL nor AC;
///  - a rename moves the file's record from old_path to path (renames are followed);
///    renames inside one commit are applied together, so swaps work;
///  - a deletion drops the record: a file added again later starts afresh;
///  - bot commits credit nobody and count as no change, but their renames, deletions and
///    additions still move, drop and start records (a bot-created file has no first author);
///  - a change to a path with no record (shallow history) starts a record without a
///    first author.
[[nodiscard]] Authorship compute_authorship(const git::History& history,
                                            const std::vector<std::vector<PersonId>>& credited,
                                            const PathFilter& filter);

/// compute_authorship with engine::is_source_file as the filter.
[[nodiscard]] Authorship compute_authorship(const git::History& history,
                                            const std::vector<std::vector<PersonId>>& credited);

/// A person the greedy removed.
struct RemovedAuthor {
    PersonId person = 0;
    std::uint32_t files = 0;    ///< counted files they author
    std::uint32_t changes = 0;  ///< distinct commits of theirs creating or changing counted files
};

/// What to count.
struct TruckFactorOptions {
    /// Files to count (by path id); empty = every file of the authorship.
    std::function<bool(git::PathId)> include;
    /// People gone before the greedy starts (what-if): they author nothing.
    std::vector<PersonId> without;
};

/// The truck factor of a set of files.
struct TruckFactorResult {
    std::uint32_t truck_factor = 0;
    std::uint32_t files_considered = 0;
    std::uint32_t files_covered_before = 0;  ///< with an author before any removal
    std::uint32_t files_covered_after = 0;   ///< with an author after the removals
    std::vector<RemovedAuthor> removed;      ///< in removal order; size() == truck_factor
    /// Counted files that have authors, all of them among `without`: orphaned before the
    /// greedy starts (path ids, in the authorship's order).
    std::vector<git::PathId> orphaned;
};

/// The greedy truck factor: while at least half of the counted files have an author,
/// remove the person who authors the most counted files (ties: more changes, then the
/// smaller person key, then the smaller id); the truck factor is how many were removed
/// when fewer than 50% of the files keep an author. No counted file gives 0. Person keys
/// are read from `resolution` (an id it does not know sorts with an empty key).
[[nodiscard]] TruckFactorResult truck_factor(const Authorship& authorship,
                                             const Resolution& resolution,
                                             const TruckFactorOptions& options = {});

/// The top-level directory of a path ("nova" for "nova/api/x.py"); "." for a root file.
[[nodiscard]] std::string_view top_level_directory(std::string_view path);

/// The truck factor of one top-level directory.
struct DirectoryTruckFactor {
    std::string directory;  ///< as top_level_directory() names it
    TruckFactorResult result;
};

/// truck_factor() restricted to each top-level directory that has counted files, in
/// directory name order ("." for the root files).
[[nodiscard]] std::vector<DirectoryTruckFactor> truck_factor_by_directory(
    const Authorship& authorship, const git::History& history, const Resolution& resolution);

}  // namespace roles::engine
