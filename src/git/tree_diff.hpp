#pragma once
// Internal to src/git: comparing two trees entry by entry.

#include <cstdint>
#include <string>
#include <vector>

#include "object_source.hpp"
#include "roles/git/history.hpp"
#include "roles/util/error.hpp"

namespace roles::git {

/// One touched blob path, before interning. `blob` is the new blob (the old one for
/// deletions); it pairs exact renames.
struct RawChange {
    std::string path;
    std::string old_path;  ///< the source of a rename, else empty
    ChangeKind kind = ChangeKind::modified;
    git_oid blob{};
    std::uint32_t mode = 0;  ///< normalized git file mode (0100644, 0100755, 0120000)
};

/// The blob paths that differ between two trees, in git's tree order, plus the trees that
/// could not be read (a partial clone lacks them; their contents are skipped).
struct TreeDiff {
    std::vector<RawChange> changes;
    std::uint32_t missing_objects = 0;
    std::uint64_t trees_compared = 0;  ///< tree pairs (or one-sided trees) walked
};

/// Compares tree contents `old_tree` with `new_tree` (either may be empty: the empty tree)
/// without reading any blob: entries with equal ids and modes are skipped, so identical
/// subtrees cost nothing, and differing subtrees are read from `source` and walked
/// recursively. Submodule entries are ignored. Only exact renames are found (see
/// pair_exact_renames). Fails when a tree is malformed or libgit2 fails for a reason other
/// than an absent object.
[[nodiscard]] util::Expected<TreeDiff> diff_trees(ObjectSource& source, const ObjectRef& old_tree,
                                                  const ObjectRef& new_tree);

/// Turns each (deleted, added) pair with the same blob id into one `renamed` change at the
/// added one's place (preferring a deleted path with the same file name). Exact renames only;
/// pair_similar_renames (rename_similarity.hpp) then reads the blobs of what is left.
void pair_exact_renames(std::vector<RawChange>& changes);

}  // namespace roles::git
