// The audit Markdown job summary: the gate first, the failing hats with their reasons, the
// rest collapsed; names escaped for Markdown. Expected texts written by hand.
#include <catch2/catch.hpp>

#include "../../src/report/markdown_text.hpp"
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
    security.finding.hat = "security-contact";
    security.finding.people = {{"bob", "Bob | <b>Tables</b>", 3, 0.75}};
    engine::HatCoverage lead;
    lead.hat = "lead";
    lead.status = engine::Status::ok;
    lead.holders = {{0, "alice", std::nullopt, true, 2}, {2, "carol", std::nullopt, false, 0}};
    lead.evidence_items = 2;
    lead.holder_share = 1.0;
    lead.finding.code = engine::FindingCode::ok;
    lead.finding.hat = "lead";
    lead.finding.count = 2;
    lead.finding.items = 2;
    lead.finding.share = 1.0;
    result.hats = {security, lead};
    return result;
}

}  // namespace

TEST_CASE("a failed audit summary opens with the gate and the failing hats", "[report][markdown]") {
    const auto result = sample();
    const auto text = report::render_audit_markdown({result, {"vacant", "stale"}, {"security-contact"}, ""});
    CHECK(text ==
          "## roles audit: demo\n"
          "\n"
          "**Gate: failed** (`--fail-on vacant,stale`): 1 hat.\n"
          "\n"
          "| failing | status | holders | reason |\n"
          "|---|---|---|---|\n"
          "| security-contact | vacant | — | required hat with no holder; candidates by evidence: "
          "Bob \\| &lt;b&gt;Tables&lt;/b&gt; (75%, 3 items) |\n"
          "\n"
          "Window 2024-01-01 .. 2024-12-31, HEAD `0123456789ab`: 12 commits by 3 people. 2 hats: 1 vacant, 1 "
          "ok.\n"
          "\n"
          "<details>\n"
          "<summary>1 other hat</summary>\n"
          "\n"
          "| hat | status | holders | evidence | holders' share | reason |\n"
          "|---|---|---|--:|--:|---|\n"
          "| lead | ok | alice, carol (inactive) | 2 | 100% | 2 active holders; holders did 100% of 2 evidence items |\n"
          "\n"
          "</details>\n");
}

TEST_CASE("a passed audit summary says so and collapses every hat", "[report][markdown]") {
    auto result = sample();
    result.warnings = {"shallow clone: history is truncated"};
    const auto text = report::render_audit_markdown({result, {"none"}, {}, "note: a *hint*"});
    CHECK(
        text.starts_with("## roles audit: demo\n\n**Gate: passed** (`--fail-on none`): nothing matched.\n\n"
                         "> **Warning:** shallow clone: history is truncated\n\n"
                         "> note: a \\*hint\\*\n\n"));
    CHECK(text.find("<summary>All 2 hats</summary>") != std::string::npos);
    CHECK(text.find("| failing |") == std::string::npos);
    CHECK(text.find("| security-contact | vacant | — | 4 | 0% |") != std::string::npos);
}

TEST_CASE("quiet markdown leaves out the collapsed block", "[report][markdown]") {
    const auto result = sample();
    report::AuditView view{result, {"vacant"}, {"security-contact"}, "", report::Detail::quiet};
    const auto text = report::render_audit_markdown(view);
    CHECK(text.find("<details>") == std::string::npos);
    CHECK(text.find("| security-contact | vacant |") != std::string::npos);
}

TEST_CASE("a person at high burnout risk who fails the gate gets a failing row", "[report][markdown]") {
    auto result = sample();
    engine::PersonLoadRow ana;
    ana.key = "ana";
    ana.name = "Ana `Ops`";
    ana.on_roster = false;
    ana.load.signals.many_hats = true;
    ana.load.signals.hat_load.hats = 4;
    result.health.burnout_high = {ana};
    const auto text = report::render_audit_markdown({result, {"burnout-high"}, {"burnout:ana"}, ""});
    CHECK(text.find("**Gate: failed** (`--fail-on burnout-high`): 1 person at high burnout risk.\n") !=
          std::string::npos);
    CHECK(text.find("| burnout:ana | high burnout risk | Ana \\`Ops\\` \\[ana\\] | many-hats 4 |\n") !=
          std::string::npos);
    // The health line lists them too, inside the collapsed block.
    CHECK(text.find("high burnout risk: ana (many-hats 4).") != std::string::npos);
}
