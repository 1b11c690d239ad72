#pragma once
// Internal to src/git: fills a History, interning identities and paths.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "commit_reader.hpp"
#include "roles/git/history.hpp"

namespace roles::git {

/// Appends to a History. Identities are interned by exact name+email (after .mailmap),
/// paths by exact string; ids are indexes into History::identities / History::paths.
class HistoryBuilder {
public:
    explicit HistoryBuilder(History& history);

    /// Room for `commits` more commits (the walk knows how many before reading them).
    void reserve_commits(std::size_t commits);
    [[nodiscard]] IdentityId identity(const RawIdentity& identity);
    [[nodiscard]] PathId path(const std::string& path);
    /// Interns and appends one commit; its missing objects add to the history's count.
    void add_commit(RawCommit&& raw);
    void add_missing(std::uint32_t count) { m_history.missing_objects += count; }
    [[nodiscard]] History& history() { return m_history; }

private:
    History& m_history;
    std::unordered_map<std::string, IdentityId> m_identity_ids;
    std::unordered_map<std::string, PathId> m_path_ids;
};

}  // namespace roles::git
