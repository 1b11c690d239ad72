#pragma once
// Reading a repository's history with libgit2.

#include <string>

#include "roles/git/history.hpp"
#include "roles/util/error.hpp"

namespace roles::git {

/// What to load.
struct LoadOptions {
    std::string path = ".";  ///< any path inside a work tree, a .git dir or a bare repo
    std::string ref = "HEAD";///< what to walk from (branch, tag, commit id)
    unsigned threads = 0;    ///< 0 = hardware concurrency (not used yet: loading is single-threaded)
};

/// Opens the repository that contains `options.path` (searching upwards like git does),
/// walks `options.ref` once and returns every commit reachable from it with the paths each
/// touched against its first parent, the tags, the files of HEAD and whether the clone is
/// shallow. Identities are resolved through the repository's .mailmap.
/// Fails with ErrorKind::input and a plain message for a path that is not a repository,
/// an unknown ref, or an empty repository ("repository has no commits yet").
[[nodiscard]] util::Expected<History> load_history(const LoadOptions& options);

/// The work tree root of the repository containing `path` (empty for a bare repository),
/// or an error when `path` is not inside a repository. Used to find ROLES.yaml.
[[nodiscard]] util::Expected<std::string> find_workdir(const std::string& path);

}  // namespace roles::git
