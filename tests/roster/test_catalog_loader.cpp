// Catalogs: the shipped ones under roles/, lookup by name and path, catalog validation,
// and the discovery roster built on `generic`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "roster/roster_support.hpp"
#include "support/temp_dir.hpp"

using namespace roles::roster;
using roles::roster::test::use_source_catalogs;
using Lines = std::vector<std::string>;

namespace fs = std::filesystem;

TEST_CASE("every shipped catalog loads without error and describes every hat", "[roster]") {
    use_source_catalogs();
    int catalogs = 0;
    for (const auto& entry : fs::directory_iterator(ROLES_SOURCE_DIR "/roles")) {
        // automation.yaml is the automation list, not a catalog (test_automation_loader.cpp).
        if (entry.path().extension() != ".yaml" || entry.path().filename() == "automation.yaml") continue;
        ++catalogs;
        INFO(entry.path().string());
        const auto catalog = load_catalog(entry.path().string());
        if (!catalog) {
            for (const auto& line : catalog.error().details) UNSCOPED_INFO(line);
        }
        REQUIRE(catalog.has_value());
        CHECK(catalog->name == entry.path().stem().string());
        CHECK_FALSE(catalog->description.empty());
        CHECK_FALSE(catalog->hats.empty());
        for (const auto& hat : catalog->hats) {
            INFO(hat.id);
            CHECK_FALSE(hat.description.empty());
            CHECK_FALSE(hat.title.empty());
            CHECK(hat.catalog == catalog->name);
        }
    }
    CHECK(catalogs == 10);
}

TEST_CASE("the built-in catalogs are found by name", "[roster]") {
    use_source_catalogs();
    CHECK(builtin_catalog_names() == Lines{"2i2c", "codeowners", "generic", "kubernetes-group", "kubernetes-sig",
                                           "maintainers", "openstack", "openstack-dpl", "ospo", "owners"});
    CHECK(catalog_search_dirs().front() == ROLES_SOURCE_DIR "/roles");
    const auto openstack = load_catalog("openstack");
    REQUIRE(openstack.has_value());
    CHECK(openstack->file == ROLES_SOURCE_DIR "/roles/openstack.yaml");
}

TEST_CASE("the shipped catalogs hold the hats the design names", "[roster]") {
    use_source_catalogs();
    const std::map<std::string, Lines> expected{
        {"generic", {"lead", "release-manager", "ci-keeper", "security-contact", "triager", "reviewer"}},
        {"openstack-dpl",
         {"release-liaison", "tact-sig-liaison", "security-liaison", "tc-liaison", "events-liaison",
          "project-onboarding", "meeting-facilitator", "bug-deputy", "rfe-coordinator"}},
        {"kubernetes-sig", {"chair", "tech-lead", "subproject-owner", "steering-liaison"}},
        {"ospo", {"community-builder", "diplomat", "strategist", "advocate"}},
        {"2i2c",
         {"site-reliability-engineering", "software-development", "product-management", "community-guidance",
          "partnerships", "team-operations", "upstream-support"}},
    };
    for (const auto& [name, ids] : expected) {
        INFO(name);
        const auto catalog = load_catalog(name);
        REQUIRE(catalog.has_value());
        Lines found;
        for (const auto& hat : catalog->hats) found.push_back(hat.id);
        CHECK(found == ids);
    }
}

TEST_CASE("shipped catalogs: required hats and key figures", "[roster]") {
    use_source_catalogs();
    const auto required = [](const std::string& catalog_name) {
        std::set<std::string> out;
        const auto catalog = load_catalog(catalog_name);  // kept alive for the loop
        for (const auto& hat : catalog->hats) {
            if (hat.required) out.insert(hat.id);
        }
        return out;
    };
    CHECK(required("openstack-dpl") ==
          std::set<std::string>{"release-liaison", "tact-sig-liaison", "security-liaison", "tc-liaison"});
    CHECK(required("openstack") == std::set<std::string>{"ptl", "release-liaison", "bug-liaison",
                                                         "tact-sig-liaison", "security-liaison"});
    CHECK_FALSE(required("generic").contains("reviewer"));
    const auto openstack = *load_catalog("openstack");
    CHECK(openstack.hats[0].effort == Approx(0.5));
    CHECK(openstack.hats[0].fallback_for == Lines{"release-liaison", "security-liaison"});
    CHECK(openstack.hats[2].evidence.trailers == Lines{"Closes-Bug", "Partial-Bug", "Related-Bug"});
    const auto sig = *load_catalog("kubernetes-sig");
    CHECK(sig.hats[0].min == 2);
    const auto generic = *load_catalog("generic");
    CHECK(generic.hats[0].effort == Approx(0.3));
    CHECK(generic.hats[1].evidence.tags);
    CHECK(generic.hats[5].evidence.credit_trailers == Lines{"Tested-by"});
    CHECK(generic.hats[5].evidence.activity ==
          std::vector<ActivityKind>{ActivityKind::reviewed, ActivityKind::acked, ActivityKind::gerrit_review});
    // Every release hat of the built-in catalogs leaves dependency bumps out.
    CHECK(generic.hats[1].evidence.exclude_message.size() == 4);
    CHECK(openstack.hats[1].evidence.exclude_message == generic.hats[1].evidence.exclude_message);
    CHECK(load_catalog("openstack-dpl")->hats[0].evidence.exclude_message == generic.hats[1].evidence.exclude_message);
    const auto maintainers = *load_catalog("maintainers");
    CHECK(maintainers.hats[0].evidence.activity ==
          std::vector<ActivityKind>{ActivityKind::authored, ActivityKind::committed, ActivityKind::signed_off});
}

