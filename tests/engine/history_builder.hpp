#pragma once
// Builds a git::History in memory for engine tests (no repository involved).

#include <string>
#include <vector>

#include "roles/git/history.hpp"
#include "roles/roster/automation.hpp"
#include "roles/roster/roster.hpp"

namespace roles::test {

/// A fixed "now": 2024-06-01T12:00:00Z, a Saturday. Tests compute offsets from it.
inline constexpr std::int64_t k_head_time = 1717243200;
inline constexpr std::int64_t k_day = 86400;

class HistoryBuilder {
public:
    git::IdentityId identity(const std::string& name, const std::string& email) {
        for (std::size_t i = 0; i < m_history.identities.size(); ++i) {
            if (m_history.identities[i] == git::Identity{name, email}) return static_cast<git::IdentityId>(i);
        }
        m_history.identities.push_back({name, email});
        return static_cast<git::IdentityId>(m_history.identities.size() - 1);
    }

    git::PathId path(const std::string& path) {
        for (std::size_t i = 0; i < m_history.paths.size(); ++i) {
            if (m_history.paths[i] == path) return static_cast<git::PathId>(i);
        }
        m_history.paths.push_back(path);
        return static_cast<git::PathId>(m_history.paths.size() - 1);
    }

    /// Appends a commit (call in chronological order); returns it for further edits. Its
    /// parent is the commit appended before it (see parents_of for others).
    git::Commit& commit(git::IdentityId author, std::int64_t time, const std::string& message,
                        const std::vector<std::string>& paths = {}) {
        git::Commit commit;
        commit.id = std::to_string(m_commits.size());
        commit.id.insert(0, 40 - commit.id.size(), '0');
        commit.author = author;
        commit.committer = author;
        commit.time = time;
        commit.commit_time = time;
        commit.parent_count = m_commits.empty() ? 0 : 1;
        if (!m_commits.empty()) commit.parents = {static_cast<std::uint32_t>(m_commits.size() - 1)};
        commit.message = message;
        for (const auto& p : paths) {
            const auto id = path(p);
            commit.changes.push_back({id, id, git::ChangeKind::modified});
        }
        m_commits.push_back(std::move(commit));
        return m_commits.back();
    }

    /// Sets the parents of commit number `commit` (0 = the first appended) to commits by
    /// their numbers, first parent first; two or more make it a merge.
    void parents_of(std::size_t commit, const std::vector<std::uint32_t>& parents) {
        m_commits.at(commit).parents = parents;
        m_commits.at(commit).parent_count = static_cast<std::uint32_t>(parents.size());
    }

    /// The id the builder gives commit number `commit`.
    [[nodiscard]] static std::string id_of(std::size_t commit) {
        std::string id = std::to_string(commit);
        id.insert(0, 40 - id.size(), '0');
        return id;
    }

    /// Tags commit number `commit` rather than the last one.
    void tag_on(std::size_t commit, const std::string& name, git::IdentityId tagger, std::int64_t time) {
        m_history.tags.push_back({name, m_commits.at(commit).id, tagger, time, 0, true});
    }

    void tag(const std::string& name, git::IdentityId tagger, std::int64_t time) {
        m_history.tags.push_back({name, m_commits.back().id, tagger, time, 0, true});
    }

    /// The history, newest commit first, HEAD at k_head_time.
    [[nodiscard]] git::History build() const {
        git::History history = m_history;
        history.commits.assign(m_commits.rbegin(), m_commits.rend());
        // Appended in chronological order; the History lists newest first.
        const auto last = static_cast<std::uint32_t>(m_commits.size() - 1);
        for (auto& commit : history.commits) {
            for (auto& parent : commit.parents) parent = last - parent;
        }
        history.head_id = history.commits.empty() ? "" : history.commits.front().id;
        history.head_time = k_head_time;
        return history;
    }

private:
    git::History m_history;
    std::vector<git::Commit> m_commits;
};

/// A roster person with one email.
inline roster::Person person(const std::string& key, const std::string& name, const std::string& email) {
    roster::Person p;
    p.key = key;
    p.name = name;
    p.emails = {email};
    return p;
}

/// A hat with holders (HolderSource::listed) and evidence on one path glob.
inline roster::Hat hat(const std::string& id, std::vector<std::string> holders, const std::string& glob,
                       int min = 1) {
    roster::Hat h;
    h.def.id = id;
    h.def.title = id;
    h.def.min = min;
    h.def.evidence.paths = {glob};
    for (auto& key : holders) h.holders.push_back({std::move(key), std::nullopt, std::nullopt, {}});
    h.source = roster::HolderSource::listed;
    return h;
}

/// A single-project roster with these people and hats, and the built-in automation list
/// (roles/automation.yaml, found beside the built catalogs).
inline roster::Roster make_roster(const std::vector<roster::Person>& people, std::vector<roster::Hat> hats) {
    roster::Roster r;
    r.file = "ROLES.yaml";
    for (const auto& p : people) r.people[p.key] = p;
    r.projects.push_back({"demo", {}, std::move(hats), {}});
    roster::adopt_builtin_automation(r);
    return r;
}

}  // namespace roles::test
