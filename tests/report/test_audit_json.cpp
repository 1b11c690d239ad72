// The audit JSON renderer: schema tag and the facts the text shows.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"  // parse_json: also validated against schemas/
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
    hat.contributors = {{0, "alice", "alice", 2, 1.0, false}};
    hat.finding.code = engine::FindingCode::unassigned;
    hat.finding.basis = engine::FindingBasis::no_roster;
    hat.finding.hat = "triager";
    hat.finding.people = {{"alice", "alice", 2, 1.0}};
    result.hats = {hat};
    const auto json = roles::test::parse_json(report::render_audit_json({result, {"vacant"}, {}, "note"}));
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

TEST_CASE("audit JSON carries the project health section", "[report][audit]") {
    engine::AuditResult result;
    auto& f = result.health.factors;
    f.files_at_head = 9;
    f.files_not_source = 4;
    f.truck_factor = {".", {}, 1, 5, 5, 2, {{"ann", "ann", 3, 7}}, {0, 3, 3, {}, {"src/old.py", "src/older.py"}}};
    f.by_directory = {{"src", {}, 1, 5, 5, 2, {{"ann", "ann", 3, 7}}, {}}};
    f.by_hat = {{"docs", {"doc/**"}, 0, 0, 0, 0, {}, {}}};
    f.active_within_days = 365;
    f.active_since = 1'700'000'000;  // 2023-11-14
    f.gone_authors = {"old-timer"};
    f.contributor_absence = {1, 10, {{"ann", engine::GroupKind::person, 6, 0.6, {"ann"}, "ann", {"ann"}}}};
    f.elephant = {1, 10, {{"acme.example", engine::GroupKind::organisation, 8, 0.8, {"ann", "bo"}, "acme.example", {"ann", "bo"}}}};
    engine::PersonLoadRow bo;
    bo.key = "bo";
    bo.risk = engine::RiskLevel::high;
    bo.commitment = 1.5;
    bo.load.signals.over_committed = true;
    bo.load.signals.many_hats = true;
    bo.load.signals.sole_holder = true;
    bo.load.signals.hat_load = {4, 3, 1.5};
    result.health.burnout_high = {bo};
    const auto json = roles::test::parse_json(report::render_audit_json({result, {"burnout-high"}, {"burnout:bo"}, ""}));
    const auto& h = json["health"];
    CHECK(h["truck_factor"]["truck_factor"] == 1);
    CHECK(h["truck_factor"]["covered_after"] == 2);
    CHECK(h["truck_factor"]["people"][0]["person"] == "ann");
    CHECK(h["truck_factor"]["people"][0]["files"] == 3);
    CHECK(h["truck_factor"].contains("area") == false);
    CHECK(h["truck_factor"]["absence_aware"]["truck_factor"] == 0);
    CHECK(h["truck_factor"]["absence_aware"]["covered_before"] == 3);
    CHECK(h["truck_factor"]["absence_aware"]["orphaned"] == nlohmann::json::array({"src/old.py", "src/older.py"}));
    CHECK(h["active_within"]["days"] == 365);
    CHECK(h["active_within"]["since"] == "2023-11-14");
    CHECK(h["active_within"]["gone_authors"] == nlohmann::json::array({"old-timer"}));
    CHECK(h["truck_factor_by_directory"][0]["scope"] == "src");
    CHECK(h["truck_factor_by_hat"][0]["area"] == nlohmann::json::array({"doc/**"}));
    CHECK(h["files"]["at_head"] == 9);
    CHECK(h["files"]["not_source"] == 4);
    CHECK(h["contributor_absence_factor"]["factor"] == 1);
    CHECK(h["elephant_factor"]["members"][0]["kind"] == "organisation");
    CHECK(h["elephant_factor"]["members"][0]["people"] == nlohmann::json::array({"ann", "bo"}));
    CHECK(h["burnout_high"][0]["person"] == "bo");
    CHECK(h["burnout_high"][0]["signals"] ==
          nlohmann::json::array({"over-committed", "many-hats", "sole-holder"}));
    CHECK(h["burnout_high"][0]["figures"] ==
          nlohmann::json::array({"over-committed 1.50", "many-hats 4", "sole-holder 3"}));
    CHECK(json["gate"]["failed"] == nlohmann::json::array({"burnout:bo"}));
}
