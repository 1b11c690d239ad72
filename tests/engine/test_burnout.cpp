#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "roles/engine/burnout.hpp"

using roles::engine::assess_load;
using roles::engine::burnout_signals;
using roles::engine::CommitTime;
using roles::engine::HatLoad;
using roles::engine::local_time;
using roles::engine::RiskLevel;
using roles::engine::Signal;
using roles::engine::time_profile;
using roles::engine::Window;
using roles::roster::Date;
using roles::roster::Thresholds;

namespace {

// Day 0 of these tests is 2024-01-01, a Monday, 19723 days after 1970-01-01
// (54·365 + 13 leap days). So day k is weekday k % 7 (0 = Monday, 5 = Saturday).
constexpr std::int64_t k_day0 = 19723;
constexpr std::int64_t k_day = 86400;

// The window ends at the last second of day 454 and lasts 365 days: days 90..454.
// recent   = (end − 90 d, end]            = days 365..454
// baseline = (end − 455 d, end − 90 d]    = days 0..364
// previous = (end − 180 d, end − 90 d]    = days 275..364
constexpr std::int64_t k_end = (k_day0 + 455) * k_day - 1;
const Window k_window{k_end - 365 * k_day + 1, k_end};

// A commit made at local wall time `hour`:00 of day `day`, by someone at UTC offset
// `offset_minutes`.
CommitTime at(std::int64_t day, int hour, std::int32_t offset_minutes = 0) {
    return {(k_day0 + day) * k_day + hour * 3600 - std::int64_t{offset_minutes} * 60,
            offset_minutes};
}

// `count` commits at `hour`:00 on successive weekdays from the Monday `first_monday`.
void weekdays(std::vector<CommitTime>& commits, std::int64_t first_monday, int count, int hour) {
    for (int i = 0; i < count; ++i) commits.push_back(at(first_monday + 7 * (i / 5) + i % 5, hour));
}

// One commit at noon on each day of [first, last].
void daily(std::vector<CommitTime>& commits, std::int64_t first, std::int64_t last) {
    for (auto day = first; day <= last; ++day) commits.push_back(at(day, 12));
}

const Thresholds k_defaults{};
const HatLoad k_no_hats{};

}  // namespace

TEST_CASE("local time uses the commit's own offset", "[algo][burnout]") {
    // One UTC instant, Monday 2024-01-01 09:00 UTC, seen from three offsets.
    const std::int64_t instant = k_day0 * k_day + 9 * 3600;
    const auto utc = local_time({instant, 0});
    CHECK(utc.day == Date{k_day0});
    CHECK(utc.hour == 9);
    CHECK(utc.weekday == 0);
    CHECK(roles::engine::is_after_hours(utc));        // before 10:00
    const auto cet = local_time({instant, 120});      // 11:00 local
    CHECK(cet.hour == 11);
    CHECK_FALSE(roles::engine::is_after_hours(cet));
    const auto hawaii = local_time({instant, -600});  // Sunday 23:00 local
    CHECK(hawaii.day == Date{k_day0 - 1});
    CHECK(hawaii.hour == 23);
    CHECK(hawaii.weekday == 6);
    CHECK(roles::engine::is_weekend(hawaii));
    // Before the epoch the day is floored: 1969-12-31 23:59:59 was a Wednesday.
    const auto before = local_time({-1, 0});
    CHECK(before.day == Date{-1});
    CHECK(before.hour == 23);
    CHECK(before.weekday == 2);
}

TEST_CASE("after-hours is before 10:00, from 18:00, or on a weekend", "[algo][burnout]") {
    using roles::engine::is_after_hours;
    CHECK(is_after_hours(local_time(at(0, 9))));
    CHECK_FALSE(is_after_hours(local_time(at(0, 10))));
    CHECK_FALSE(is_after_hours(local_time(at(0, 17))));
    CHECK(is_after_hours(local_time(at(0, 18))));
    CHECK(is_after_hours(local_time(at(5, 12))));   // Saturday noon
    CHECK(is_after_hours(local_time(at(6, 12))));   // Sunday noon
    CHECK_FALSE(roles::engine::is_weekend(local_time(at(4, 12))));  // Friday
}

