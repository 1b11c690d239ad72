#include "roles/engine/burnout.hpp"

#include <algorithm>
#include <chrono>
#include <set>

namespace roles::engine {
namespace {

constexpr std::int64_t k_seconds_per_day = 86400;
constexpr int k_work_day_start_hour = 10;
constexpr int k_work_day_end_hour = 18;

// A half-open span of UTC seconds (after, until].
struct Period {
    std::int64_t after = 0;
    std::int64_t until = 0;
    [[nodiscard]] bool contains(std::int64_t t) const { return t > after && t <= until; }
};

Period days_before(std::int64_t until, std::int64_t days) {
    return {until - days * k_seconds_per_day, until};
}

// The longest run of consecutive days in a sorted set; the earliest on ties.
Streak longest_run(const std::set<std::int64_t>& days) {
    Streak best;
    Streak current;
    for (const std::int64_t day : days) {
        if (current.days > 0 && day == current.last.days + 1) {
            ++current.days;
            current.last = roster::Date{day};
        } else {
            current = {1, roster::Date{day}, roster::Date{day}};
        }
        if (current.days > best.days) best = current;
    }
    return best;
}

ShareTest share_test(std::span<const CommitTime> commits, Period recent, Period baseline,
                     const roster::Thresholds& thresholds, bool (*matches)(const LocalTime&)) {
    ShareTest test;
    for (const auto& commit : commits) {
        const bool in_recent = recent.contains(commit.time);
        if (!in_recent && !baseline.contains(commit.time)) continue;
        const bool match = matches(local_time(commit));
        (in_recent ? test.recent_commits : test.baseline_commits) += 1;
        (in_recent ? test.recent_matching : test.baseline_matching) += match ? 1 : 0;
    }
    const auto min = static_cast<std::uint32_t>(std::max(thresholds.after_hours_min_commits, 0));
    test.enough_commits = test.recent_commits >= min && test.baseline_commits >= min;
    // recent/rn ≥ ratio·base/bn, cross-multiplied so that exact thresholds stay exact.
    const double lhs = static_cast<double>(test.recent_matching) * test.baseline_commits;
    const double rhs = thresholds.after_hours_ratio * test.baseline_matching * test.recent_commits;
    test.on = test.enough_commits && test.recent_matching > 0 && lhs >= rhs;
    return test;
}

std::uint32_t active_days_in(std::span<const CommitTime> commits, Period period) {
    std::set<std::int64_t> days;
    for (const auto& commit : commits) {
        if (period.contains(commit.time)) days.insert(local_time(commit).day.days);
    }
    return static_cast<std::uint32_t>(days.size());
}

RisingLoadTest rising_load_test(std::span<const CommitTime> commits, Period recent,
                                Period previous, const roster::Thresholds& thresholds) {
    RisingLoadTest test;
    test.recent_active_days = active_days_in(commits, recent);
    test.previous_active_days = active_days_in(commits, previous);
    const auto min = static_cast<std::uint32_t>(std::max(thresholds.rising_load_min_days, 0));
    test.on = test.recent_active_days > 0 && test.recent_active_days >= min &&
              test.recent_active_days >= thresholds.rising_load_ratio * test.previous_active_days;
    return test;
}

}  // namespace

LocalTime local_time(const CommitTime& commit) {
    using namespace std::chrono;
    const sys_seconds local{seconds{commit.time + std::int64_t{commit.offset_minutes} * 60}};
    const sys_days day = floor<days>(local);
    const hh_mm_ss clock{local - day};
    return {roster::Date{day.time_since_epoch().count()}, static_cast<int>(clock.hours().count()),
            static_cast<int>(weekday{day}.iso_encoding()) - 1};
}

bool is_weekend(const LocalTime& local) { return local.weekday >= 5; }

bool is_after_hours(const LocalTime& local) {
    return is_weekend(local) || local.hour < k_work_day_start_hour ||
           local.hour >= k_work_day_end_hour;
}

double ShareTest::recent_share() const {
    return recent_commits == 0 ? 0.0 : static_cast<double>(recent_matching) / recent_commits;
}

double ShareTest::baseline_share() const {
    return baseline_commits == 0 ? 0.0 : static_cast<double>(baseline_matching) / baseline_commits;
}

std::string_view to_string(Signal signal) {
    switch (signal) {
        case Signal::after_hours: return "after-hours";
        case Signal::weekend: return "weekend";
        case Signal::long_streak: return "long-streak";
        case Signal::rising_load: return "rising-load";
        case Signal::over_committed: return "over-committed";
        case Signal::many_hats: return "many-hats";
        case Signal::sole_holder: return "sole-holder";
    }
    return "unknown";
}

std::string_view to_string(RiskLevel level) {
    switch (level) {
        case RiskLevel::none: return "none";
        case RiskLevel::low: return "low";
        case RiskLevel::medium: return "medium";
        case RiskLevel::high: return "high";
    }
    return "none";
}

std::vector<Signal> BurnoutSignals::active() const {
    std::vector<Signal> on;
    const std::pair<Signal, bool> all[] = {
        {Signal::after_hours, after_hours.on}, {Signal::weekend, weekend.on},
        {Signal::long_streak, long_streak},    {Signal::rising_load, rising_load.on},
        {Signal::over_committed, over_committed}, {Signal::many_hats, many_hats},
        {Signal::sole_holder, sole_holder}};
    for (const auto& [signal, flag] : all) {
        if (flag) on.push_back(signal);
    }
    return on;
}

RiskLevel BurnoutSignals::risk() const {
    const auto count = active().size();
    if (count >= 3) return RiskLevel::high;
    return count == 2 ? RiskLevel::medium : count == 1 ? RiskLevel::low : RiskLevel::none;
}

TimeProfile time_profile(std::span<const CommitTime> commits, const Window& window) {
    TimeProfile profile;
    std::set<std::int64_t> days;
    for (const auto& commit : commits) {
        if (!commit.in_window.value_or(window.contains(commit.time))) continue;
        const LocalTime local = local_time(commit);
        ++profile.commits;
        ++profile.by_hour[static_cast<std::size_t>(local.hour)];
        ++profile.by_weekday[static_cast<std::size_t>(local.weekday)];
        days.insert(local.day.days);
    }
    profile.active_days = static_cast<std::uint32_t>(days.size());
    profile.longest_streak = longest_run(days);
    return profile;
}

BurnoutSignals burnout_signals(std::span<const CommitTime> commits, const Window& window,
                               const roster::Thresholds& thresholds, const HatLoad& hat_load) {
    const Period recent = days_before(window.end, thresholds.recent_days);
    const Period baseline = days_before(recent.after, thresholds.baseline_days);
    const Period previous = days_before(recent.after, thresholds.recent_days);
    BurnoutSignals signals;
    signals.after_hours = share_test(commits, recent, baseline, thresholds, &is_after_hours);
    signals.weekend = share_test(commits, recent, baseline, thresholds, &is_weekend);
    const auto streak = time_profile(commits, window).longest_streak.days;
    signals.long_streak =
        streak > 0 && streak >= static_cast<std::uint32_t>(std::max(thresholds.long_streak_days, 1));
    signals.rising_load = rising_load_test(commits, recent, previous, thresholds);
    signals.over_committed = hat_load.commitment > thresholds.commitment_max;
    signals.many_hats = hat_load.hats > 0 && hat_load.hats >= thresholds.many_hats;
    signals.sole_holder = hat_load.sole_hats > 0 && hat_load.sole_hats >= thresholds.sole_holder_hats;
    signals.hat_load = hat_load;
    return signals;
}

PersonLoad assess_load(std::span<const CommitTime> commits, const Window& window,
                       const roster::Thresholds& thresholds, const HatLoad& hat_load) {
    return {time_profile(commits, window),
            burnout_signals(commits, window, thresholds, hat_load)};
}

}  // namespace roles::engine
