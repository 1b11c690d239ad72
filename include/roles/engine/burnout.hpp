#pragma once
// Per-person load figures and burnout signals (docs/formulas.md, "Burnout signals"): signals with the
// figures behind them, never a diagnosis. Pure functions of a person's commit times.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "roles/engine/activity.hpp"
#include "roles/roster/roster.hpp"

namespace roles::engine {

/// When one commit was made: author time (UTC seconds) and the author's own UTC offset
/// recorded in that commit.
struct CommitTime {
    CommitTime() = default;
    CommitTime(std::int64_t at, std::int32_t offset, std::optional<bool> in = std::nullopt)
        : time(at), offset_minutes(offset), in_window(in) {}

    std::int64_t time = 0;
    std::int32_t offset_minutes = 0;
    /// Set when the window's membership is by commit (a range window): whether this one is
    /// in it. Unset: by time.
    std::optional<bool> in_window;
};

/// A commit's wall-clock time where its author was: time + offset_minutes·60.
struct LocalTime {
    roster::Date day;      ///< local calendar day
    int hour = 0;          ///< 0–23
    int weekday = 0;       ///< 0 = Monday … 6 = Sunday
};

/// The local time of a commit.
[[nodiscard]] LocalTime local_time(const CommitTime& commit);
/// Saturday or Sunday, local time.
[[nodiscard]] bool is_weekend(const LocalTime& local);
/// Outside 10:00–18:00 on a weekday (hour < 10 or hour ≥ 18), or any time on a weekend.
[[nodiscard]] bool is_after_hours(const LocalTime& local);

/// A run of consecutive active local calendar days.
struct Streak {
    std::uint32_t days = 0;  ///< 0 when there is no commit
    roster::Date first;
    roster::Date last;
};

/// What `roles load --person` shows: the person's commits in the window, local time.
struct TimeProfile {
    std::uint32_t commits = 0;
    std::uint32_t active_days = 0;             ///< local calendar days with ≥ 1 commit
    std::array<std::uint32_t, 24> by_hour{};   ///< commits by local hour
    std::array<std::uint32_t, 7> by_weekday{}; ///< commits by local weekday, Monday first
    Streak longest_streak;                     ///< the earliest of the longest runs
};

/// The hat figures the caller computes (docs/formulas.md, "Person load"): hats held now,
/// hats where the person is the only active holder, Σ effort ÷ capacity.
struct HatLoad {
    int hats = 0;
    int sole_hats = 0;
    double commitment = 0.0;
};

/// The per-person baseline test of `after-hours` and `weekend`: the share of matching
/// commits in the recent period against the baseline period before it.
struct ShareTest {
    bool on = false;
    bool enough_commits = false;   ///< ≥ after_hours_min_commits in each period
    std::uint32_t recent_commits = 0;
    std::uint32_t recent_matching = 0;
    std::uint32_t baseline_commits = 0;
    std::uint32_t baseline_matching = 0;
    [[nodiscard]] double recent_share() const;    ///< 0 when there is no commit
    [[nodiscard]] double baseline_share() const;  ///< 0 when there is no commit
};

/// `rising-load`: active days in the recent period against the same length before it.
struct RisingLoadTest {
    bool on = false;
    std::uint32_t recent_active_days = 0;
    std::uint32_t previous_active_days = 0;
};

/// The signals, in report order.
enum class Signal : std::uint8_t {
    after_hours, weekend, long_streak, rising_load, over_committed, many_hats, sole_holder
};
/// "after-hours", "weekend", "long-streak", "rising-load", "over-committed", "many-hats",
/// "sole-holder".
[[nodiscard]] std::string_view to_string(Signal signal);

/// none (0 signals on), low (1), medium (2), high (≥ 3).
enum class RiskLevel : std::uint8_t { none, low, medium, high };
/// "none", "low", "medium", "high".
[[nodiscard]] std::string_view to_string(RiskLevel level);

/// Every signal with its figures.
struct BurnoutSignals {
    ShareTest after_hours;
    ShareTest weekend;
    bool long_streak = false;      ///< figures: TimeProfile::longest_streak
    RisingLoadTest rising_load;
    bool over_committed = false;   ///< figures: HatLoad (echoed in `hat_load`)
    bool many_hats = false;
    bool sole_holder = false;
    HatLoad hat_load;

    /// The signals that are on, in enum order.
    [[nodiscard]] std::vector<Signal> active() const;
    [[nodiscard]] RiskLevel risk() const;
};

/// A person's profile and signals.
struct PersonLoad {
    TimeProfile profile;
    BurnoutSignals signals;
};

/// The profile of the commits whose UTC time is in `window` (inclusive).
[[nodiscard]] TimeProfile time_profile(std::span<const CommitTime> commits, const Window& window);

/// Evaluates every signal. `commits` are ALL the person's credited non-merge commits (any
/// order), not just the window's: the baselines reach back before the window. Periods are
/// taken by UTC instant back from window.end, each half-open (start, end]:
///  - recent   = (end − recent_days, end]
///  - baseline = (end − recent_days − baseline_days, end − recent_days]   (after-hours, weekend)
///  - previous = (end − 2·recent_days, end − recent_days]                 (rising-load)
/// after-hours / weekend: on when both periods have ≥ after_hours_min_commits commits, the
///   recent share is > 0, and recent share ≥ after_hours_ratio × baseline share; so a zero
///   baseline share (an infinite ratio) flags any recent after-hours work.
/// long-streak: the longest run of active local days in the window ≥ long_streak_days.
/// rising-load: recent active days ≥ rising_load_min_days and ≥ rising_load_ratio ×
///   previous active days (a local day is active in a period when one of the period's
///   commits falls on it; a previous period with no activity flags ≥ min days).
/// over-committed: commitment > commitment_max; many-hats: hats ≥ many_hats;
/// sole-holder: sole_hats ≥ sole_holder_hats.
[[nodiscard]] BurnoutSignals burnout_signals(std::span<const CommitTime> commits,
                                             const Window& window,
                                             const roster::Thresholds& thresholds,
                                             const HatLoad& hat_load);

/// time_profile and burnout_signals together, with long-streak read from the profile.
[[nodiscard]] PersonLoad assess_load(std::span<const CommitTime> commits, const Window& window,
                                     const roster::Thresholds& thresholds,
                                     const HatLoad& hat_load);

}  // namespace roles::engine
