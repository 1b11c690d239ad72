#pragma once
// Internal to src/git: the history cache of one repository, a directory of cache files
// (cache_file.hpp). Every file holds facts keyed by commit id, so any set of files gives
// correct facts for the commits it has; a run uses whatever whole, current files it finds
// and reads the rest from git.
//
// A run that read new commits adds one file with just those (so the cost of keeping the
// cache grows with the new commits, not the history). When files pile up, when most of
// what they hold is no longer reachable (history rewritten), or when a file was damaged
// or written by another version, the run instead writes one file with every reachable
// commit and removes the files it read. Files are written under a temporary name and
// renamed, so concurrent runs and runs killed half-way never leave a partial file behind
// under a cache file's name.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache_file.hpp"
#include "fact_store.hpp"
#include "oid_map.hpp"

namespace roles::git {

/// The cache files of one directory.
class FactCache {
public:
    /// Reads every cache file of `dir` (which need not exist), on up to `threads` threads,
    /// for the repository `repository` (its git dir: the key of the files, cache_file.hpp).
    /// Damaged files add a line to `warnings` and are removed by the next save; files of
    /// another repository and things that are not regular files (a FIFO, a device) add a
    /// line and are left alone, unused.
    [[nodiscard]] static FactCache open(std::string dir, std::string tool_version, std::string repository,
                                        unsigned threads, std::vector<std::string>& warnings);

    /// Files written from now on hold about `commits` commits each (k_max_parts at most
    /// for one save), so that the next run can decode them on as many threads.
    void set_part_commits(std::size_t commits) { m_part_commits = std::max<std::size_t>(1, commits); }

    /// The cached facts of `id`, or an empty FactRef.
    [[nodiscard]] FactRef find(const git_oid& id) const;

    /// Records what a run learnt: `fresh` are facts read from git this run, `reached` every
    /// complete fact of the walk (cached or fresh). Writing never fails the load: a
    /// directory that cannot be written adds a line to `warnings`.
    void save(const std::vector<FactRef>& reached, const std::vector<FactRef>& fresh,
              std::vector<std::string>& warnings);

    /// Makes the next save rewrite every reached fact and drop the files read: some cached
    /// facts were read again (their absent rename blobs arrived), and the old ones must not
    /// be found first by a later run.
    void supersede() { m_must_compact = true; }

    /// The blob paths of tree `tree` (HEAD's files) when a listing of it is cached.
    [[nodiscard]] std::optional<std::vector<std::string>> tree_files(const git_oid& tree,
                                                                     std::vector<std::string>& warnings);
    /// Caches the blob paths of `tree`, replacing the listing of any other tree.
    void save_tree_files(const git_oid& tree, const std::vector<std::string>& paths, std::vector<std::string>& warnings);

    /// The facts of the commits of `tip`'s History, in History order, when a run recorded
    /// that order (save_order) and the cache holds every one of those commits; nullopt
    /// otherwise. A commit id fixes its ancestors, so the order of a tip never changes.
    [[nodiscard]] std::optional<std::vector<FactRef>> ordered_history(const git_oid& tip,
                                                                      std::vector<std::string>& warnings);
    /// Records the History order of `tip`, replacing the order recorded for any other tip.
    void save_order(const git_oid& tip, const std::vector<git_oid>& order, std::vector<std::string>& warnings);

    [[nodiscard]] std::uint32_t files_read() const { return m_files_read; }
    [[nodiscard]] std::uint64_t bytes_read() const { return m_bytes_read; }
    [[nodiscard]] std::uint64_t bytes_written() const { return m_bytes_written; }
    [[nodiscard]] std::size_t cached_commits() const { return m_index.size(); }

private:
    FactCache(std::string dir, std::string tool_version, std::string repository)
        : m_dir(std::move(dir)), m_tool_version(std::move(tool_version)), m_repository(std::move(repository)) {}
    // The key of a tree listing or an order file: the repository and the id.
    [[nodiscard]] std::string key_of(std::string_view what, const git_oid& id) const;
    void add_file(const std::string& path, CacheFileContents&& contents, std::vector<std::string>& warnings);
    bool write_file(const std::vector<FactRef>& commits, std::vector<std::string>& warnings);
    bool write_parts(const std::vector<FactRef>& commits, std::vector<std::string>& warnings);
    [[nodiscard]] std::size_t part_count(std::size_t commits) const;
    // Writes the file at a given path and returns its size, or nullopt on failure.
    using FileWriter = std::function<std::optional<std::uint64_t>(const std::string&)>;
    bool write_atomically(const std::string& final_path, const FileWriter& write, std::vector<std::string>& warnings);
    void remove_read_files() const;
    // Removes the files named `prefix`… other than `keep` (a file name).
    void remove_other(std::string_view prefix, const std::string& keep) const;
    void remove_abandoned_temporaries() const;

    std::string m_dir;
    std::string m_tool_version;
    std::string m_repository;
    std::vector<std::unique_ptr<FactStore>> m_stores;  ///< one per file read
    FlatOidMap<FactRef> m_index;
    std::vector<std::string> m_paths;  ///< every cache file seen, read or not
    bool m_must_compact = false;       ///< a damaged or other-version file was seen
    bool m_write_failed = false;
    std::size_t m_part_commits = 16384;
    std::uint32_t m_files_read = 0;
    std::uint64_t m_bytes_read = 0;
    std::uint64_t m_bytes_written = 0;
};

}  // namespace roles::git
