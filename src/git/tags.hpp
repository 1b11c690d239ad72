#pragma once
// Internal to src/git: reading refs/tags/*.

#include <cstdint>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "history_builder.hpp"
#include "roles/git/handles.hpp"
#include "roles/util/error.hpp"

namespace roles::git {

/// A tag as read, before .mailmap and interning.
struct RawTag {
    std::string name;
    std::string target;                 ///< peeled commit id (hex)
    std::optional<RawIdentity> tagger;  ///< as written
    std::int64_t time = 0;
    std::int32_t offset_minutes = 0;
    bool annotated = false;
};

/// Every tag that peels to a commit, sorted by name, and the objects found absent on the way.
struct RawTags {
    std::vector<RawTag> tags;
    std::uint32_t missing_objects = 0;
};

/// Reads the tags of `repo`. Annotated tags carry their tagger and time; lightweight ones
/// the target commit's author and author time. Tags of trees or blobs are skipped.
[[nodiscard]] util::Expected<RawTags> read_tags(git_repository* repo);

/// Reads the tags of the repository at `git_dir` on another thread, with its own
/// repository handle (libgit2 handles are never shared between threads).
[[nodiscard]] std::future<util::Expected<RawTags>> read_tags_async(std::string git_dir);

/// Appends `raw` to the builder's history: taggers through its mailmap, absent objects counted.
void add_tags(RawTags&& raw, HistoryBuilder& builder);

}  // namespace roles::git
