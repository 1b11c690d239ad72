// Drafting a roster (`roles init`): who is proposed for which hat and why, worked out by hand.
#include <catch2/catch.hpp>

#include "engine/history_builder.hpp"
#include "roles/engine/init.hpp"

using namespace roles;
using roles::test::k_day;
using roles::test::k_head_time;

namespace {

// A hat of the draft's catalog: unlisted (no holders), evidence on one glob.
roster::Hat catalog_hat(const std::string& id, const std::string& glob) {
    auto hat = test::hat(id, {}, glob);
    hat.def.catalog = "demo";
    hat.source = roster::HolderSource::unlisted;
    return hat;
}

struct Project {
    test::HistoryBuilder builder;
    git::IdentityId alice = builder.identity("Alice Smith", "alice@example.com");
    git::IdentityId bob = builder.identity("Bob Jones", "bob@example.org");
    git::IdentityId carol = builder.identity("Carol Reed", "carol@example.net");
    git::IdentityId dave = builder.identity("Dave Hill", "dave@example.net");
    git::IdentityId erin = builder.identity("Erin Old", "erin@example.net");
    git::IdentityId frank = builder.identity("Frank Ng", "frank@example.net");
    git::IdentityId bot =
        builder.identity("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com");

    // `count` commits touching `path`, one a day, the last `days_ago` days before HEAD.
    void work(git::IdentityId who, int count, const std::string& path, int days_ago = 1) {
        for (int i = count - 1; i >= 0; --i)
            builder.commit(who, k_head_time - (days_ago + i) * k_day, "work", {path});
    }

    // Commits in time order: the oldest first.
    void build_history() {
        work(erin, 2, "ci/job.yaml", 200);  // 200 and 201 days ago: inactive (stale_after 90d)
        work(alice, 6, "docs/a.md", 30);
        work(bob, 3, "docs/b.md", 20);
        work(carol, 1, "docs/c.md", 15);
        work(dave, 1, "docs/d.md", 14);
        work(bot, 5, "docs/deps.md", 12);
        work(frank, 4, "ci/job.yaml", 10);
        builder.commit(carol, k_head_time - 5 * k_day, "Fix CVE-2024-1234", {"src/x.c"});
    }

    engine::InitInput input(const git::History& history, std::vector<engine::ImportedFile> imports = {}) {
        auto security = test::hat("security", {}, "none/**");
        security.def.evidence.paths.clear();
        security.def.evidence.message = {"CVE-"};
        security.def.catalog = "demo";
        security.source = roster::HolderSource::unlisted;
        auto lead = catalog_hat("lead", "x");
        lead.def.evidence = {};
        auto base = test::make_roster(
            {}, {catalog_hat("docs", "docs/**"), catalog_hat("ci", "ci/**"), security, lead});
        return engine::InitInput{
            history, std::move(base), {"demo", engine::CatalogSource::given}, std::move(imports), {}};
    }
};

const engine::HatDraft& hat_named(const engine::InitDraft& draft, const std::string& id) {
    for (const auto& hat : draft.hats) {
        if (hat.hat == id) return hat;
    }
    FAIL("no hat " << id);
    return draft.hats.front();
}

std::vector<std::string> holder_keys(const engine::HatDraft& hat) {
    std::vector<std::string> keys;
    for (const auto& proposal : hat.holders) keys.push_back(proposal.person);
    return keys;
}

}  // namespace

TEST_CASE("init proposes who did at least a tenth of a hat's work, and leaves bots out", "[engine][init]") {
    Project project;
    project.build_history();
    const auto history = project.builder.build();
    auto draft = engine::draft_roster(project.input(history));
    REQUIRE(draft.has_value());
    // docs: alice 6, bob 3, carol 1, dave 1 = 11 items (the bot's 5 credit nobody).
    // alice 6/11 = 55% (>= 50%), bob 3/11 = 27% (>= 10%): proposed; carol and dave 1/11 = 9%.
    const auto& docs = hat_named(*draft, "docs");
    CHECK(docs.items == 11);
    CHECK(holder_keys(docs) == std::vector<std::string>{"alice-smith", "bob-jones"});
    CHECK(docs.holders[0].items == 6);
    CHECK(docs.holders[0].share == Approx(6.0 / 11));
    REQUIRE(docs.passed_over.size() == 2);
    CHECK(docs.passed_over[0].why == engine::PassOver::small_share);
    // ci: frank 4 (recent), erin 2 (last active 200 days ago): frank 67% proposed, erin 33%
    // inactive.
    const auto& ci = hat_named(*draft, "ci");
    CHECK(ci.items == 6);
    CHECK(holder_keys(ci) == std::vector<std::string>{"frank-ng"});
    REQUIRE(ci.passed_over.size() == 1);
    CHECK(ci.passed_over[0].label == "Erin Old");
    CHECK(ci.passed_over[0].why == engine::PassOver::inactive);
    // security: one CVE commit, under the 5 items needed: nobody.
    const auto& security = hat_named(*draft, "security");
    CHECK(security.empty == engine::NoHolder::thin_evidence);
    CHECK(security.holders.empty());
    REQUIRE(security.passed_over.size() == 1);
    CHECK(security.passed_over[0].why == engine::PassOver::thin);
    CHECK(hat_named(*draft, "lead").empty == engine::NoHolder::no_rules);
    // 11 docs + 6 ci + 1 CVE commits are credited; dependabot is the one tool identity.
    CHECK(draft->commits == 18);
    CHECK(draft->tool_identities == 1);
    // The roster lists the proposed holders and has exactly the people proposed.
    CHECK(draft->roster.people.size() == 3);
    CHECK(draft->roster.people.at("alice-smith").emails == std::vector<std::string>{"alice@example.com"});
    CHECK(draft->roster.people.at("alice-smith").name == "Alice Smith");
    CHECK(draft->roster.hats()[0].source == roster::HolderSource::listed);
    CHECK(draft->roster.hats()[2].source == roster::HolderSource::unlisted);
}

