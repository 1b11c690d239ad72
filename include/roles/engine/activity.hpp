#pragma once
// Who committed when: the per-person commit lists every metric is computed from.

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "roles/engine/identity.hpp"
#include "roles/git/history.hpp"

namespace roles::engine {

/// Ids of the commits of a range window (see Window::commits).
using CommitSet = std::unordered_set<std::string>;

/// The analysed period, inclusive, in seconds since the epoch. A window of dates holds the
/// commits whose author time is in [begin, end]; a range window (`A..B` of refs, as `git
/// rev-list A..B`) holds exactly the commits of `commits`, whatever their times, and
/// begin/end are then the times of its ends (for staleness, burnout periods and display).
struct Window {
    Window() = default;
    Window(std::int64_t first, std::int64_t last, std::shared_ptr<const CommitSet> in = nullptr)
        : begin(first), end(last), commits(std::move(in)) {}

    std::int64_t begin = 0;
    std::int64_t end = 0;
    std::shared_ptr<const CommitSet> commits;  ///< null: a window of dates
    [[nodiscard]] bool contains(std::int64_t t) const { return t >= begin && t <= end; }
    /// Whether the commit is in the window: by id for a range window, else by time.
    [[nodiscard]] bool holds(const git::Commit& commit) const {
        return commits ? commits->contains(commit.id) : contains(commit.time);
    }
};

/// Credited non-merge, non-bot commits per person over the whole loaded history.
/// A commit is credited to its author and to each co-author (once per person).
struct Activity {
    /// commits_by_person[p] = indexes into History::commits, oldest first.
    std::vector<std::vector<std::uint32_t>> commits_by_person;
    /// Indexes of every non-merge commit with at least one credited person, oldest first.
    std::vector<std::uint32_t> counted_commits;
    /// Credited people of each commit (empty for merges and bot-only commits).
    std::vector<std::vector<PersonId>> credited;
};

/// Builds the Activity of `history` under `resolution`.
[[nodiscard]] Activity collect_activity(const git::History& history, const Resolution& resolution);

/// The person's last credited commit time, or nullopt when they have none.
[[nodiscard]] std::optional<std::int64_t> last_active(const git::History& history,
                                                      const Activity& activity, PersonId person);

}  // namespace roles::engine
