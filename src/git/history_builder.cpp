#include "history_builder.hpp"

#include <algorithm>
#include <limits>

#include "commit_reader.hpp"
#include "roles/util/parallel.hpp"

namespace roles::git {

namespace {

constexpr std::uint32_t k_unset = std::numeric_limits<std::uint32_t>::max();
// Sizes that avoid most rehashing on a mid-sized project; larger ones grow as needed.
constexpr std::size_t k_expected_identities = 1024;
constexpr std::size_t k_expected_paths = 16384;

}  // namespace

HistoryBuilder::HistoryBuilder(History& history, const git_mailmap* mailmap)
    : m_history(history), m_mailmap(mailmap) {
    m_identity_ids.reserve(k_expected_identities);
    m_history.identities.reserve(k_expected_identities);
    m_path_ids.reserve(k_expected_paths);
    m_history.paths.reserve(k_expected_paths);
}

void HistoryBuilder::reserve_commits(std::size_t commits) {
    m_history.commits.reserve(m_history.commits.size() + commits);
}

IdentityId HistoryBuilder::identity(const RawIdentity& identity) {
    std::string key;
    key.reserve(identity.name.size() + identity.email.size() + 1);
    key.append(identity.name).push_back('\n');
    key.append(identity.email);
    const auto next = static_cast<IdentityId>(m_history.identities.size());
    const auto [it, inserted] = m_identity_ids.try_emplace(std::move(key), next);
    if (inserted) m_history.identities.push_back(Identity{identity.name, identity.email});
    return it->second;
}

IdentityId HistoryBuilder::raw_identity(const char* name, const char* email) {
    return identity(resolve_identity(m_mailmap, name, email));
}

PathId HistoryBuilder::path(const std::string& path) {
    const auto next = static_cast<PathId>(m_history.paths.size());
    const auto [it, inserted] = m_path_ids.try_emplace(path, next);
    if (inserted) m_history.paths.push_back(path);
    return it->second;
}

HistoryBuilder::StoreIds& HistoryBuilder::ids_for(const FactStore& store) {
    // Commits come in runs from the same store, so the last one is checked first.
    if (m_last_store < m_stores.size() && m_stores[m_last_store].store == &store) return m_stores[m_last_store];
    for (std::size_t i = 0; i < m_stores.size(); ++i) {
        if (m_stores[i].store == &store) {
            m_last_store = i;
            return m_stores[i];
        }
    }
    m_stores.push_back(StoreIds{&store, {}, {}});
    m_last_store = m_stores.size() - 1;
    return m_stores.back();
}

IdentityId HistoryBuilder::store_identity(const FactStore& store, StoreIds& ids, TableIndex index) {
    if (ids.identities.size() <= index) ids.identities.resize(store.identity_count(), k_unset);
    IdentityId& id = ids.identities[index];
    if (id == k_unset) {
        const RawIdentity& raw = store.identity(index);
        id = raw_identity(raw.name.c_str(), raw.email.c_str());
    }
    return id;
}

PathId HistoryBuilder::store_path(const FactStore& store, TableIndex index) {
    return store_path(store, ids_for(store), index);
}

PathId HistoryBuilder::store_path(const FactStore& store, StoreIds& ids, TableIndex index) {
    if (ids.paths.size() <= index) ids.paths.resize(store.path_count(), k_unset);
    PathId& id = ids.paths[index];
    if (id == k_unset) id = path(store.path(index));
    return id;
}

void HistoryBuilder::intern_commit(const FactStore& store, CommitFacts& facts) {
    StoreIds& ids = ids_for(store);
    // Store indexes become history ids in place; the lists then move into the commit.
    facts.author = store_identity(store, ids, facts.author);
    facts.committer = store_identity(store, ids, facts.committer);
    for (TableIndex& co_author : facts.co_authors) co_author = store_identity(store, ids, co_author);
    for (FactChange& change : facts.changes) {
        const bool renamed = change.old_path != change.path;
        change.path = store_path(store, ids, change.path);
        change.old_path = renamed ? store_path(store, ids, change.old_path) : change.path;
    }
    m_history.missing_objects += facts.missing_objects;
    m_history.rename_fallbacks += facts.rename_fallbacks;
}

void HistoryBuilder::fill_commit(CommitFacts& facts, Commit& commit) {
    commit.id = to_hex(facts.id);
    commit.author = facts.author;
    commit.committer = facts.committer;
    commit.time = facts.time;
    commit.commit_time = facts.commit_time;
    commit.offset_minutes = facts.offset_minutes;
    commit.parent_count = static_cast<std::uint32_t>(facts.parents.size());
    commit.message = std::move(facts.message);
    commit.trailers = std::move(facts.trailers);
    commit.co_authors = std::move(facts.co_authors);
    commit.changes = std::move(facts.changes);
}

void HistoryBuilder::add_commit(const FactStore& store, CommitFacts& facts) {
    intern_commit(store, facts);
    fill_commit(facts, m_history.commits.emplace_back());
}

void HistoryBuilder::link_parents(const std::vector<FactRef>& refs, std::size_t first) {
    FlatOidMap<std::uint32_t> index;
    index.reserve(m_history.commits.size());
    for (std::size_t i = 0; i < refs.size(); ++i) index.insert(refs[i].facts().id, static_cast<std::uint32_t>(first + i));
    for (std::size_t i = 0; i < refs.size(); ++i) {
        auto& parents = m_history.commits[first + i].parents;
        parents.clear();
        for (const git_oid& parent : refs[i].facts().parents) {
            if (const std::uint32_t* found = index.find(parent)) parents.push_back(*found);
        }
    }
}

void HistoryBuilder::add_commits(const std::vector<FactRef>& refs, unsigned threads) {
    // Interning gives ids in order of first use, so it goes through the commits in order;
    // the rest (ids in hex, lists moved into place) is per commit and is shared out.
    for (const FactRef& ref : refs) intern_commit(*ref.store, ref.facts());
    const std::size_t first = m_history.commits.size();
    m_history.commits.resize(first + refs.size());
    constexpr std::size_t k_chunk = 4096;
    const std::size_t chunks = (refs.size() + k_chunk - 1) / k_chunk;
    util::for_each_index(chunks, threads, [&](std::size_t chunk) {
        const std::size_t end = std::min(refs.size(), (chunk + 1) * k_chunk);
        for (std::size_t i = chunk * k_chunk; i < end; ++i) fill_commit(refs[i].facts(), m_history.commits[first + i]);
    });
    link_parents(refs, first);
}

}  // namespace roles::git
