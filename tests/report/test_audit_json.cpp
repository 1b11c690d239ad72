// The audit JSON renderer: schema tag and the facts the text shows.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "roles/report/audit.hpp"

using namespace roles;

TEST_CASE("audit JSON carries the schema, totals, hats and gate", "[report][audit]") {
    engine::AuditResult result;
    result.project = "demo";
    result.mode = engine::RosterMode::discovery;
    result.window = {0, 86400};
    result.totals.commits = 5;
    result.totals.hats = 1;
    result.totals.by_status[static_cast<int>(engine::Status::unassigned)] = 1;
    engine::HatCoverage hat;
    hat.hat = "triager";
    hat.status = engine::Status::unassigned;
    hat.evidence_items = 2;
    hat.contributors = {{0, "alice", 2, 1.0, false}};
    hat.reason = "no roster";
    result.hats = {hat};
    const auto json = nlohmann::json::parse(report::render_audit_json({result, {"vacant"}, {}, "note"}));
    CHECK(json["schema"] == "roles.audit/1");
    CHECK(json["roster"].is_null());
    CHECK(json["mode"] == "discovery");
    CHECK(json["window"]["since"] == "1970-01-01");
    CHECK(json["window"]["until"] == "1970-01-02");
    CHECK(json["totals"]["commits"] == 5);
    CHECK(json["totals"]["by_status"]["unassigned"] == 1);
    CHECK(json["totals"]["by_status"]["vacant"] == 0);
    CHECK(json["hats"][0]["id"] == "triager");
    CHECK(json["hats"][0]["contributors"][0]["person"] == "alice");
    CHECK(json["hats"][0]["fallback_from"].is_null());
    CHECK(json["gate"]["passed"] == true);
    CHECK(json["note"] == "note");
}