TEST_CASE("init's draft audited at once shadows no hat", "[engine][init]") {
    Project project;
    project.build_history();
    const auto history = project.builder.build();
    auto draft = engine::draft_roster(project.input(history));
    REQUIRE(draft.has_value());
    auto audit = engine::run_audit(history, draft->roster, engine::RosterMode::roster, {});
    REQUIRE(audit.has_value());
    for (const auto& hat : audit->hats) CHECK(hat.status != engine::Status::shadowed);
    // docs has two active holders and is ok; ci one (frank; erin's 33% is a backup): ok.
    CHECK(audit->hats[0].status == engine::Status::ok);
    CHECK(audit->hats[2].status == engine::Status::vacant);  // security: nobody proposed
}

TEST_CASE("an imported CODEOWNERS rule keeps its owners, less tools, and gains whoever shadows it",
          "[engine][init]") {
    Project project;
    project.build_history();
    const auto history = project.builder.build();
    auto imported = roster::import_roster_text(roster::ImportKind::codeowners,
                                               "docs/ @docs-lead zuul@example.org\n", "CODEOWNERS");
    REQUIRE(imported.has_value());
    auto draft = engine::draft_roster(project.input(
        history, {engine::ImportedFile{{roster::ImportKind::codeowners, "CODEOWNERS", ""}, *imported}}));
    REQUIRE(draft.has_value());
    REQUIRE(draft->imports.size() == 1);
    CHECK(draft->imports[0].hats == 1);
    CHECK(draft->imports[0].tools.size() == 1);  // zuul@example.org matches the zuul-email rule
    const auto& owner = hat_named(*draft, "owner-docs");
    CHECK(owner.imported);
    CHECK(owner.title == "Code owner: docs/");
    // docs/ has the same 11 credited items as the docs hat: docs-lead none, alice 55%.
    REQUIRE(owner.holders.size() == 2);
    CHECK(owner.holders[0].person == "docs-lead");
    CHECK(owner.holders[0].origin == engine::ProposalOrigin::imported);
    CHECK(owner.holders[1].person == "alice-smith");
    CHECK(owner.holders[1].origin == engine::ProposalOrigin::shadow);
    CHECK(draft->roster.people.contains("docs-lead"));
    auto audit = engine::run_audit(history, draft->roster, engine::RosterMode::roster, {});
    REQUIRE(audit.has_value());
    for (const auto& hat : audit->hats) CHECK(hat.status != engine::Status::shadowed);
}

TEST_CASE("the catalog is detected from the files at HEAD", "[engine][init]") {
    test::HistoryBuilder builder;
    const auto who = builder.identity("A B", "a@example.com");
    builder.commit(who, k_head_time, "x", {"README"});
    auto history = builder.build();
    const auto with = [&](const std::string& path) {
        auto copy = history;
        copy.paths.push_back(path);
        copy.head_files = {static_cast<git::PathId>(copy.paths.size() - 1)};
        return engine::detect_catalog(copy);
    };
    CHECK(with(".zuul.yaml").name == "openstack");
    CHECK(with("zuul.d/jobs.yaml").source == engine::CatalogSource::zuul);
    CHECK(with("OWNERS").name == "kubernetes-sig");
    CHECK(with("docs/OWNERS").name == "generic");
    CHECK(with("README").source == engine::CatalogSource::fallback);
    auto copy = history;
    for (const char* path : {"docs/CODEOWNERS", "CODEOWNERS", "MAINTAINERS"}) {
        copy.paths.emplace_back(path);
        copy.head_files.push_back(static_cast<git::PathId>(copy.paths.size() - 1));
    }
    const auto files = engine::find_roster_files(copy);
    REQUIRE(files.size() == 2);
    CHECK(files[0].path == "CODEOWNERS");  // GitHub reads the root one before docs/
    CHECK(files[1].kind == roster::ImportKind::maintainers);
    // A root OWNERS file is read too, with OWNERS_ALIASES as its companion when present.
    for (const char* path : {"OWNERS", "OWNERS_ALIASES", "pkg/OWNERS"}) {
        copy.paths.emplace_back(path);
        copy.head_files.push_back(static_cast<git::PathId>(copy.paths.size() - 1));
    }
    const auto with_owners = engine::find_roster_files(copy);
    REQUIRE(with_owners.size() == 3);
    CHECK(with_owners[2].kind == roster::ImportKind::owners);
    CHECK(with_owners[2].path == "OWNERS");
    CHECK(with_owners[2].companion == "OWNERS_ALIASES");
    CHECK(with_owners[0].companion.empty());
}
