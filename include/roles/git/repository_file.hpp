#pragma once
// A repository's own files (its ROLES.yaml, the catalogs that names) read from git, for
// repositories without a work tree: the roster of a bare clone is the one in its history.

#include <cstddef>
#include <optional>
#include <string>

#include "roles/util/error.hpp"

namespace roles::git {

/// The blob at `path` (relative to the root, '/'-separated) in the tree of `ref`'s commit in
/// the repository containing `repo_path`; nullopt when the tree has no entry there. An input
/// error when the entry is not a file (a symbolic link, which roles does not follow inside
/// git either, a directory or a submodule), when the blob is larger than `max_bytes`, or when
/// the repository or the ref cannot be read.
[[nodiscard]] util::Expected<std::optional<std::string>> read_committed_file(const std::string& repo_path,
                                                                            const std::string& ref,
                                                                            const std::string& path,
                                                                            std::size_t max_bytes);

}  // namespace roles::git
