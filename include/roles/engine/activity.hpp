#pragma once
// Who committed when: the per-person commit lists every metric is computed from.

#include <cstdint>
#include <vector>

#include "roles/engine/identity.hpp"
#include "roles/git/history.hpp"

namespace roles::engine {

/// The analysed period, inclusive, in seconds since the epoch.
struct Window {
    std::int64_t begin = 0;
    std::int64_t end = 0;
    [[nodiscard]] bool contains(std::int64_t t) const { return t >= begin && t <= end; }
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
