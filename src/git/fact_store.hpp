#pragma once
// Internal to src/git: what roles keeps of each commit, as read from git and before .mailmap
// and interning into a History. Facts are a function of the commit id alone (a commit id
// fixes its parents, trees and message), so they can be read on any thread, merged in any
// order and kept between runs (cache_file.hpp) without ever going stale.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <git2.h>

#include "fastread/fastread.hpp"
#include "roles/git/history.hpp"

namespace roles::git {

/// Index into a FactStore's path or identity table.
using TableIndex = std::uint32_t;

/// A name and email as written in the commit, before .mailmap.
using fastread::RawIdentity;

/// A touched path, as in a History but with `path` and `old_path` indexing the owning
/// store's path table (`old_path == path` unless the change is a rename). The same type as
/// PathChange so that assembling a History renumbers the list in place and moves it.
using FactChange = PathChange;

/// Everything read from one commit.
struct CommitFacts {
    git_oid id{};
    git_oid tree{};
    std::vector<git_oid> parents;
    std::int64_t commit_time = 0;     ///< committer time: orders the walk
    std::int64_t time = 0;            ///< author time
    std::int32_t offset_minutes = 0;  ///< author's UTC offset
    TableIndex author = 0;
    TableIndex committer = 0;
    std::string message;
    std::vector<Trailer> trailers;
    std::vector<TableIndex> co_authors;  ///< from Co-authored-by trailers, raw
    std::vector<FactChange> changes;     ///< against the first parent; empty for merges
    std::uint32_t missing_objects = 0;   ///< absent trees met while comparing
    std::uint32_t rename_fallbacks = 0;  ///< rename candidates whose blob was absent
    /// Those blobs (partial clone): the facts are cached, and read again by a later load
    /// once one of them has arrived (loader.cpp), since a rename may then pair.
    std::vector<git_oid> absent_blobs;
    /// False when the facts depend on something absent (a tree, or the first parent in a
    /// shallow or damaged clone): such facts may change once the objects arrive, so they
    /// are never cached. Absent rename blobs do not count: they are `absent_blobs`.
    bool complete = true;
};

/// A set of commit facts with the path and identity tables their indexes refer to. Not
/// thread-safe: each reader thread fills its own store.
class FactStore {
public:
    /// Replaces both tables with ones read from a cache file, as they are: an entry may
    /// repeat another (a file merges the tables of several stores), which interning into
    /// a History undoes. Saves hashing every entry of a store that is only read.
    void set_tables(std::vector<std::string> paths, std::vector<RawIdentity> identities);
    [[nodiscard]] TableIndex intern_path(std::string_view path);
    [[nodiscard]] TableIndex intern_identity(std::string_view name, std::string_view email);
    [[nodiscard]] const std::string& path(TableIndex index) const { return m_paths[index]; }
    [[nodiscard]] const RawIdentity& identity(TableIndex index) const { return m_identities[index]; }
    [[nodiscard]] std::size_t path_count() const { return m_paths.size(); }
    [[nodiscard]] std::size_t identity_count() const { return m_identities.size(); }

    /// Appends a commit whose indexes refer to this store's tables; returns its position.
    std::size_t add(CommitFacts&& facts);
    [[nodiscard]] const std::vector<CommitFacts>& commits() const { return m_commits; }
    [[nodiscard]] std::vector<CommitFacts>& commits() { return m_commits; }
    void reserve(std::size_t commits, std::size_t paths);

private:
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };
    using Index = std::unordered_map<std::string, TableIndex, StringHash, std::equal_to<>>;

    std::vector<std::string> m_paths;
    Index m_path_ids;
    std::vector<RawIdentity> m_identities;
    Index m_identity_ids;
    std::vector<CommitFacts> m_commits;
    bool m_indexed = true;  ///< false after set_tables, until something is interned

    void ensure_indexed();
};

/// Where one commit's facts live: a store and a position in it.
struct FactRef {
    FactStore* store = nullptr;
    std::size_t index = 0;
    [[nodiscard]] CommitFacts& facts() const { return store->commits()[index]; }
};

}  // namespace roles::git