TEST_CASE("profile of the window's commits in local time", "[algo][burnout]") {
    std::vector<CommitTime> commits;
    commits.push_back(at(98, 9));    // Monday (98 = 14·7)
    commits.push_back(at(98, 20));   // Monday
    commits.push_back(at(100, 9));   // Wednesday
    commits.push_back(at(50, 9));    // before the window: not counted
    commits.push_back({k_day0 * k_day + 100 * k_day + 9 * 3600, 120});  // day 100, 11:00 at +2
    const auto profile = time_profile(commits, k_window);
    CHECK(profile.commits == 4);
    CHECK(profile.by_hour[9] == 2);
    CHECK(profile.by_hour[11] == 1);
    CHECK(profile.by_hour[20] == 1);
    CHECK(profile.by_weekday[0] == 2);
    CHECK(profile.by_weekday[2] == 2);
    CHECK(profile.active_days == 2);
    CHECK(profile.longest_streak.days == 1);
    CHECK(profile.longest_streak.first == Date{k_day0 + 98});
}

TEST_CASE("after-hours flags at 1.5 times the person's own baseline share", "[algo][burnout]") {
    // Baseline: 30 at noon + 10 at 20:00 = 10/40 = 0.25; threshold 1.5 · 0.25 = 0.375.
    std::vector<CommitTime> commits;
    weekdays(commits, 0, 30, 12);
    weekdays(commits, 42, 10, 20);
    SECTION("15/40 = 0.375 reaches it") {
        weekdays(commits, 371, 25, 12);
        weekdays(commits, 406, 15, 20);
        const auto signals = burnout_signals(commits, k_window, k_defaults, k_no_hats);
        CHECK(signals.after_hours.recent_commits == 40);
        CHECK(signals.after_hours.recent_matching == 15);
        CHECK(signals.after_hours.baseline_commits == 40);
        CHECK(signals.after_hours.baseline_matching == 10);
        CHECK(signals.after_hours.baseline_share() == Approx(0.25));
        CHECK(signals.after_hours.recent_share() == Approx(0.375));
        CHECK(signals.after_hours.on);
        CHECK_FALSE(signals.weekend.on);  // no weekend commit at all
    }
    SECTION("14/40 = 0.35 does not") {
        weekdays(commits, 371, 26, 12);
        weekdays(commits, 406, 14, 20);
        CHECK_FALSE(burnout_signals(commits, k_window, k_defaults, k_no_hats).after_hours.on);
    }
}

TEST_CASE("after-hours needs 20 commits in each period", "[algo][burnout]") {
    std::vector<CommitTime> commits;
    SECTION("20 and 20: baseline 4/20 = 0.2, recent 6/20 = 0.3 = 1.5 · 0.2") {
        weekdays(commits, 0, 16, 12);
        weekdays(commits, 42, 4, 20);
        weekdays(commits, 371, 14, 12);
        weekdays(commits, 406, 6, 20);
        const auto test = burnout_signals(commits, k_window, k_defaults, k_no_hats).after_hours;
        CHECK(test.enough_commits);
        CHECK(test.on);
    }
    SECTION("19 in the baseline: recent 10/20 = 0.5 ≥ 1.5 · 4/19 = 0.316, but too few") {
        weekdays(commits, 0, 15, 12);
        weekdays(commits, 42, 4, 20);
        weekdays(commits, 371, 10, 12);
        weekdays(commits, 406, 10, 20);
        const auto test = burnout_signals(commits, k_window, k_defaults, k_no_hats).after_hours;
        CHECK(test.baseline_commits == 19);
        CHECK_FALSE(test.enough_commits);
        CHECK_FALSE(test.on);
    }
    SECTION("19 in the recent period: 10/19 = 0.53 ≥ 0.3, but too few") {
        weekdays(commits, 0, 16, 12);
        weekdays(commits, 42, 4, 20);
        weekdays(commits, 371, 9, 12);
        weekdays(commits, 406, 10, 20);
        const auto test = burnout_signals(commits, k_window, k_defaults, k_no_hats).after_hours;
        CHECK(test.recent_commits == 19);
        CHECK_FALSE(test.on);
    }
}

