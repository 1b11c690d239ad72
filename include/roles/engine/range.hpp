#pragma once
// Git range semantics on a loaded History: which commits a ref reaches, the commits of
// `A..B` exactly as `git rev-list A..B` lists them, and the history as it was at a commit
// or at a time (what the analysis of a window that ends in the past reads).

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "roles/engine/activity.hpp"
#include "roles/git/history.hpp"

namespace roles::engine {

/// What decides which commits a window holds.
enum class WindowRule : std::uint8_t {
    range,   ///< both ends refs: the commits of `git rev-list A..B`, whatever their dates
    dates,   ///< both ends dates: the commits whose author time is between them
    mixed,   ///< a ref and a date: reachable from B (or up to its date), not from A (nor before its date)
    recent,  ///< no end given: the roster's `window` (365 days) back from HEAD, by date
};
/// "range", "dates", "mixed", "default".
[[nodiscard]] std::string_view to_string(WindowRule rule);

/// One end of a window: a commit of the history (a ref) or, when `commit` is unset, a time.
struct WindowEnd {
    std::optional<std::uint32_t> commit;  ///< index into History::commits
    std::int64_t time = 0;                ///< the window's begin or end as a time
};

/// reachable_from for several tips of one History, each answered once.
class Reachability {
public:
    explicit Reachability(const git::History& history) : m_history(history) {}
    [[nodiscard]] const std::vector<bool>& from(std::uint32_t tip) const;

private:
    const git::History& m_history;
    mutable std::unordered_map<std::uint32_t, std::vector<bool>> m_masks;
};

/// The commits between two ends: reachable from `to` (or with a time ≤ to.time) and not
/// reachable from `from` (nor with a time < from.time); null when neither end is a commit
/// (a window of dates, decided by time alone). `reach` answers for `history` when given.
[[nodiscard]] std::shared_ptr<const CommitSet> commits_between(const git::History& history, const WindowEnd& from,
                                                               const WindowEnd& to,
                                                               const Reachability* reach = nullptr);

/// The rule two ends make.
[[nodiscard]] WindowRule rule_between(const WindowEnd& from, const WindowEnd& to);

/// The index in History::commits of the commit with id `id`, or nullopt.
[[nodiscard]] std::optional<std::uint32_t> commit_index(const git::History& history, std::string_view id);

/// reachable[i]: whether commit i is `tip` or one of its ancestors (Commit::parents).
[[nodiscard]] std::vector<bool> reachable_from(const git::History& history, std::uint32_t tip);

/// The commits reachable from `to` and not from `from` (`git rev-list from..to`, merges
/// included); every commit reachable from `to` when `from` is nullopt.
[[nodiscard]] std::shared_ptr<const CommitSet> range_commits(const git::History& history,
                                                             std::optional<std::uint32_t> from, std::uint32_t to);

/// The history as it was at commit `tip`: its ancestors only (order kept), parents
/// renumbered, the tags whose time is ≤ `tags_until`, HEAD `tip`, and the files at HEAD
/// rebuilt by undoing the other commits' changes (as history_until).
[[nodiscard]] git::History history_at(const git::History& history, std::uint32_t tip, std::int64_t tags_until);

/// The history as it was at `end`: the commits and tags whose time is ≤ end (order kept),
/// the same identities and paths, HEAD the newest kept commit, and the files at HEAD
/// reconstructed by undoing the dropped commits' changes (added files removed, deleted
/// files restored, renames reversed) from the loaded HEAD's files. A merge's own conflict
/// resolutions are not seen (merges carry no changes); nothing else is approximated.
[[nodiscard]] git::History history_until(const git::History& history, std::int64_t end);

}  // namespace roles::engine
