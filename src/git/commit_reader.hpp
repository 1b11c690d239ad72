#pragma once
// Internal to src/git: everything read from one commit, before interning. Reading is a
// function of (repository, commit id) only, so that a later change can read commits on
// several threads, each with its own git_repository, and intern the results in order.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "roles/git/handles.hpp"
#include "roles/git/history.hpp"
#include "roles/util/error.hpp"
#include "tree_diff.hpp"

namespace roles::git {

/// A name and email after .mailmap, not yet interned.
struct RawIdentity {
    std::string name;
    std::string email;
};

/// A Commit with identities and paths as strings.
struct RawCommit {
    std::string id;
    RawIdentity author;
    RawIdentity committer;
    std::int64_t time = 0;
    std::int32_t offset_minutes = 0;
    std::uint32_t parent_count = 0;
    std::string message;
    std::vector<Trailer> trailers;
    std::vector<RawIdentity> co_authors;
    std::vector<RawChange> changes;
    std::uint32_t missing_objects = 0;  ///< trees or parents that could not be read
};

/// What reading a commit needs; one per thread.
struct ReadContext {
    git_repository* repo = nullptr;
    const git_mailmap* mailmap = nullptr;  ///< may be null: no mailmap
};

/// Reads commit `id`: identities through the mailmap, trailers, co-authors and, unless it is
/// a merge, the paths it touched against its first parent (exact renames paired). nullopt
/// when the commit object itself is absent. A commit whose first parent or trees are absent
/// is returned with no changes; absent trees are counted in `missing_objects` (absent
/// parent commits are the walk's to count).
[[nodiscard]] util::Expected<std::optional<RawCommit>> read_commit(const ReadContext& context,
                                                                   const git_oid& id);

/// `name`/`email` through the mailmap (null: unchanged).
[[nodiscard]] RawIdentity resolve_identity(const git_mailmap* mailmap, const char* name,
                                           const char* email);

/// Parses a `Co-authored-by` value, "Name <email>"; a bare email or a bare name is accepted
/// too. nullopt for an empty value.
[[nodiscard]] std::optional<RawIdentity> parse_co_author(std::string_view value);

/// 40-hex form of an object id.
[[nodiscard]] std::string to_hex(const git_oid& id);

}  // namespace roles::git
