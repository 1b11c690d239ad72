#pragma once
// Internal to src/git: one file of the history cache, holding the facts of some commits.
//
// Layout (little-endian): magic "ROLESFC\n", u32 format version, u32 length + tool version,
// u32 length + key (what the file belongs to: the repository for facts, the repository and
// the tree or tip id for a listing or an order; a file with another key is not used), u64 payload size, u64 payload checksum, then the payload: the commits, the path and
// identity tables, and the offset of the tables, every string and list length-prefixed. A tree listing (HEAD's
// files, kept by tree id) has the same envelope with magic "ROLESTL\n" and a path list. Facts are keyed by commit
// id, so a file never goes stale: it only ever lacks commits. Files are written to a
// temporary name and renamed, so readers see whole files or none; the checksum catches
// files damaged in any other way.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fact_store.hpp"

namespace roles::git {

/// Bumped whenever the layout or the meaning of a stored fact changes.
// 3: trailers parsed by git's rules; 4: renames found by content similarity (git's -M50%);
// 5: the key in the header; 6: the absent rename blobs of a commit (partial clones)
inline constexpr std::uint32_t k_cache_format = 6;

/// What reading a cache file found.
enum class CacheFileStatus : unsigned char {
    ok,       ///< facts read
    missing,  ///< no such file (another run may have removed it): not a problem
    stale,    ///< written by another tool or format version: ignored, not a problem
    corrupt,  ///< damaged or truncated: worth a warning
    foreign,  ///< whole, but written for another key (another repository, tree or tip): worth a warning
    special   ///< not a regular file (a FIFO, a device): skipped unopened for reading, worth a warning
};

/// The facts of one cache file.
struct CacheFileContents {
    CacheFileStatus status = CacheFileStatus::missing;
    FactStore store;
    std::uint64_t bytes = 0;  ///< file size
    std::string problem;      ///< for corrupt and foreign files: what is wrong
};

/// Reads and checks the cache file at `path`, written by tool version `tool_version` for `key`.
/// The file is opened non-blocking and used only when it is a regular file.
[[nodiscard]] CacheFileContents read_cache_file(const std::string& path, const std::string& tool_version,
                                                const std::string& key);

/// Writes the given commits (all complete, each with the store its indexes refer to) as a
/// cache file at `path`. Path and identity tables are rebuilt so that the file holds only
/// what its commits use. The file's size, or nullopt when it could not be written.
[[nodiscard]] std::optional<std::uint64_t> write_cache_file(const std::string& path, const std::vector<FactRef>& commits,
                                                           const std::string& tool_version, const std::string& key);

/// What reading a list file (a tree listing, an order) found.
template <class Item>
struct ListFileContents {
    CacheFileStatus status = CacheFileStatus::missing;
    std::vector<Item> items;
    std::string problem;
    std::uint64_t bytes = 0;
};

/// Writes a file caching the blob paths of one tree (HEAD's files), in tree order; its
/// size, or nullopt when it could not be written.
[[nodiscard]] std::optional<std::uint64_t> write_tree_file(const std::string& path, const std::vector<std::string>& paths,
                                                          const std::string& tool_version, const std::string& key);

/// Reads and checks a tree listing written by write_tree_file.
[[nodiscard]] ListFileContents<std::string> read_tree_file(const std::string& path, const std::string& tool_version,
                                                          const std::string& key);

/// Writes a file giving the order in which the History of one tip lists its commits (the
/// result of the walk), newest first; its size, or nullopt when it could not be written.
[[nodiscard]] std::optional<std::uint64_t> write_order_file(const std::string& path, const std::vector<git_oid>& commits,
                                                           const std::string& tool_version, const std::string& key);

/// Reads and checks an order written by write_order_file.
[[nodiscard]] ListFileContents<git_oid> read_order_file(const std::string& path, const std::string& tool_version,
                                                       const std::string& key);

}  // namespace roles::git
