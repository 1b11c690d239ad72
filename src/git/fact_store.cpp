#include "fact_store.hpp"

namespace roles::git {

void FactStore::set_tables(std::vector<std::string> paths, std::vector<RawIdentity> identities) {
    m_paths = std::move(paths);
    m_identities = std::move(identities);
    m_path_ids.clear();
    m_identity_ids.clear();
    m_indexed = false;
}

// Tables set as read from a file are indexed only if something is interned into them
// later; the first of equal entries is the one found.
void FactStore::ensure_indexed() {
    if (m_indexed) return;
    m_indexed = true;
    for (std::size_t i = 0; i < m_paths.size(); ++i) m_path_ids.emplace(m_paths[i], static_cast<TableIndex>(i));
    for (std::size_t i = 0; i < m_identities.size(); ++i) {
        m_identity_ids.emplace(m_identities[i].name + '\n' + m_identities[i].email, static_cast<TableIndex>(i));
    }
}

TableIndex FactStore::intern_path(std::string_view path) {
    ensure_indexed();
    if (const auto found = m_path_ids.find(path); found != m_path_ids.end()) return found->second;
    const auto index = static_cast<TableIndex>(m_paths.size());
    m_paths.emplace_back(path);
    m_path_ids.emplace(std::string(path), index);
    return index;
}

TableIndex FactStore::intern_identity(std::string_view name, std::string_view email) {
    ensure_indexed();
    // '\n' cannot occur in a signature (git strips it), so the joined key is unambiguous.
    std::string key;
    key.reserve(name.size() + email.size() + 1);
    key.append(name).push_back('\n');
    key.append(email);
    if (const auto found = m_identity_ids.find(key); found != m_identity_ids.end()) return found->second;
    const auto index = static_cast<TableIndex>(m_identities.size());
    m_identities.push_back(RawIdentity{std::string(name), std::string(email)});
    m_identity_ids.emplace(std::move(key), index);
    return index;
}

std::size_t FactStore::add(CommitFacts&& facts) {
    m_commits.push_back(std::move(facts));
    return m_commits.size() - 1;
}

void FactStore::reserve(std::size_t commits, std::size_t paths) {
    m_commits.reserve(commits);
    m_paths.reserve(paths);
    m_path_ids.reserve(paths);
}

}  // namespace roles::git
