// The audit text renderer: layout, quiet and verbose detail, colour only when asked.
#include <catch2/catch.hpp>

#include "roles/report/audit.hpp"

using namespace roles;

namespace {

engine::AuditResult sample() {
    engine::AuditResult result;
    result.project = "demo";
    result.roster_file = "ROLES.yaml";
    result.window = {1704067200, 1735603200};  // 2024-01-01 .. 2024-12-31
    result.head_id = "0123456789abcdef0123456789abcdef01234567";
    result.totals.commits = 12;
    result.totals.contributors = 3;
    result.totals.hats = 2;
    result.totals.by_status[static_cast<int>(engine::Status::vacant)] = 1;
    result.totals.by_status[static_cast<int>(engine::Status::ok)] = 1;
    engine::HatCoverage security;
    security.hat = "security-contact";
    security.status = engine::Status::vacant;
    security.evidence_items = 4;
    security.reason = "required hat with no holder";
    security.contributors = {{1, "bob", 3, 0.75, false}};
    engine::HatCoverage lead;
    lead.hat = "lead";
    lead.status = engine::Status::ok;
    lead.holders = {{0, "alice", std::nullopt, true, 2}, {2, "carol", std::nullopt, false, 0}};
    lead.evidence_items = 2;
    lead.holder_share = 1.0;
    lead.reason = "2 active holders";
    result.hats = {security, lead};
    return result;
}

}  // namespace

// HOLDERS column: widest cell "alice, carol (inactive)" is 23 columns, plus 2 of separation.
TEST_CASE("the audit text has a header, an aligned table, a summary and the gate", "[report][audit]") {
    const auto result = sample();
    const auto text = report::render_audit_text({result, {"vacant"}, {"security-contact"}, ""}, report::Color::off);
    CHECK(text ==
          "roles audit: demo (roster ROLES.yaml)\n"
          "window 2024-01-01 .. 2024-12-31, HEAD 0123456789ab\n"
          "12 commits by 3 people (0 merges and 0 bot commits not counted)\n"
          "\n"
          "HAT               STATUS  HOLDERS                  EVIDENCE  HOLDERS' SHARE  REASON\n"
          "security-contact  vacant  -                        4         0%              required hat with no holder\n"
          "lead              ok      alice, carol (inactive)  2         100%            2 active holders\n"
          "\n"
          "2 hats: 1 vacant, 1 ok\n"
          "gate: failed (--fail-on vacant): security-contact\n");
}

TEST_CASE("quiet text keeps only the hats that failed the gate", "[report][audit]") {
    const auto result = sample();
    report::AuditView view{result, {"vacant"}, {"security-contact"}, "", report::Detail::quiet};
    const auto text = report::render_audit_text(view, report::Color::off);
    CHECK(text.find("security-contact  vacant") != std::string::npos);
    CHECK(text.find("lead") == std::string::npos);
    CHECK(text.ends_with("gate: failed (--fail-on vacant): security-contact\n"));
    report::AuditView passed{result, {"none"}, {}, "", report::Detail::quiet};
    CHECK(report::render_audit_text(passed, report::Color::off) == "gate: passed (--fail-on none)\n");
}

TEST_CASE("verbose text names who does each hat's work", "[report][audit]") {
    const auto result = sample();
    report::AuditView view{result, {"vacant"}, {}, "", report::Detail::verbose};
    const auto text = report::render_audit_text(view, report::Color::off);
    CHECK(text.find("DOING THE WORK") != std::string::npos);
    CHECK(text.find("bob 75%") != std::string::npos);
}

TEST_CASE("colour codes appear only when colour is on", "[report][audit]") {
    const auto result = sample();
    const report::AuditView view{result, {"vacant"}, {}, ""};
    CHECK(report::render_audit_text(view, report::Color::off).find('\x1b') == std::string::npos);
    CHECK(report::render_audit_text(view, report::Color::on).find('\x1b') != std::string::npos);
}