TEST_CASE("a zero baseline share flags any recent after-hours work", "[algo][burnout]") {
    std::vector<CommitTime> commits;
    weekdays(commits, 0, 20, 12);
    SECTION("1/20 after hours against 0/20") {
        weekdays(commits, 371, 19, 12);
        weekdays(commits, 406, 1, 20);
        CHECK(burnout_signals(commits, k_window, k_defaults, k_no_hats).after_hours.on);
    }
    SECTION("0/20 against 0/20") {
        weekdays(commits, 371, 20, 12);
        CHECK_FALSE(burnout_signals(commits, k_window, k_defaults, k_no_hats).after_hours.on);
    }
}

TEST_CASE("weekend share against its own baseline", "[algo][burnout]") {
    // Baseline: 36 weekday noons + 4 Saturdays (days 5, 12, 19, 26) = 4/40 = 0.1; 1.5 · 0.1 = 0.15.
    std::vector<CommitTime> commits;
    weekdays(commits, 0, 36, 12);
    for (const std::int64_t day : {5, 12, 19, 26}) commits.push_back(at(day, 12));
    const std::vector<std::int64_t> saturdays = {376, 383, 390, 397, 404, 411};
    SECTION("6/40 = 0.15") {
        weekdays(commits, 371, 34, 12);
        for (const auto day : saturdays) commits.push_back(at(day, 12));
        const auto signals = burnout_signals(commits, k_window, k_defaults, k_no_hats);
        CHECK(signals.weekend.recent_matching == 6);
        CHECK(signals.weekend.on);
    }
    SECTION("5/40 = 0.125") {
        weekdays(commits, 371, 35, 12);
        for (std::size_t i = 0; i < 5; ++i) commits.push_back(at(saturdays[i], 12));
        CHECK_FALSE(burnout_signals(commits, k_window, k_defaults, k_no_hats).weekend.on);
    }
}

TEST_CASE("a weekend-only contributor is their own baseline", "[algo][burnout]") {
    // Baseline: 20 Saturdays 14:00 (days 5 + 7i, i = 0..19, up to day 138).
    // Recent: 10 Saturdays (376 + 7i) and 10 Sundays (377 + 7i). Shares 1.0 and 1.0:
    // 1.0 < 1.5 · 1.0, so neither weekend nor after-hours flags.
    std::vector<CommitTime> commits;
    for (int i = 0; i < 20; ++i) commits.push_back(at(5 + 7 * i, 14));
    for (int i = 0; i < 10; ++i) {
        commits.push_back(at(376 + 7 * i, 14));
        commits.push_back(at(377 + 7 * i, 14));
    }
    const auto load = assess_load(commits, k_window, k_defaults, k_no_hats);
    CHECK(load.signals.weekend.recent_share() == Approx(1.0));
    CHECK(load.signals.weekend.baseline_share() == Approx(1.0));
    CHECK_FALSE(load.signals.weekend.on);
    CHECK_FALSE(load.signals.after_hours.on);
    // In the window (days 90..454): Saturdays 96, 103, ..., 138 (i = 13..19: 7) + 10 recent
    // = 17; Sundays 10.
    CHECK(load.profile.commits == 27);
    CHECK(load.profile.by_weekday[5] == 17);
    CHECK(load.profile.by_weekday[6] == 10);
    CHECK(load.profile.by_weekday[0] == 0);
    CHECK(load.profile.by_hour[14] == 27);
}

