#pragma once
// Internal to src/git: reading one commit's facts. Reading is a function of the commit id
// only and interns into a caller-owned FactStore, so several threads can read commits at
// once, each with its own git_repository, ObjectSource and store.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "fact_store.hpp"
#include "fastread/fastread.hpp"
#include "object_source.hpp"
#include "rename_similarity.hpp"
#include "roles/util/error.hpp"

namespace roles::git {

using fastread::CommitRequest;

/// Counters of the work done by read_commit, summed per thread.
struct ReadCounters {
    std::uint64_t commits = 0;         ///< commits read
    std::uint64_t trees_compared = 0;  ///< tree pairs (or single trees) walked
    RenameCounters renames;            ///< similarity rename detection
};

/// Reads the commit of `request` into `store`: identities as written (no .mailmap),
/// trailers, co-authors and, unless it is a merge, the paths it touched against its first
/// parent (renames paired: exact ones, then by content similarity, as git's -M50%). A
/// rename candidate whose blob is absent is left to exact renames, counted in
/// `rename_fallbacks`, and makes the facts incomplete (never cached). nullopt when the commit object itself is absent. A commit
/// whose first parent or trees are absent gets no changes and `complete == false`; absent
/// trees are counted in `missing_objects` (absent parent commits are the walk's to count).
[[nodiscard]] util::Expected<std::optional<CommitFacts>> read_commit(ObjectSource& source, FactStore& store,
                                                                     CommitRequest&& request,
                                                                     ReadCounters& counters);

/// `name`/`email` through the mailmap (null: unchanged).
[[nodiscard]] RawIdentity resolve_identity(const git_mailmap* mailmap, const char* name, const char* email);

/// Parses a `Co-authored-by` value, "Name <email>"; a bare email or a bare name is accepted
/// too. nullopt for an empty value.
[[nodiscard]] std::optional<RawIdentity> parse_co_author(std::string_view value);

/// 40-hex form of an object id.
[[nodiscard]] std::string to_hex(const git_oid& id);

}  // namespace roles::git
