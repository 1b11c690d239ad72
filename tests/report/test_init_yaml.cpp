// The drafted roster as YAML with comments, on a draft built by hand.
#include <algorithm>

#include <catch2/catch.hpp>

#include "roles/report/init.hpp"
#include "roles/roster/loader.hpp"

using namespace roles;

namespace {

// One roster-defined hat "docs" held by ada and bo, one "security" left empty.
engine::InitDraft sample_draft() {
    engine::InitDraft draft;
    draft.catalog = {"generic", engine::CatalogSource::fallback};
    draft.window = engine::Window(0, 31 * 86400);  // 1970-01-01 .. 1970-02-01
    draft.commits = 12;
    draft.tool_identities = 2;
    roster::Hat docs;
    docs.def.id = "docs";
    docs.def.title = "Docs";
    docs.def.evidence.paths = {"docs/**"};
    docs.source = roster::HolderSource::listed;
    docs.holders = {{"ada", std::nullopt, std::nullopt, {}}, {"bo", std::nullopt, std::nullopt, {}}};
    roster::Hat security;
    security.def.id = "security";
    security.def.title = "Security";
    security.def.evidence.message = {"CVE"};
    draft.roster.project = "demo";
    draft.roster.projects.push_back({"demo", {}, {docs, security}, {}});
    draft.roster.people["ada"] =
        roster::Person{"ada", "Ada A", {"ada@example.com"}, {}, {}, std::nullopt, 1.0, std::nullopt, {}, {}};
    draft.roster.people["bo"] =
        roster::Person{"bo", "Bo B", {"bo@example.com"}, {}, {}, std::nullopt, 1.0, std::nullopt, {}, {}};
    engine::HatDraft docs_draft{"docs", "Docs", "generic", false, true, 10, {}, {}, engine::NoHolder::none,
                                5};
    // ada 6 of 10 = 60%, bo 3 = 30%; cy 2 = 20% but last active on 1970-01-02.
    docs_draft.holders = {{"ada", "Ada A", 6, 0.6, engine::ProposalOrigin::evidence},
                          {"bo", "Bo B", 3, 0.3, engine::ProposalOrigin::evidence}};
    docs_draft.passed_over = {{"Cy C", 2, 0.2, engine::PassOver::inactive, 86400}};
    engine::HatDraft security_draft{
        "security", "Security", "generic", false, true, 1, {}, {}, engine::NoHolder::thin_evidence, 5};
    security_draft.passed_over = {{"Dee D", 1, 1.0, engine::PassOver::thin, std::nullopt}};
    draft.hats = {docs_draft, security_draft};
    return draft;
}

}  // namespace

TEST_CASE("the draft's YAML carries each proposal's shares and the capacity placeholder", "[report][init]") {
    const auto draft = sample_draft();
    const auto text = report::render_init_yaml({draft, "'demo'"});
    REQUIRE(text.has_value());
    INFO(*text);
    CHECK(text->starts_with(
        "# Drafted by `roles init` from 'demo': 12 credited commits from 1970-01-01 to 1970-02-01.\n"));
    CHECK(text->find("# 2 identities of bots, AI assistants and forges are nobody's work") !=
          std::string::npos);
    CHECK(text->find(
              "#   security: too little evidence to propose anyone (1 item of the 5 needed: Dee D (100%, "
              "1 item))\n") != std::string::npos);
    CHECK(
        text->find("    holders: [ada, bo]  # 10 items in the window: ada 6 (60%), bo 3 (30%); not proposed: "
                   "Cy C 2 (20%, last active 1970-01-02)\n") != std::string::npos);
    CHECK(text->find("    capacity: 1.0  # a placeholder: the share of a full-time week they give\n") !=
          std::string::npos);
    // The YAML is a roster: it loads back with both people and ada and bo on docs.
    auto back = roster::parse_roster(*text, "ROLES.yaml");
    REQUIRE(back.has_value());
    CHECK(back->people.size() == 2);
    const auto docs = std::find_if(back->hats().begin(), back->hats().end(),
                                   [](const roster::Hat& hat) { return hat.def.id == "docs"; });
    REQUIRE(docs != back->hats().end());
    CHECK(docs->holders.size() == 2);
    const auto summary = report::init_summary({draft, "'demo'"}, "ROLES.yaml");
    REQUIRE_FALSE(summary.empty());
    CHECK(
        summary.front() ==
        "roles: drafted ROLES.yaml for 'demo': catalog generic, 1 of 2 hats with proposed holders, 2 people");
}
