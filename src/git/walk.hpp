#pragma once
// Internal to src/git: the order in which commits are read.

#include <cstdint>
#include <vector>

#include "roles/git/handles.hpp"
#include "roles/util/error.hpp"

namespace roles::git {

/// Whether absent parents are expected: a shallow clone's history stops at its boundary.
enum class CloneDepth { full, shallow };

/// The commits reachable from a tip, newest first.
struct Walk {
    std::vector<git_oid> commits;
    std::uint32_t missing_objects = 0;  ///< absent commits (not counting a shallow boundary)
};

/// Every commit reachable from `tip`, children before parents and otherwise by committer
/// time, newest first (git log --date-order). Uses git_revwalk; libgit2 1.5 does not know
/// shallow grafts and stops with "object not found" at the first absent parent, so then the
/// same order is computed by walk_around_missing, which treats absent parents as absent.
[[nodiscard]] util::Expected<Walk> walk_commits(git_repository* repo, const git_oid& tip, CloneDepth depth);

}  // namespace roles::git
