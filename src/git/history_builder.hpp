#pragma once
// Internal to src/git: fills a History from commit facts, applying .mailmap and interning
// identities and paths. Ids are given in order of first use, so the same facts added in
// the same order give the same History whichever stores (threads, cache files) hold them.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fact_store.hpp"
#include "oid_map.hpp"
#include "roles/git/history.hpp"

namespace roles::git {

/// Appends to a History. Identities are interned by exact name+email after .mailmap, paths
/// by exact string; ids are indexes into History::identities / History::paths.
class HistoryBuilder {
public:
    /// `mailmap` may be null (no .mailmap); it must outlive the builder.
    HistoryBuilder(History& history, const git_mailmap* mailmap);

    /// Room for `commits` more commits.
    void reserve_commits(std::size_t commits);
    /// An identity already resolved through the mailmap.
    [[nodiscard]] IdentityId identity(const RawIdentity& identity);
    /// An identity as written: resolved through the mailmap, then interned.
    [[nodiscard]] IdentityId raw_identity(const char* name, const char* email);
    [[nodiscard]] PathId path(const std::string& path);
    /// Interns and appends one commit read into `store`, taking its message, trailers,
    /// co-authors and changes (the facts are left without them: add each commit once);
    /// its missing objects add to the history's count.
    void add_commit(const FactStore& store, CommitFacts& facts);
    /// add_commit for each of `refs` (none empty), in order, on up to `threads` threads: the
    /// same History as adding them one by one, plus each commit's parents among `refs` as
    /// History indexes (Commit::parents).
    void add_commits(const std::vector<FactRef>& refs, unsigned threads);
    /// `store`'s path at `index`, interned.
    [[nodiscard]] PathId store_path(const FactStore& store, TableIndex index);
    void add_missing(std::uint32_t count) { m_history.missing_objects += count; }
    [[nodiscard]] History& history() { return m_history; }

private:
    // Store index -> history id, filled on first use (k_unset until then).
    struct StoreIds {
        const FactStore* store = nullptr;
        std::vector<IdentityId> identities;
        std::vector<PathId> paths;
    };

    StoreIds& ids_for(const FactStore& store);
    // Commit::parents of the commits added from `refs`, the first at History index `first`.
    void link_parents(const std::vector<FactRef>& refs, std::size_t first);
    // Turns the facts' store indexes into history ids (interning) and counts their missing objects.
    void intern_commit(const FactStore& store, CommitFacts& facts);
    // Fills `commit` from interned facts, taking their lists.
    static void fill_commit(CommitFacts& facts, Commit& commit);
    IdentityId store_identity(const FactStore& store, StoreIds& ids, TableIndex index);
    PathId store_path(const FactStore& store, StoreIds& ids, TableIndex index);

    History& m_history;
    const git_mailmap* m_mailmap;
    std::unordered_map<std::string, IdentityId> m_identity_ids;
    std::unordered_map<std::string, PathId> m_path_ids;
    std::vector<StoreIds> m_stores;
    std::size_t m_last_store = 0;
};

}  // namespace roles::git
