#include "roles/engine/range.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <unordered_set>

namespace roles::engine {
namespace {

constexpr std::uint32_t k_dropped = std::numeric_limits<std::uint32_t>::max();

// Undoes `commit`'s changes on the set of files present after it.
void undo_changes(const git::Commit& commit, std::unordered_set<git::PathId>& present) {
    for (const auto& change : commit.changes) {
        switch (change.kind) {
            case git::ChangeKind::added: present.erase(change.path); break;
            case git::ChangeKind::deleted: present.insert(change.path); break;
            case git::ChangeKind::renamed:
                present.erase(change.path);
                present.insert(change.old_path);
                break;
            case git::ChangeKind::modified: break;
        }
    }
}

std::vector<git::PathId> files_before(const git::History& history, const std::vector<const git::Commit*>& dropped) {
    std::unordered_set<git::PathId> present(history.head_files.begin(), history.head_files.end());
    for (const auto* commit : dropped) undo_changes(*commit, present);  // newest first
    std::vector<git::PathId> files;
    for (const auto path : history.head_files) {
        if (present.erase(path) > 0) files.push_back(path);
    }
    std::vector<git::PathId> restored(present.begin(), present.end());
    std::ranges::sort(restored, [&](git::PathId a, git::PathId b) { return history.paths[a] < history.paths[b]; });
    files.insert(files.end(), restored.begin(), restored.end());
    return files;
}

// The commits with keep[i], parents renumbered; the rest of the History as given.
git::History cut_history(const git::History& history, const std::vector<bool>& keep, std::int64_t tags_until) {
    git::History out;
    out.identities = history.identities;
    out.paths = history.paths;
    out.commits.reserve(static_cast<std::size_t>(std::count(keep.begin(), keep.end(), true)));
    std::vector<std::uint32_t> moved_to(history.commits.size(), k_dropped);
    std::vector<const git::Commit*> dropped;
    for (std::size_t i = 0; i < history.commits.size(); ++i) {
        if (keep[i]) {
            moved_to[i] = static_cast<std::uint32_t>(out.commits.size());
            out.commits.push_back(history.commits[i]);
        } else {
            dropped.push_back(&history.commits[i]);
        }
    }
    for (auto& commit : out.commits) {
        std::erase_if(commit.parents, [&](std::uint32_t parent) { return moved_to[parent] == k_dropped; });
        for (auto& parent : commit.parents) parent = moved_to[parent];
    }
    for (const auto& tag : history.tags) {
        if (tag.time <= tags_until) out.tags.push_back(tag);
    }
    if (dropped.empty()) {
        out.head_files = history.head_files;
        out.head_id = history.head_id;
        out.head_time = history.head_time;
    } else {
        out.head_files = files_before(history, dropped);
        out.head_id = out.commits.empty() ? std::string() : out.commits.front().id;
        out.head_time = out.commits.empty() ? 0 : out.commits.front().time;
    }
    out.repo_path = history.repo_path;
    out.workdir = history.workdir;
    out.shallow = history.shallow;
    out.missing_objects = history.missing_objects;
    out.warnings = history.warnings;
    return out;
}

}  // namespace

std::optional<std::uint32_t> commit_index(const git::History& history, std::string_view id) {
    for (std::size_t i = 0; i < history.commits.size(); ++i) {
        if (history.commits[i].id == id) return static_cast<std::uint32_t>(i);
    }
    return std::nullopt;
}

std::string_view to_string(WindowRule rule) {
    static constexpr std::array<std::string_view, 4> k_names = {"range", "dates", "mixed", "default"};
    return k_names[static_cast<std::size_t>(rule)];
}

WindowRule rule_between(const WindowEnd& from, const WindowEnd& to) {
    if (from.commit && to.commit) return WindowRule::range;
    return !from.commit && !to.commit ? WindowRule::dates : WindowRule::mixed;
}

const std::vector<bool>& Reachability::from(std::uint32_t tip) const {
    auto found = m_masks.find(tip);
    if (found == m_masks.end()) found = m_masks.emplace(tip, reachable_from(m_history, tip)).first;
    return found->second;
}

std::shared_ptr<const CommitSet> commits_between(const git::History& history, const WindowEnd& from,
                                                 const WindowEnd& to, const Reachability* reach) {
    if (!from.commit && !to.commit) return nullptr;
    const auto n = history.commits.size();
    const Reachability own(history);
    const Reachability& masks = reach != nullptr ? *reach : own;
    const std::vector<bool> all(n, true);
    const std::vector<bool> none(n, false);
    const auto& included = to.commit ? masks.from(*to.commit) : all;
    const auto& excluded = from.commit ? masks.from(*from.commit) : none;
    auto set = std::make_shared<CommitSet>();
    for (std::size_t i = 0; i < n; ++i) {
        if (!included[i] || excluded[i]) continue;
        const auto time = history.commits[i].time;
        if ((!to.commit && time > to.time) || (!from.commit && time < from.time)) continue;
        set->insert(history.commits[i].id);
    }
    return set;
}

std::vector<bool> reachable_from(const git::History& history, std::uint32_t tip) {
    std::vector<bool> seen(history.commits.size(), false);
    std::vector<std::uint32_t> stack{tip};
    seen[tip] = true;
    while (!stack.empty()) {
        const auto index = stack.back();
        stack.pop_back();
        for (const auto parent : history.commits[index].parents) {
            if (parent < seen.size() && !seen[parent]) {
                seen[parent] = true;
                stack.push_back(parent);
            }
        }
    }
    return seen;
}

std::shared_ptr<const CommitSet> range_commits(const git::History& history, std::optional<std::uint32_t> from,
                                               std::uint32_t to) {
    const auto included = reachable_from(history, to);
    const auto excluded = from ? reachable_from(history, *from) : std::vector<bool>(history.commits.size(), false);
    auto set = std::make_shared<CommitSet>();
    for (std::size_t i = 0; i < history.commits.size(); ++i) {
        if (included[i] && !excluded[i]) set->insert(history.commits[i].id);
    }
    return set;
}

git::History history_at(const git::History& history, std::uint32_t tip, std::int64_t tags_until) {
    auto out = cut_history(history, reachable_from(history, tip), tags_until);
    // The tip is the newest ancestor of itself in date order, unless a clock was wrong.
    out.head_id = history.commits[tip].id;
    out.head_time = history.commits[tip].time;
    return out;
}

git::History history_until(const git::History& history, std::int64_t end) {
    std::vector<bool> keep(history.commits.size());
    for (std::size_t i = 0; i < history.commits.size(); ++i) keep[i] = history.commits[i].time <= end;
    return cut_history(history, keep, end);
}

}  // namespace roles::engine
