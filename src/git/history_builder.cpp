#include "history_builder.hpp"

namespace roles::git {

namespace {

// Sizes that avoid most rehashing on a mid-sized project; larger ones grow as needed.
constexpr std::size_t k_expected_identities = 1024;
constexpr std::size_t k_expected_paths = 16384;

}  // namespace

HistoryBuilder::HistoryBuilder(History& history) : m_history(history) {
    m_identity_ids.reserve(k_expected_identities);
    m_history.identities.reserve(k_expected_identities);
    m_path_ids.reserve(k_expected_paths);
    m_history.paths.reserve(k_expected_paths);
}

void HistoryBuilder::reserve_commits(std::size_t commits) {
    m_history.commits.reserve(m_history.commits.size() + commits);
}

IdentityId HistoryBuilder::identity(const RawIdentity& identity) {
    // '\n' cannot occur in a signature (git and libgit2 strip it), so the key is unambiguous.
    std::string key;
    key.reserve(identity.name.size() + identity.email.size() + 1);
    key.append(identity.name).push_back('\n');
    key.append(identity.email);
    const auto next = static_cast<IdentityId>(m_history.identities.size());
    const auto [it, inserted] = m_identity_ids.try_emplace(std::move(key), next);
    if (inserted) m_history.identities.push_back(Identity{identity.name, identity.email});
    return it->second;
}

PathId HistoryBuilder::path(const std::string& path) {
    const auto next = static_cast<PathId>(m_history.paths.size());
    const auto [it, inserted] = m_path_ids.try_emplace(path, next);
    if (inserted) m_history.paths.push_back(path);
    return it->second;
}

void HistoryBuilder::add_commit(RawCommit&& raw) {
    Commit commit;
    commit.id = std::move(raw.id);
    commit.author = identity(raw.author);
    commit.committer = identity(raw.committer);
    commit.time = raw.time;
    commit.offset_minutes = raw.offset_minutes;
    commit.parent_count = raw.parent_count;
    commit.message = std::move(raw.message);
    commit.trailers = std::move(raw.trailers);
    commit.co_authors.reserve(raw.co_authors.size());
    for (const auto& co_author : raw.co_authors) commit.co_authors.push_back(identity(co_author));
    commit.changes.reserve(raw.changes.size());
    for (const auto& change : raw.changes) {
        const PathId new_path = path(change.path);
        const PathId old_path = change.kind == ChangeKind::renamed ? path(change.old_path) : new_path;
        commit.changes.push_back(PathChange{new_path, old_path, change.kind});
    }
    m_history.missing_objects += raw.missing_objects;
    m_history.commits.push_back(std::move(commit));
}

}  // namespace roles::git
