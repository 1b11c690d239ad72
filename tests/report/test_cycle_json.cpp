// The JSON cycle report ("roles.report/1"): figures as {current, previous, trend,
// assessment}, counts as integers. Expected values from report/cycle_fixture.hpp.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"  // parse_json: also validated against schemas/
#include "report/cycle_fixture.hpp"
#include "roles/report/cycle.hpp"

using nlohmann::json;

namespace {

json rendered() { return roles::test::parse_json(roles::report::render_cycle_json(roles::test::cycle_fixture())); }

}  // namespace

TEST_CASE("json cycle report names its schema, the cycle and the previous window", "[report][cycle]") {
    const auto j = rendered();
    CHECK(j["schema"] == "roles.report/1");
    CHECK(j["project"] == "demo");
    CHECK(j["cycle"]["label"] == "2025-04-01..2025-04-21");
    CHECK(j["cycle"]["from"]["kind"] == "date");
    CHECK(j["cycle"]["from"]["commit"].is_null());
    CHECK(j["cycle"]["days"] == 21);
    CHECK(j["previous"]["exists"] == true);
    CHECK(j["previous"]["since"] == "2025-03-11");
    CHECK(j["previous"]["until"] == "2025-03-31");
}

TEST_CASE("json figures carry the previous value, the trend and the assessment", "[report][cycle]") {
    const auto j = rendered();
    CHECK(j["summary"]["hats"] == 2);
    CHECK(j["summary"]["hats_ok"] == json{{"current", 1}, {"previous", 2}, {"trend", "down"}, {"assessment", "worse"}});
    CHECK(j["summary"]["hats_ok"]["current"].is_number_integer());
    CHECK(j["summary"]["releases"]["trend"] == "up");
    const auto& gibi = j["people"][0];
    CHECK(gibi["commitment"]["current"] == Approx(1.25));
    CHECK(gibi["commitment"]["previous"] == Approx(1.0));
    CHECK(gibi["risk"] == json{{"current", "high"}, {"previous", "low"}, {"trend", "up"}, {"assessment", "worse"}});
    CHECK(gibi["signal_figures"] == json::array({"over-committed 1.25"}));
    const auto& tkajinam = j["people"][1];
    CHECK(tkajinam["commits"]["previous"].is_null());
    CHECK(tkajinam["commits"]["trend"] == "new");
    CHECK(tkajinam["risk"]["previous"].is_null());
}

TEST_CASE("json hats, people changes, releases, weeks and asks", "[report][cycle]") {
    const auto j = rendered();
    const auto& sec = j["hats"][1];
    CHECK(sec["status"] == "vacant");
    CHECK(sec["previous_status"] == "single-point");
    CHECK(sec["former_holders"] == json::array({{{"person", "sylvain"}, {"until", "2025-04-10"}}}));
    CHECK(sec["evidence"]["current"] == 1);
    CHECK(sec["evidence"]["previous"] == 3);
    CHECK(sec["changes"][0]["kind"] == "became-vacant");
    CHECK(sec["changes"][0]["person"].is_null());
    CHECK(sec["contributors"][0] == json{{"person", "tkajinam"}, {"name", "Takashi Kajinami"}, {"evidence", 1}, {"share", 1.0}, {"holder", false}});
    CHECK(j["newcomers"][0]["first_commit"] == "2025-04-03");
    CHECK(j["leavers"][0]["previous_commits"] == 2);
    CHECK(j["releases"][0]["release"] == true);
    CHECK(j["releases"][0]["by"] == "gibi");
    std::vector<int> weeks;
    for (const auto& w : j["weeks"]) weeks.push_back(w["commits"]);
    CHECK(weeks == std::vector<int>{2, 0, 7});
    CHECK(j["asks"][0]["kind"] == "appoint");
    CHECK(j["asks"][0]["people"] == json::array({"tkajinam"}));
    CHECK(j["truck_factor"]["people"][0]["files"] == 3);
}
