// GitLab's Code Quality report: every issue has the fields GitLab documents as required
// (description, check_name, fingerprint, severity, location.path, location.lines.begin),
// severities follow the gate, fingerprints survive rewording and moving.
#include <catch2/catch.hpp>

#include <set>

#include <nlohmann/json.hpp>

#include "roles/report/codequality.hpp"

using namespace roles;

namespace {

engine::AuditResult sample() {
    engine::AuditResult result;
    result.project = "demo";
    result.roster_file = "/tmp/demo/ROLES.yaml";
    engine::HatCoverage security;
    security.hat = "security-contact";
    security.status = engine::Status::vacant;
    security.finding.code = engine::FindingCode::vacant;
    security.finding.hat = "security-contact";
    engine::HatCoverage docs;
    docs.hat = "docs";
    docs.status = engine::Status::stale;
    docs.finding.code = engine::FindingCode::stale;
    docs.finding.hat = "docs";
    docs.finding.days = 90;
    docs.thin_evidence = engine::ThinEvidence{2, 5};
    engine::HatCoverage lead;
    lead.hat = "lead";
    lead.status = engine::Status::ok;
    engine::HatCoverage triage;
    triage.hat = "triage";
    triage.status = engine::Status::unassigned;
    result.hats = {security, docs, lead, triage};
    engine::PersonLoadRow ana;
    ana.key = "ana";
    ana.load.signals.many_hats = true;
    ana.load.signals.hat_load.hats = 4;
    result.health.burnout_high = {ana};
    return result;
}

report::CodeQualityPlaces places() {
    report::CodeQualityPlaces p;
    p.roster_path = "ROLES.yaml";
    p.hat_lines = {{"security-contact", 12}, {"docs", 20}};
    p.person_lines = {{"ana", 3}};
    return p;
}

nlohmann::json render(const engine::AuditResult& result, const std::vector<std::string>& failed) {
    return nlohmann::json::parse(
        report::render_audit_codequality({result, {"vacant"}, failed, ""}, places()));
}

}  // namespace

TEST_CASE("code quality issues carry GitLab's required fields", "[report][codequality]") {
    const auto issues = render(sample(), {"security-contact"});
    REQUIRE(issues.is_array());
    // vacant, stale, thin-evidence on docs, burnout-high on ana; ok and unassigned hats give none.
    REQUIRE(issues.size() == 4);
    for (const auto& issue : issues) {
        CHECK(issue["description"].is_string());
        CHECK_FALSE(issue["description"].get<std::string>().empty());
        CHECK(issue["check_name"].is_string());
        CHECK(issue["fingerprint"].is_string());
        CHECK(std::set<std::string>{"info", "minor", "major", "critical", "blocker"}.contains(
            issue["severity"]));
        CHECK(issue["location"]["path"] == "ROLES.yaml");
        CHECK(issue["location"]["lines"]["begin"].is_number_integer());
        CHECK(issue["location"]["lines"]["begin"].get<int>() >= 1);
    }
    CHECK(issues[0]["check_name"] == "roles/vacant");
    CHECK(issues[0]["description"] ==
          "hat security-contact is vacant: required hat with no holder and no evidence in the window; appoint someone");
    CHECK(issues[0]["severity"] == "critical");  // it fails the gate
    CHECK(issues[0]["location"]["lines"]["begin"] == 12);
    CHECK(issues[1]["check_name"] == "roles/stale");
    CHECK(issues[1]["severity"] == "minor");
    CHECK(issues[2]["check_name"] == "roles/thin-evidence");
    CHECK(issues[2]["severity"] == "info");
    CHECK(issues[2]["description"] ==
          "hat docs has 2 evidence items where 5 are needed for shares to decide its status");
    CHECK(issues[3]["check_name"] == "roles/burnout-high");
    CHECK(issues[3]["description"] == "ana is at high burnout risk: many-hats 4");
    CHECK(issues[3]["location"]["lines"]["begin"] == 3);
}

TEST_CASE("a vacancy outside the gate is major, and a hat the roster never names points at line 1",
          "[report][codequality]") {
    auto result = sample();
    result.hats[0].hat = "release-manager";
    const auto issues = render(result, {});
    CHECK(issues[0]["severity"] == "major");
    CHECK(issues[0]["location"]["lines"]["begin"] == 1);
}

TEST_CASE("fingerprints are stable across rewording and distinct across findings", "[report][codequality]") {
    const auto first = render(sample(), {"security-contact"});
    auto moved = sample();
    moved.hats[0].finding.people = {{"bob", "bob", 1, 1.0}};  // reworded: now names a candidate
    const auto second = render(moved, {});
    CHECK(first[0]["fingerprint"] == second[0]["fingerprint"]);
    std::set<std::string> fingerprints;
    for (const auto& issue : first) fingerprints.insert(issue["fingerprint"].get<std::string>());
    CHECK(fingerprints.size() == first.size());
    // FNV-1a 64 of "roles\ndemo\nvacant\nsecurity-contact", worked out with Python:
    // h = 0xcbf29ce484222325; for b in s.encode(): h = ((h ^ b) * 0x100000001b3) % 2**64
    CHECK(first[0]["fingerprint"] == "6df8257c57efc4cd");
}
