#include "roles/git/merge.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

namespace roles::git {
namespace {

// Re-interns ids of one source history into the merged one.
class Interner {
public:
    explicit Interner(History& out) : m_out(out) {}

    IdentityId identity(const Identity& identity) {
        const std::string key = identity.name + '\n' + identity.email;
        const auto [it, added] = m_identities.try_emplace(key, static_cast<IdentityId>(m_out.identities.size()));
        if (added) m_out.identities.push_back(identity);
        return it->second;
    }

    PathId path(const std::string& path) {
        const auto [it, added] = m_paths.try_emplace(path, static_cast<PathId>(m_out.paths.size()));
        if (added) m_out.paths.push_back(path);
        return it->second;
    }

private:
    History& m_out;
    std::unordered_map<std::string, IdentityId> m_identities;
    std::unordered_map<std::string, PathId> m_paths;
};

Commit remap(Commit commit, const History& from, Interner& interner) {
    commit.author = interner.identity(from.identities.at(commit.author));
    commit.committer = interner.identity(from.identities.at(commit.committer));
    for (auto& co_author : commit.co_authors) co_author = interner.identity(from.identities.at(co_author));
    for (auto& change : commit.changes) {
        change.path = interner.path(from.paths.at(change.path));
        change.old_path = interner.path(from.paths.at(change.old_path));
    }
    return commit;
}

// Interleaves the remapped commit lists newest first; within one list the order is kept
// (topological order must survive for rename following). Parent indexes follow the commits.
std::vector<Commit> interleave(std::vector<std::vector<Commit>> lists) {
    std::vector<Commit> out;
    std::vector<std::size_t> next(lists.size(), 0);
    std::vector<std::vector<std::uint32_t>> moved_to(lists.size());
    for (std::size_t i = 0; i < lists.size(); ++i) moved_to[i].resize(lists[i].size());
    std::vector<std::size_t> origin;
    for (;;) {
        std::optional<std::size_t> pick;
        for (std::size_t i = 0; i < lists.size(); ++i) {
            if (next[i] == lists[i].size()) continue;
            if (!pick || lists[i][next[i]].time > lists[*pick][next[*pick]].time) pick = i;
        }
        if (!pick) break;
        moved_to[*pick][next[*pick]] = static_cast<std::uint32_t>(out.size());
        origin.push_back(*pick);
        out.push_back(std::move(lists[*pick][next[*pick]++]));
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        for (auto& parent : out[i].parents) parent = moved_to[origin[i]][parent];
    }
    return out;
}

}  // namespace

History merge_histories(std::vector<History> histories) {
    if (histories.size() == 1) return std::move(histories.front());
    History out;
    if (histories.empty()) return out;
    Interner interner(out);
    std::vector<std::vector<Commit>> lists;
    std::vector<bool> at_head;
    for (auto& history : histories) {
        std::vector<Commit> commits;
        commits.reserve(history.commits.size());
        for (auto& commit : history.commits) commits.push_back(remap(std::move(commit), history, interner));
        lists.push_back(std::move(commits));
        for (auto tag : history.tags) {
            if (tag.tagger) tag.tagger = interner.identity(history.identities.at(*tag.tagger));
            out.tags.push_back(std::move(tag));
        }
        for (auto file : history.head_files) {
            const auto id = interner.path(history.paths.at(file));
            if (id >= at_head.size()) at_head.resize(id + 1, false);
            if (!at_head[id]) out.head_files.push_back(id);
            at_head[id] = true;
        }
        out.head_time = std::max(out.head_time, history.head_time);
        out.shallow = out.shallow || history.shallow;
        out.missing_objects += history.missing_objects;
        out.warnings.insert(out.warnings.end(), history.warnings.begin(), history.warnings.end());
        out.repo_path += (out.repo_path.empty() ? "" : ", ") + history.repo_path;
    }
    out.head_id = histories.front().head_id;
    out.workdir = histories.front().workdir;
    out.commits = interleave(std::move(lists));
    return out;
}

}  // namespace roles::git
