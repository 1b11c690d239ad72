// The load Markdown job summary: people at high or medium risk first, the rest collapsed,
// people off the roster without a signal only counted. Expected texts written by hand.
#include <catch2/catch.hpp>

#include <string>

#include "roles/report/load.hpp"

using namespace roles;

namespace {

// 3 signals: after-hours, many-hats, sole-holder, so high risk.
engine::PersonLoadRow ann() {
    engine::PersonLoadRow row;
    row.key = "ann";
    row.name = "Ann <Ops> | Example";
    row.on_roster = true;
    row.hats = {"ptl", "release", "docs"};
    row.sole_hats = {"ptl", "release"};
    row.effort = 0.7;
    row.commitment = 0.875;
    row.capacity = 0.8;
    row.commit_share = 0.5;
    row.load.profile.commits = 6;
    row.load.profile.active_days = 5;
    auto& s = row.load.signals;
    s.after_hours = {true, true, 40, 18, 100, 20};  // 45% vs 20%
    s.many_hats = true;
    s.sole_holder = true;
    s.hat_load = {3, 2, 0.875};
    row.risk = engine::RiskLevel::high;
    row.evidence = {{"ptl", true, true, 0.5, 3, 4, 0.75, 1733011200}};  // 2024-12-01
    return row;
}

engine::PersonLoadRow plain(const std::string& key, bool on_roster, engine::RiskLevel risk) {
    engine::PersonLoadRow row;
    row.key = key;
    row.name = key;
    row.on_roster = on_roster;
    row.load.profile.commits = 3;
    row.load.profile.active_days = 2;
    row.commit_share = 0.25;
    if (risk == engine::RiskLevel::low) {
        row.load.signals.long_streak = true;
        row.load.profile.longest_streak.days = 25;
    }
    row.risk = risk;
    return row;
}

engine::LoadResult sample() {
    engine::LoadResult result;
    result.project = "demo";
    result.window = {1704067200, 1735603200};  // 2024-01-01 .. 2024-12-31
    result.head_id = "0123456789abcdef0123456789abcdef01234567";
    result.commits = 12;
    result.people = {ann(), plain("bo", false, engine::RiskLevel::low),
                     plain("cy", true, engine::RiskLevel::none), plain("dee", false, engine::RiskLevel::none),
                     plain("eli", false, engine::RiskLevel::none)};
    return result;
}

}  // namespace

TEST_CASE("the load summary shows the people at risk first and collapses the rest", "[report][markdown]") {
    const auto result = sample();
    const auto text = report::render_load_markdown({result});
    CHECK(
        text ==
        "## roles load: demo\n"
        "\n"
        "Window 2024-01-01 .. 2024-12-31, HEAD `0123456789ab`: 12 counted commits.\n"
        "\n"
        "**1 person at high burnout risk, 0 at medium, 1 at low** (of 5 people; a signal is a figure to ask "
        "about, never a diagnosis).\n"
        "\n"
        "| person | risk | commitment | hats | commits | active days | share | signals |\n"
        "|---|---|--:|---|--:|--:|--:|---|\n"
        "| Ann &lt;Ops&gt; \\| Example (ann) | high | 0.88 | ptl\\*, release\\*, docs | 6 | 5 | 50% | "
        "after-hours 45% vs 20%, many-hats 3, sole-holder 2 |\n"
        "\n"
        "<details>\n"
        "<summary>2 other people with one signal or on the roster</summary>\n"
        "\n"
        "| person | risk | commitment | hats | commits | active days | share | signals |\n"
        "|---|---|--:|---|--:|--:|--:|---|\n"
        "| bo | low | 0.00 | — | 3 | 2 | 25% | long-streak 25d |\n"
        "| cy | none | 0.00 | — | 3 | 2 | 25% | - |\n"
        "\n"
        "And 2 people active in the window off the roster without a signal.\n"
        "\n"
        "</details>\n");
}

TEST_CASE("quiet load markdown keeps only the people at risk", "[report][markdown]") {
    const auto result = sample();
    const auto text = report::render_load_markdown({result, nullptr, report::Detail::quiet});
    CHECK(text.find("<details>") == std::string::npos);
    CHECK(text.find("(ann) | high |") != std::string::npos);
}

TEST_CASE("load markdown for one person shows their row and evidence per hat", "[report][markdown]") {
    const auto result = sample();
    const auto text = report::render_load_markdown({result, &result.people[0]});
    CHECK(text.find("**Ann &lt;Ops&gt; \\| Example (ann): risk high**, signals: after-hours 45% vs 20%, "
                    "many-hats 3, sole-holder 2.\n") != std::string::npos);
    CHECK(text.find("| ptl | sole holder | 0.50 | 3 | 4 | 75% | 2024-12-01 |\n") != std::string::npos);
    CHECK(text.find("| bo |") == std::string::npos);
}
