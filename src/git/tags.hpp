#pragma once
// Internal to src/git: reading refs/tags/*.

#include "history_builder.hpp"
#include "roles/git/handles.hpp"
#include "roles/util/error.hpp"

namespace roles::git {

/// Appends every tag that peels to a commit to the history, sorted by name. Annotated tags
/// carry their tagger (through the builder's mailmap) and time; lightweight ones the target
/// commit's author and author time. Tags of trees or blobs are skipped; absent objects are counted.
[[nodiscard]] util::Expected<void> load_tags(git_repository* repo, HistoryBuilder& builder);

}  // namespace roles::git
