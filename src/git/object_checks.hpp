#pragma once
// Internal to src/git: checks of repository files that libgit2 1.5 does not survive, made
// before libgit2 reads them. A pack index whose object count overflows libgit2's 32-bit
// size check makes it read past the file's end (a crash), and a truncated loose object makes
// its inflate loop never end (a hang); both are the repository's content, hence untrusted
// when roles runs on a pull request.

#include <string>
#include <vector>

#include <git2.h>

#include "roles/util/error.hpp"

namespace roles::git {

/// Checks every `pack/*.idx` under `objects_dir` as libgit2 would read it (version 1 or 2,
/// a fan-out table that never decreases, a size that matches the object count computed
/// without overflow, large offsets inside their table). Fails naming the first damaged file.
[[nodiscard]] util::Expected<void> check_pack_indexes(const std::string& objects_dir);

/// Checks the loose object file of `id` under `objects_dir`, when there is one: a complete
/// zlib stream, reading `<type> <size>\0` and exactly `size` bytes after it. Streamed
/// through a fixed buffer, so it allocates nothing whatever the file claims. Fails naming
/// the object and its file.
[[nodiscard]] util::Expected<void> check_loose_object(const std::string& objects_dir, const git_oid& id);

/// Whether objects may be absent by design: git's partial clone markers
/// (`extensions.partialClone`, a `remote.<name>.promisor` set to true, or a `.promisor` file
/// beside a pack, which marks a pack fetched from a promisor remote).
[[nodiscard]] bool is_partial_clone(git_repository* repo);

/// Whether any of `blobs` (rename candidates absent when a commit's facts were read, in a
/// partial clone) is in the object database now: `git_odb_exists`, which reads no object.
/// True as well when the database cannot be opened, so that the facts are read again.
[[nodiscard]] bool any_arrived(git_repository* repo, const std::vector<git_oid>& blobs);

}  // namespace roles::git