TEST_CASE("an unknown catalog name is an input error with a suggestion", "[roster]") {
    use_source_catalogs();
    const auto catalog = load_catalog("opnstack-dpl");
    REQUIRE_FALSE(catalog.has_value());
    CHECK(catalog.error().kind == roles::util::ErrorKind::input);
    CHECK(catalog.error().message() ==
          "loading catalog 'opnstack-dpl': unknown catalog 'opnstack-dpl' (did you mean 'openstack-dpl'?)");
}

TEST_CASE("a catalog file is validated like a roster", "[roster]") {
    const auto dir = roles::test::make_temp_dir();
    std::ofstream(dir + "/bad.yaml") << R"(catalog: bad
hats:
  ok-hat: {}
  Bad Hat: {title: Bad}
  regex-hat:
    evidence:
      message: ['[a-']
      trailers: ['Closes Bug']
      paths: ['', '!vendor/**']
      tags: sometimes
  list-hat: [a]
)";
    const auto catalog = load_catalog("bad.yaml", dir);
    REQUIRE_FALSE(catalog.has_value());
    CHECK(catalog.error().context == "invalid catalog '" + dir + "/bad.yaml'");
    CHECK(catalog.error().cause == "7 problems");
    // Lines 7-9: 6 spaces + "message: [" (10) -> c16; "trailers: [" (11) -> c17;
    // "paths: [" (8) -> c14, "'', " is 4 more -> c18.  Line 10: "tags: " -> c12.
    const std::string file = dir + "/bad.yaml";
    CHECK(catalog.error().details ==
          Lines{
              file + ":4:3: hat id 'Bad Hat' is not kebab-case (try 'bad-hat')",
              file + ":7:17: invalid regular expression '[a-' in evidence of hat 'regex-hat': missing ]: [a-",
              file + ":8:18: invalid trailer key 'Closes Bug' (a trailer key has no spaces or colons, e.g. "
                     "'Closes-Bug')",
              file + ":9:15: a path glob cannot be empty",
              file + ":9:19: negated glob '!vendor/**' is not supported",
              file + ":10:13: expected true or false for 'tags', got 'sometimes'",
              file + ":11:13: expected a map for 'list-hat', got a list",
          });
}

TEST_CASE("a catalog needs hats - a hat without a title gets one from its id", "[roster]") {
    const auto dir = roles::test::make_temp_dir();
    std::ofstream(dir + "/none.yaml") << "catalog: none\ndescription: nothing here\n";
    std::ofstream(dir + "/empty-hats.yaml") << "hats: {}\n";
    std::ofstream(dir + "/tiny.yaml") << "hats:\n  bug-liaison:\n    evidence: {trailers: [Closes-Bug]}\n";
    CHECK(load_catalog("none.yaml", dir).error().details ==
          Lines{dir + "/none.yaml:1:1: missing 'hats' (a catalog lists its hats under 'hats')"});
    CHECK(load_catalog("empty-hats.yaml", dir).error().details ==
          Lines{dir + "/empty-hats.yaml:1:1: the catalog has no hats"});
    const auto tiny = load_catalog(dir + "/tiny.yaml");
    REQUIRE(tiny.has_value());
    CHECK(tiny->name == "tiny");  // no `catalog:`: named after the file
    CHECK(tiny->hats[0].title == "Bug liaison");
    CHECK(tiny->hats[0].required);  // defaults of docs/catalogs.md, "Hat fields"
    CHECK(tiny->hats[0].min == 1);
    CHECK(tiny->hats[0].effort == Approx(0.1));
    CHECK(tiny->hats[0].pos.line == 2);
    CHECK(tiny->hats[0].pos.column == 3);
}

TEST_CASE("a missing catalog file is an input error", "[roster]") {
    const auto catalog = load_catalog("/nonexistent/x.yaml");
    REQUIRE_FALSE(catalog.has_value());
    CHECK(catalog.error().message() == "reading catalog '/nonexistent/x.yaml': no such file");
}

TEST_CASE("the discovery roster has every generic hat and no holders", "[roster]") {
    use_source_catalogs();
    const auto roster = discovery_roster();
    REQUIRE(roster.has_value());
    CHECK(roster->file.empty());
    CHECK(roster->catalogs == Lines{"generic"});
    CHECK(roster->people.empty());
    REQUIRE(roster->projects.size() == 1);
    CHECK(roster->hats().size() == 6);
    for (const auto& hat : roster->hats()) {
        CHECK(hat.source == HolderSource::unlisted);
        CHECK(hat.holders.empty());
    }
}
