#pragma once
// Plain data that the history loader produces and the engine consumes. Nothing here
// touches libgit2, so engine tests can build a History in memory.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roles::git {

/// Index into History::identities.
using IdentityId = std::uint32_t;
/// Index into History::paths.
using PathId = std::uint32_t;

/// A name+email as seen in history, after .mailmap.
struct Identity {
    std::string name;
    std::string email;  ///< as written, case preserved
    bool operator==(const Identity&) const = default;
};

/// How a commit touched a path, against its first parent.
enum class ChangeKind : std::uint8_t { added, modified, deleted, renamed };

/// One touched path. For renames `old_path` is the source path, otherwise equal to `path`.
struct PathChange {
    PathId path = 0;
    PathId old_path = 0;
    ChangeKind kind = ChangeKind::modified;
};

/// A `Key: value` trailer as git parses it (git/trailers.hpp); `key` as written.
struct Trailer {
    std::string key;
    std::string value;
};

/// One commit. Merge commits are kept with `parent_count > 1` and no `changes` so that
/// callers can count them; every metric skips them.
struct Commit {
    std::string id;                 ///< 40-hex object id
    IdentityId author = 0;
    IdentityId committer = 0;
    std::int64_t time = 0;          ///< author time, seconds since the epoch (UTC)
    std::int32_t offset_minutes = 0;///< the author's UTC offset recorded in that commit
    std::int64_t commit_time = 0;   ///< committer time, seconds since the epoch (UTC)
    std::uint32_t parent_count = 0;
    /// The parents that are in the History, as indexes into History::commits (first parent
    /// first; absent parents, such as a shallow clone's boundary, are left out). Every
    /// parent comes after its child, so each index is larger than the commit's own.
    std::vector<std::uint32_t> parents;
    std::string message;            ///< the full raw message
    std::vector<Trailer> trailers;
    std::vector<IdentityId> co_authors;  ///< from Co-authored-by trailers, after .mailmap
    std::vector<PathChange> changes;     ///< empty for merges
    /// The `Key: value` lines of the commit's Gerrit review note (refs/notes/review), in
    /// note order: `Code-Review+2: Name <email>`, `Submitted-by: ...`; empty without one.
    std::vector<Trailer> review_note;

    [[nodiscard]] bool is_merge() const { return parent_count > 1; }
    /// First line of the message.
    [[nodiscard]] std::string summary() const;
    /// Values of the trailers whose key equals `key` ignoring ASCII case (`Closes-Bug`
    /// matches `closes-bug`), in message order; they point into `trailers`.
    [[nodiscard]] std::vector<std::string_view> trailer_values(std::string_view key) const;
};

/// A tag. Annotated tags have a tagger and time; lightweight ones take the target
/// commit's author and author time, and `annotated` is false.
struct Tag {
    std::string name;        ///< short name, without refs/tags/
    std::string target;      ///< peeled commit id
    std::optional<IdentityId> tagger;
    std::int64_t time = 0;
    std::int32_t offset_minutes = 0;
    bool annotated = false;
};

/// Everything the engine needs from a repository.
struct History {
    std::vector<Identity> identities;  ///< interned; ids index this
    std::vector<std::string> paths;    ///< interned repository-relative paths
    std::vector<Commit> commits;       ///< newest first (topological + time order)
    std::vector<Tag> tags;
    std::vector<PathId> head_files;    ///< every blob path in HEAD's tree
    std::string head_id;               ///< empty for an empty repository
    std::int64_t head_time = 0;        ///< HEAD commit's committer time
    std::string repo_path;             ///< the repository's git dir
    std::string workdir;               ///< work tree root, empty when bare
    bool shallow = false;              ///< history is truncated (shallow clone)
    std::uint32_t missing_objects = 0; ///< objects that could not be read (partial clones)
    bool review_notes = false;         ///< the repository has refs/notes/review (read into Commit::review_note)
    /// Rename candidates (added or deleted files) whose blob was absent (partial clones), so
    /// that only exact renames could pair them.
    std::uint32_t rename_fallbacks = 0;
    std::vector<std::string> warnings; ///< problems that did not stop the load (a damaged cache)
};

}  // namespace roles::git
