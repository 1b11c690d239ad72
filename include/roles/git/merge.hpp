#pragma once
// Combining the histories of several repositories (a project with several `repos:`).

#include <vector>

#include "roles/git/history.hpp"

namespace roles::git {

/// One History holding the commits of all `histories`: identities and paths re-interned
/// (the same name+email or path in two repositories becomes one id), commits interleaved
/// newest first while keeping each repository's own order, tags and HEAD files united
/// (a path present in two repositories counts once), head_time the latest, shallow if any
/// is, missing objects added up, warnings kept, repo paths joined with ", ". The first history's head_id
/// is kept. One history is returned unchanged; none gives an empty History.
[[nodiscard]] History merge_histories(std::vector<History> histories);

}  // namespace roles::git
