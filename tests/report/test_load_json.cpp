// The load JSON renderer: schema tag, every figure per person, and --person.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"  // parse_json: also validated against schemas/
#include "roles/report/load.hpp"

using namespace roles;

namespace {

engine::LoadResult sample() {
    engine::LoadResult result;
    result.project = "demo";
    result.mode = engine::RosterMode::discovery;
    result.window = {0, 86400};
    result.commits = 10;
    result.thresholds.many_hats = 4;
    engine::PersonLoadRow ann;
    ann.key = "ann";
    ann.name = "Ann";
    ann.hats = {"lead"};
    ann.sole_hats = {"lead"};
    ann.effort = 0.3;
    ann.commitment = 0.3;
    ann.commit_share = 0.7;
    ann.load.profile.commits = 7;
    ann.load.profile.active_days = 5;
    ann.load.profile.by_hour[23] = 7;
    ann.load.profile.by_weekday[6] = 7;
    ann.load.profile.longest_streak = {2, roster::Date{1}, roster::Date{2}};
    ann.load.signals.after_hours = {true, true, 20, 10, 40, 8};
    ann.load.signals.hat_load = {1, 1, 0.3};
    ann.risk = engine::RiskLevel::low;
    ann.evidence = {{"lead", true, true, 0.3, 2, 4, 0.5, 86400}};
    engine::PersonLoadRow bo;
    bo.key = "bo";
    bo.name = "Bo";
    result.people = {ann, bo};
    return result;
}

}  // namespace

TEST_CASE("load JSON carries the schema, the thresholds and every person's figures", "[report][load]") {
    const auto result = sample();
    const auto json = roles::test::parse_json(report::render_load_json({result}));
    CHECK(json["schema"] == "roles.load/1");
    CHECK(json["mode"] == "discovery");
    CHECK(json["roster"].is_null());
    CHECK(json["window"]["until"] == "1970-01-02");
    CHECK(json["commits"] == 10);
    CHECK(json["person"].is_null());
    CHECK(json["thresholds"]["many_hats"] == 4);
    CHECK(json["thresholds"]["long_streak_days"] == 21);
    REQUIRE(json["people"].size() == 2);
    const auto& a = json["people"][0];
    CHECK(a["person"] == "ann");
    CHECK(a["affiliation"].is_null());
    CHECK(a["hats"] == nlohmann::json::array({"lead"}));
    CHECK(a["sole_hats"] == nlohmann::json::array({"lead"}));
    CHECK(a["commits"] == 7);
    CHECK(a["active_days"] == 5);
    CHECK(a["commit_share"] == Approx(0.7));
    CHECK(a["risk"] == "low");
    CHECK(a["active_signals"] == nlohmann::json::array({"after-hours"}));
    // 10 of 20 recent commits = 0.5; 8 of 40 before = 0.2.
    CHECK(a["signals"]["after-hours"]["on"] == true);
    CHECK(a["signals"]["after-hours"]["recent_share"] == Approx(0.5));
    CHECK(a["signals"]["after-hours"]["baseline_share"] == Approx(0.2));
    CHECK(a["signals"]["long-streak"]["days"] == 2);
    CHECK(a["signals"]["long-streak"]["first"] == "1970-01-02");
    CHECK(a["signals"]["sole-holder"]["sole_hats"] == 1);
    CHECK(a["by_hour"].size() == 24);
    CHECK(a["by_hour"][23] == 7);
    CHECK(a["by_weekday"][6] == 7);
    CHECK(a["evidence"][0]["hat"] == "lead");
    CHECK(a["evidence"][0]["last"] == "1970-01-02");
    // bo never committed: no streak dates.
    CHECK(json["people"][1]["signals"]["long-streak"]["first"].is_null());
    CHECK(json["people"][1]["active_signals"].empty());
}

TEST_CASE("load JSON with a person lists only that person", "[report][load]") {
    const auto result = sample();
    const auto json = roles::test::parse_json(report::render_load_json({result, &result.people[1]}));
    CHECK(json["person"] == "bo");
    REQUIRE(json["people"].size() == 1);
    CHECK(json["people"][0]["person"] == "bo");
}

TEST_CASE("load JSON carries each person's activity by kind", "[report][load][activity]") {
    auto result = sample();
    result.people[0].activity = {7, 2, 0, 0, 1, 0, 3};
    result.people[0].last_activity = engine::LastActivity{86400 * 2, roster::ActivityKind::gerrit_review};
    const auto json = roles::test::parse_json(report::render_load_json({result}));
    const auto& activity = json["people"][0]["activity"];
    CHECK(activity["in_window"] == nlohmann::json{{"authored", 7}, {"committed", 2}, {"signed-off", 0},
                                                  {"reviewed", 0}, {"acked", 1}, {"tagged", 0},
                                                  {"gerrit-review", 3}});
    CHECK(activity["last_active"] == "1970-01-03");
    CHECK(activity["last_active_kind"] == "gerrit-review");
    CHECK(json["people"][1]["activity"]["last_active"].is_null());
}