TEST_CASE("long streak of consecutive active days in the window", "[algo][burnout]") {
    std::vector<CommitTime> commits;
    daily(commits, 100, 104);
    SECTION("21 days: days 200..220") {
        daily(commits, 200, 220);
        const auto load = assess_load(commits, k_window, k_defaults, k_no_hats);
        CHECK(load.profile.longest_streak.days == 21);
        CHECK(load.profile.longest_streak.first == Date{k_day0 + 200});
        CHECK(load.profile.longest_streak.last == Date{k_day0 + 220});
        CHECK(load.signals.long_streak);
    }
    SECTION("20 days: days 200..219") {
        daily(commits, 200, 219);
        CHECK_FALSE(burnout_signals(commits, k_window, k_defaults, k_no_hats).long_streak);
    }
    SECTION("21 days of which the first is before the window") {
        daily(commits, 89, 109);
        const auto load = assess_load(commits, k_window, k_defaults, k_no_hats);
        CHECK(load.profile.longest_streak.days == 20);
        CHECK_FALSE(load.signals.long_streak);
    }
    SECTION("the roster's threshold is used") {
        Thresholds thresholds;
        thresholds.long_streak_days = 5;
        CHECK(burnout_signals(commits, k_window, thresholds, k_no_hats).long_streak);
    }
}

TEST_CASE("rising load compares active days with the 90 days before", "[algo][burnout]") {
    // Previous period: days 280..288 (9) + one commit at its very last second
    // (end − 90 d, day 364 23:59:59), which belongs to it: 10 active days; 1.5 · 10 = 15.
    std::vector<CommitTime> commits;
    daily(commits, 280, 288);
    commits.push_back({k_end - 90 * k_day, 0});
    SECTION("15 recent active days") {
        daily(commits, 380, 394);
        const auto test = burnout_signals(commits, k_window, k_defaults, k_no_hats).rising_load;
        CHECK(test.previous_active_days == 10);
        CHECK(test.recent_active_days == 15);
        CHECK(test.on);
    }
    SECTION("14 recent active days") {
        daily(commits, 380, 393);
        CHECK_FALSE(burnout_signals(commits, k_window, k_defaults, k_no_hats).rising_load.on);
    }
}

TEST_CASE("rising load needs 10 recent active days", "[algo][burnout]") {
    std::vector<CommitTime> commits;
    SECTION("9 days from nothing") {
        daily(commits, 380, 388);
        CHECK_FALSE(burnout_signals(commits, k_window, k_defaults, k_no_hats).rising_load.on);
    }
    SECTION("10 days from nothing, two commits a day still 10 days") {
        daily(commits, 380, 389);
        daily(commits, 380, 389);
        const auto test = burnout_signals(commits, k_window, k_defaults, k_no_hats).rising_load;
        CHECK(test.recent_active_days == 10);
        CHECK(test.on);
    }
}

TEST_CASE("hat signals use the thresholds - risk counts the signals", "[algo][burnout]") {
    const std::vector<CommitTime> none;
    const auto with = [&](HatLoad load) {
        return burnout_signals(none, k_window, k_defaults, load);
    };
    CHECK_FALSE(with({0, 0, 1.0}).over_committed);   // 1.0 is not > 1.0
    CHECK(with({0, 0, 1.01}).over_committed);
    CHECK_FALSE(with({2, 0, 0.0}).many_hats);
    CHECK(with({3, 0, 0.0}).many_hats);
    CHECK_FALSE(with({0, 1, 0.0}).sole_holder);
    CHECK(with({0, 2, 0.0}).sole_holder);

    CHECK(with({0, 0, 0.0}).risk() == RiskLevel::none);
    CHECK(with({3, 0, 0.0}).risk() == RiskLevel::low);
    CHECK(with({3, 2, 0.0}).risk() == RiskLevel::medium);
    const auto high = with({3, 2, 1.5});
    CHECK(high.risk() == RiskLevel::high);
    CHECK(high.active() ==
          std::vector<Signal>{Signal::over_committed, Signal::many_hats, Signal::sole_holder});
    CHECK(roles::engine::to_string(Signal::after_hours) == "after-hours");
    CHECK(roles::engine::to_string(Signal::sole_holder) == "sole-holder");
    CHECK(roles::engine::to_string(RiskLevel::medium) == "medium");
}
