#pragma once
// Who did what when: authorship (the per-person commit lists every metric is computed
// from) and the other kinds of activity (committing, sign-offs, reviews, acks, tags,
// Gerrit review notes) that show a person is still at work.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "roles/engine/identity.hpp"
#include "roles/git/history.hpp"
#include "roles/roster/roster.hpp"

namespace roles::engine {

using roster::ActivityKind;
using roster::k_activity_kinds;

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

/// A person credited on a commit by a kind other than `authored`.
struct ActivityCredit {
    ActivityKind kind = ActivityKind::committed;
    PersonId person = 0;
    bool operator==(const ActivityCredit&) const = default;
};

/// One thing a person did. `index` is into History::tags for `tagged`, into
/// History::commits otherwise. `time` is the author time for `authored`, the tag's time for
/// `tagged`, and the committer time for the rest (when the patch was applied, signed off,
/// reviewed or submitted).
struct ActivityEvent {
    ActivityKind kind = ActivityKind::authored;
    std::uint32_t index = 0;
    std::int64_t time = 0;
};

/// A person's activity counted by kind (ActivityKind order).
using ActivityCounts = std::array<std::uint32_t, k_activity_kinds>;

/// Credited activity per person over the whole loaded history. Authorship: a non-merge,
/// non-bot commit is credited to its author and to each co-author (once per person).
/// Other kinds (see roster::ActivityKind) credit people who are not among the commit's
/// authors; bots and forge committers are never credited.
struct Activity {
    /// commits_by_person[p] = indexes into History::commits authored by p, oldest first.
    std::vector<std::vector<std::uint32_t>> commits_by_person;
    /// Indexes of every non-merge commit with at least one credited author, oldest first.
    std::vector<std::uint32_t> counted_commits;
    /// Credited authors of each commit (empty for merges and bot-only commits).
    std::vector<std::vector<PersonId>> credited;
    /// The other kinds each commit credits, each (kind, person) once, in the order met:
    /// committer, then trailers in message order, then review-note lines.
    std::vector<std::vector<ActivityCredit>> other_credits;
    /// Every event of each person, every kind, oldest first (ties: commits before tags,
    /// then by index).
    std::vector<std::vector<ActivityEvent>> events_by_person;
};

/// Builds the Activity of `history` under `resolution`. Trailer and review-note values are
/// resolved with resolve_text (each distinct value once).
[[nodiscard]] Activity collect_activity(const git::History& history, const Resolution& resolution);

/// Whether identity `identity` of the history is a forge committer: the account a forge
/// commits as when someone presses a button (GitHub's web-flow `GitHub <noreply@github.com>`,
/// GitLab, Gerrit), i.e. it matched an automation rule of kind `forge-committer`
/// (roles/automation.yaml, or the roster's `automation:`). Committing as it is nobody's
/// activity; a merge it committed is credited to the merge's author.
[[nodiscard]] bool is_forge_committer(const Resolution& resolution, git::IdentityId identity);

/// A person's newest activity of any kind.
struct LastActivity {
    std::int64_t time = 0;
    ActivityKind kind = ActivityKind::authored;
};

/// The person's newest event (the first of the newest time, in events_by_person order),
/// or nullopt when they have none.
[[nodiscard]] std::optional<LastActivity> last_activity(const Activity& activity, PersonId person);

/// The time of last_activity, or nullopt: what staleness is judged by.
[[nodiscard]] std::optional<std::int64_t> last_active(const git::History& history,
                                                      const Activity& activity, PersonId person);

/// The person's events inside `window`, counted by kind.
[[nodiscard]] ActivityCounts activity_counts(const Activity& activity, PersonId person, const Window& window);

/// The people commit `index` credits under `kinds` (empty = [authored]), authors first,
/// each once. `tagged` credits nobody on a commit.
[[nodiscard]] std::vector<PersonId> credited_for(const Activity& activity, std::uint32_t index,
                                                 const std::vector<ActivityKind>& kinds);

}  // namespace roles::engine
