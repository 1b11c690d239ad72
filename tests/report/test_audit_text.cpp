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
    security.finding.code = engine::FindingCode::vacant;
    security.finding.people = {{"bob", "bob", 3, 0.75}};
    security.contributors = {{1, "bob", "bob", 3, 0.75, false}};
    engine::HatCoverage lead;
    lead.hat = "lead";
    lead.status = engine::Status::ok;
    lead.holders = {{0, "alice", std::nullopt, true, 2}, {2, "carol", std::nullopt, false, 0}};
    lead.evidence_items = 2;
    lead.holder_share = 1.0;
    lead.finding.code = engine::FindingCode::ok;
    lead.finding.count = 1;
    lead.finding.items = 2;
    lead.finding.share = 1.0;
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
          "security-contact  vacant  -                        4         0%              required hat with no holder; "
          "candidates by evidence: bob (75%, 3 items)\n"
          "lead              ok      alice, carol (inactive)  2         100%            1 active holder; holders did 100% "
          "of 2 evidence items\n"
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

namespace {

engine::ProjectHealth sample_health() {
    engine::ProjectHealth health;
    auto& f = health.factors;
    f.files_at_head = 12;
    f.truck_factor = {".", {}, 2, 10, 10, 3, {{"ann", "ann", 5, 9}, {"bo", "bo", 1, 2}},
                      {1, 7, 2, {{"bo", "bo", 4, 2}}, {"src/a.py", "src/b.py", "src/c.py"}}};
    f.by_directory = {{"src", {}, 2, 8, 8, 2, {{"ann", "ann", 5, 9}, {"bo", "bo", 1, 2}}, {1, 6, 2, {{"bo", "bo", 4, 2}}, {"src/a.py"}}}};
    f.by_hat = {{"docs", {"doc/**"}, 1, 2, 2, 0, {{"cy", "cy", 2, 3}}, {}},
                {"i18n", {"**/locale/**"}, 0, 0, 0, 0, {}, {}}};
    f.active_within_days = 365;
    f.active_since = 1'700'000'000;  // 2023-11-14
    f.gone_authors = {"ann"};
    f.contributor_absence = {1, 12, {{"ann", engine::GroupKind::person, 7, 7.0 / 12, {"ann"}, "ann", {"ann"}}}};
    f.elephant = {2, 12,
                  {{"Acme", engine::GroupKind::organisation, 6, 0.5, {"ann", "cy"}, "Acme", {"ann", "cy"}},
                   {"bo", engine::GroupKind::independent, 4, 4.0 / 12, {"bo"}, "bo", {"bo"}}}};
    engine::PersonLoadRow ann;
    ann.key = "ann";
    ann.risk = engine::RiskLevel::high;
    ann.load.signals.after_hours = {true, true, 20, 9, 40, 8};  // 45% vs 20%
    ann.load.signals.many_hats = true;
    ann.load.signals.sole_holder = true;
    ann.load.signals.hat_load = {3, 2, 0.9};
    health.burnout_high = {ann};
    return health;
}

}  // namespace

// AREA column: "hat docs" is 8 wide; FILES 5; TRUCK FACTOR 12; ABSENCE-AWARE 13; ORPHANED 8. The i18n hat's area holds no
// file, so it has no row.
TEST_CASE("the audit text ends with the project health section", "[report][audit]") {
    auto result = sample();
    result.health = sample_health();
    const auto text = report::render_audit_text({result, {"burnout-high"}, {"burnout:ann"}, ""}, report::Color::off);
    CHECK(text.find("2 hats: 1 vacant, 1 ok\n"
                    "\n"
                    "project health:\n"
                    "  truck factor 2: ann (5 files), bo (1 file); without them 3 of 10 source files keep an author\n"
                    "  absence-aware truck factor 1 (authors without a commit since 2023-11-14 are gone: 1): bo (4 files);"
                    " 7 of 10 source files keep an active author\n"
                    "  already orphaned (3 files): src/a.py, src/b.py, src/c.py\n"
                    "  contributor absence factor 1: ann 7 of 12 credited commits in the window\n"
                    "  elephant factor 2: Acme 6 (ann, cy); bo 4 of 12 credited commits in the window\n"
                    "  high burnout risk: ann (after-hours 45% vs 20%, many-hats 3, sole-holder 2) "
                    "(see 'roles load --person KEY')\n"
                    "\n"
                    "AREA      FILES  TRUCK FACTOR  ABSENCE-AWARE  ORPHANED  KEY PEOPLE\n"
                    "src/      8      2             1              1         ann (5 files), bo (1 file)\n"
                    "hat docs  2      1             0              0         cy (2 files)\n"
                    "gate: failed (--fail-on burnout-high): burnout:ann\n") != std::string::npos);
    // Quiet output is the gate only: no project section.
    const auto quiet = report::render_audit_text({result, {"none"}, {}, "", report::Detail::quiet}, report::Color::off);
    CHECK(quiet.find("project health") == std::string::npos);
}

TEST_CASE("the project section says when there is nobody at risk and no source file", "[report][audit]") {
    auto result = sample();
    result.health.factors.files_at_head = 3;
    result.health.factors.contributor_absence.total_commits = 0;
    const auto text = report::render_audit_text({result, {"vacant"}, {}, ""}, report::Color::off);
    CHECK(text.find("  truck factor: no source file at HEAD\n"
                    "  contributor absence factor: no commits in the window\n"
                    "  elephant factor: no commits in the window\n"
                    "  high burnout risk: nobody\n") != std::string::npos);
}
