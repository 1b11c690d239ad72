#pragma once
// Internal to src/git: where one thread reads trees from. The pack reader serves what it
// can; everything else (loose objects, alternates, odd pack entries, absent objects) goes
// through libgit2, so the result never depends on which of the two answered.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fastread/fastread.hpp"
#include "roles/git/handles.hpp"
#include "roles/util/error.hpp"

namespace roles::git {

// The fast reader's value types are src/git's vocabulary for objects and commit headers.
using fastread::CommitHeader;
using fastread::CommitLinks;
using fastread::ObjectRef;
using fastread::ObjectType;

/// Counters of where objects came from.
struct SourceCounters {
    std::uint64_t pack_reads = 0;       ///< served by the pack reader
    std::uint64_t libgit2_reads = 0;    ///< served by libgit2
    std::uint64_t cache_evictions = 0;  ///< objects the pack readers' caches evicted
    void add(const SourceCounters& other) {
        pack_reads += other.pack_reads;
        libgit2_reads += other.libgit2_reads;
        cache_evictions += other.cache_evictions;
    }
};

/// A commit as the walk read it: its links, and either where a pack stores it (a reader
/// reads it whole from there) or the header libgit2 parsed.
struct WalkedCommit {
    CommitLinks links;
    std::optional<fastread::PackLocation> location;
    std::optional<CommitHeader> header;
};

/// Reads trees and commits for one thread.
class ObjectSource {
public:
    /// `packs` may be null (libgit2 only). `repo` must outlive the source. The pack
    /// readers' caches hold at most `budgets.tree_cache_bytes` and `budgets.blob_cache_bytes`.
    ObjectSource(git_repository* repo, std::shared_ptr<const fastread::PackSet> packs,
                 const fastread::ReaderBudgets& budgets = {});
    ObjectSource(const ObjectSource&) = delete;
    ObjectSource& operator=(const ObjectSource&) = delete;
    ~ObjectSource();

    /// The content of tree `id`; null when it is absent from a partial clone. Fails when it
    /// is absent from any other repository, is not a tree, when its pack entry or loose file
    /// is damaged, or when libgit2 fails otherwise.
    [[nodiscard]] util::Expected<ObjectRef> tree(const git_oid& id);
    /// The content of blob `id` (for rename similarity), kept out of the object cache; null
    /// when it is absent from a partial clone. Fails as tree() does.
    [[nodiscard]] util::Expected<ObjectRef> blob(const git_oid& id);
    /// The size of blob `id` without reading its content where the packs allow it; nullopt
    /// when it is absent.
    [[nodiscard]] util::Expected<std::optional<std::uint64_t>> blob_size(const git_oid& id);
    /// The header and message of commit `id`; nullopt when it is absent. Commits the
    /// parser does not handle exactly are read by libgit2, whose errors are returned.
    [[nodiscard]] util::Expected<std::optional<CommitHeader>> commit(const git_oid& id);
    /// The same, for a commit the walk found at `location` in the shared packs.
    [[nodiscard]] util::Expected<std::optional<CommitHeader>> commit_at(const git_oid& id, const fastread::PackLocation& location);
    /// What the walk needs of commit `id`, inflating no more of it than that; nullopt when
    /// it is absent.
    [[nodiscard]] util::Expected<std::optional<WalkedCommit>> walk_commit(const git_oid& id);
    /// What was read so far, the caches' evictions included.
    [[nodiscard]] SourceCounters counters() const;
    /// Whether the repository is a partial clone (objects may be absent by design); in any
    /// other repository an absent tree or blob is damage, reported as an error.
    [[nodiscard]] bool partial() const { return m_partial; }

private:
    util::Expected<std::optional<CommitHeader>> commit_from_libgit2(const git_oid& id);
    util::Expected<ObjectRef> object_from_libgit2(const git_oid& id, ObjectType type);
    fastread::PackReader* blob_packs();
    std::optional<CommitLinks> links_at(const fastread::PackLocation& location);
    util::Expected<void> check_pack_damage(const fastread::PackReader* reader) const;
    util::Expected<ObjectRef> absent(const git_oid& id, ObjectType type) const;

    git_repository* m_repo;
    Handle<git_odb, git_odb_free> m_odb;
    std::unique_ptr<fastread::PackReader> m_packs;
    /// Blobs go through their own reader, so that their delta bases never evict the trees'
    /// (made on the first blob read).
    std::unique_ptr<fastread::PackReader> m_blob_packs;
    std::shared_ptr<const fastread::PackSet> m_pack_set;
    std::size_t m_blob_cache_bytes;
    SourceCounters m_counters;
    std::vector<unsigned char> m_prefix;  ///< scratch for walk_commit
    std::string m_objects_dir;
    bool m_partial = false;
};

}  // namespace roles::git
