#pragma once
// Reading a repository's history with libgit2.

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "roles/git/fastread/budgets.hpp"
#include "roles/git/history.hpp"
#include "roles/util/error.hpp"

namespace roles::git {

/// Whether load_history keeps per-commit facts between runs (see LoadOptions::cache_dir).
enum class CacheMode : unsigned char { off, use };

/// How trees are read: `direct` maps pack files and reads them with roles' own reader
/// (several times faster than libgit2's object database; whatever it cannot serve still goes
/// through libgit2), `libgit2` reads every object through libgit2. Both give the same History.
enum class PackAccess : unsigned char { direct, libgit2 };

/// How far a load has got; reported on the thread that called load_history.
struct LoadProgress {
    std::uint64_t done = 0;   ///< commits read from git so far
    std::uint64_t total = 0;  ///< commits to read from git (cached ones are not counted)
    double seconds = 0;       ///< since the walk started
    bool walking = false;     ///< the walk goes on: `total` is still growing
};

/// Called about ten times a second while commits are read (never when all are cached).
using ProgressCallback = std::function<void(const LoadProgress&)>;

/// What to load.
struct LoadOptions {
    std::string path = ".";   ///< any path inside a work tree, a .git dir or a bare repo
    std::string ref = "HEAD"; ///< what to walk from (branch, tag, commit id)
    unsigned threads = 0;     ///< reader threads; 0 = one per hardware thread, at most 4
    CacheMode cache = CacheMode::off;  ///< `use`: read and update the cache
    /// Where the cache lives; empty: `roles-cache` in the repository's (common) git dir,
    /// which never dirties the work tree.
    std::string cache_dir;
    ProgressCallback progress;  ///< may be empty
    PackAccess packs = PackAccess::direct;
    /// A cache file written for many commits is cut into files of about this many (at most
    /// four), which the next run decodes on as many threads. Smaller in tests.
    std::size_t cache_part_commits = 16384;
    /// What the fast reader may spend (memory per reader thread, resident pack pages, how
    /// the readers share the work); the defaults are the measured ones. Any value gives the
    /// same History. Smaller in tests.
    fastread::ReaderBudgets budgets;
};

/// What one load did, for --stats.
struct LoadStats {
    std::vector<std::pair<std::string, double>> phases_ms;  ///< wall time of each phase, in order
    std::uint64_t commits_walked = 0;   ///< commits reachable from the ref
    std::uint64_t commits_read = 0;     ///< commits read from git (not found in the cache)
    std::uint64_t cache_hits = 0;       ///< commits whose facts came from the cache
    std::uint64_t trees_compared = 0;   ///< tree pairs compared while reading commits
    std::uint64_t rename_blobs_read = 0;     ///< blobs read for rename similarity (commits read)
    std::uint32_t similar_renames = 0;       ///< renames paired by content similarity (commits read)
    std::uint32_t rename_blobs_missing = 0;  ///< candidates left to exact renames: blob absent
    std::uint32_t rename_limited_commits = 0;  ///< commits over the rename limit (exact and same-name only)
    std::uint64_t objects_from_packs = 0;   ///< trees and commits read by roles' pack reader
    std::uint64_t objects_from_libgit2 = 0; ///< trees and commits read through libgit2
    std::uint64_t cache_evictions = 0;  ///< objects the fast reader's caches evicted (ReaderBudgets)
    std::uint64_t work_steals = 0;      ///< reader ranges split by a reader that had run out
    std::uint64_t blocks_freed = 0;     ///< request blocks freed while commits were still read
    std::uint64_t pack_trims = 0;       ///< times the packs' pages were dropped from the resident set
    unsigned threads = 0;               ///< reader threads used
    std::uint32_t cache_files_read = 0;
    std::uint64_t cache_bytes_read = 0;
    std::uint64_t cache_bytes_written = 0;
    std::string cache_dir;              ///< empty when the cache was off
};

/// Opens the repository that contains `options.path` (searching upwards like git does),
/// walks `options.ref` once and returns every commit reachable from it with the paths each
/// touched against its first parent, the tags, the files of HEAD and whether the clone is
/// shallow. Identities are resolved through the repository's .mailmap. The result is the
/// same whatever `threads` and whatever the cache holds (a cache that cannot be used is
/// rebuilt, with a line in History::warnings when it was damaged or could not be written).
/// Fails with ErrorKind::input and a plain message for a path that is not a repository,
/// an unknown ref, or an empty repository ("repository has no commits yet").
[[nodiscard]] util::Expected<History> load_history(const LoadOptions& options);

/// load_history, also recording what the load did in `stats`.
[[nodiscard]] util::Expected<History> load_history(const LoadOptions& options, LoadStats& stats);

/// The work tree root of the repository containing `path` (empty for a bare repository),
/// or an error when `path` is not inside a repository. Used to find ROLES.yaml.
[[nodiscard]] util::Expected<std::string> find_workdir(const std::string& path);

}  // namespace roles::git
