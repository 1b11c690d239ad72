#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "roles/engine/factors.hpp"

using roles::engine::FactorMember;
using roles::engine::GroupKind;
using roles::engine::PersonId;
using roles::engine::PersonInfo;
using roles::engine::Resolution;
using roles::engine::smallest_majority;

namespace {

std::vector<FactorMember> groups(const std::vector<std::pair<std::string, std::uint64_t>>& counts) {
    std::vector<FactorMember> list;
    for (const auto& [name, commits] : counts) {
        list.push_back({name, GroupKind::person, commits, {}});
    }
    return list;
}

PersonInfo person(const std::string& key, std::vector<std::string> emails,
                  std::optional<std::string> affiliation = std::nullopt) {
    PersonInfo info;
    info.key = key;
    info.name = key;
    info.emails = std::move(emails);
    info.affiliation = std::move(affiliation);
    return info;
}

}  // namespace

TEST_CASE("CHAOSS worked example gives a contributor absence factor of 2", "[algo][factors]") {
    // Total = 1000 + 433 + 343 + 332 + 202 + 90 + 42 + 33 = 2475; half = 1237.5.
    // 1000 ≤ 1237.5; 1000 + 433 = 1433 > 1237.5: two people.
    const auto result = smallest_majority(groups({{"p6", 90}, {"p1", 1000}, {"p3", 343},
                                                  {"p2", 433}, {"p4", 332}, {"p5", 202},
                                                  {"p7", 42}, {"p8", 33}}));
    CHECK(result.factor == 2);
    CHECK(result.total_commits == 2475);
    REQUIRE(result.members.size() == 2);
    CHECK(result.members[0].name == "p1");
    CHECK(result.members[0].commits == 1000);
    CHECK(result.members[1].name == "p2");
    CHECK(result.members[1].commits == 433);
}

TEST_CASE("exactly half of the commits is not a majority", "[algo][factors]") {
    // 50 of 100 is not more than half: one more group is needed (50 + 30 = 80 > 50).
    CHECK(smallest_majority(groups({{"a", 50}, {"b", 30}, {"c", 20}})).factor == 2);
    // 51 of 100 is.
    CHECK(smallest_majority(groups({{"a", 51}, {"b", 29}, {"c", 20}})).factor == 1);
    // One group with every commit: 10 > 5.
    CHECK(smallest_majority(groups({{"a", 10}})).factor == 1);
}

TEST_CASE("ties are broken by name", "[algo][factors]") {
    // 30 + 30 = 60 > 50 of 100; among the three 30s, "ann" and "bob" come first.
    const auto result =
        smallest_majority(groups({{"cy", 30}, {"dee", 10}, {"bob", 30}, {"ann", 30}}));
    CHECK(result.factor == 2);
    REQUIRE(result.members.size() == 2);
    CHECK(result.members[0].name == "ann");
    CHECK(result.members[1].name == "bob");
}

TEST_CASE("no commits gives a factor of 0", "[algo][factors]") {
    CHECK(smallest_majority({}).factor == 0);
    const auto zeros = smallest_majority(groups({{"a", 0}, {"b", 0}}));
    CHECK(zeros.factor == 0);
    CHECK(zeros.total_commits == 0);
    CHECK(zeros.members.empty());
}

TEST_CASE("contributor absence factor over people", "[algo][factors]") {
    Resolution resolution;
    resolution.people = {person("ann", {}), person("bob", {}), person("cy", {})};
    // 5 + 3 + 2 = 10; 5 is half, not more; 5 + 3 = 8 > 5: factor 2.
    const auto result = roles::engine::contributor_absence_factor({3, 5, 2}, resolution);
    CHECK(result.factor == 2);
    REQUIRE(result.members.size() == 2);
    CHECK(result.members[0].name == "bob");
    CHECK(result.members[0].people == std::vector<PersonId>{1});
    CHECK(result.members[1].name == "ann");
    CHECK(roles::engine::contributor_absence_factor({}, resolution).factor == 0);
}

TEST_CASE("elephant factor: free-mail users are independent, not one company", "[algo][factors]") {
    Resolution resolution;
    resolution.people = {
        person("alice", {"alice@example.com"}, "Example Corp"),  // roster affiliation wins
        person("bob", {"bob@example.com"}),
        person("carol", {"carol@EXAMPLE.COM", "carol@gmail.com"}),  // first email, lowercased
        person("dan", {"dan@gmail.com"}),
        person("erin", {"erin@gmail.com"}),
        person("frank", {}),
    };
    // Organisations: example.com = bob 20 + carol 15 = 35; dan 30; erin 25; Example Corp 10;
    // frank 0 is ignored. Total 100: 35 ≤ 50, 35 + 30 = 65 > 50: factor 2.
    // (Counting gmail.com as one company would give gmail 55 > 50: factor 1.)
    const auto result = roles::engine::elephant_factor({10, 20, 15, 30, 25, 0}, resolution);
    CHECK(result.total_commits == 100);
    CHECK(result.factor == 2);
    REQUIRE(result.members.size() == 2);
    CHECK(result.members[0].name == "example.com");
    CHECK(result.members[0].kind == GroupKind::organisation);
    CHECK(result.members[0].commits == 35);
    CHECK(result.members[0].people == std::vector<PersonId>{1, 2});
    CHECK(result.members[1].name == "dan");
    CHECK(result.members[1].kind == GroupKind::independent);
}

TEST_CASE("organisation of a person", "[algo][factors]") {
    using roles::engine::affiliation_of;
    CHECK(affiliation_of(person("a", {"a@x.org"}, " Acme ")).name == "Acme");
    CHECK(affiliation_of(person("a", {"a@x.org"}, " Acme ")).kind == GroupKind::organisation);
    // A blank affiliation falls back to the email domain.
    CHECK(affiliation_of(person("a", {"a@X.org"}, "  ")).name == "x.org");
    CHECK(affiliation_of(person("a", {"not-an-email"})).kind == GroupKind::independent);
    CHECK(affiliation_of(person("a", {"not-an-email"})).name == "a");
    CHECK(affiliation_of(person("a", {"1+a@users.noreply.github.com"})).kind ==
          GroupKind::independent);
}

TEST_CASE("free-mail domains", "[algo][factors]") {
    using roles::engine::is_free_mail_domain;
    CHECK(is_free_mail_domain("gmail.com"));
    CHECK(is_free_mail_domain("GMail.COM"));
    CHECK(is_free_mail_domain("yahoo.co.uk"));
    CHECK(is_free_mail_domain("gmx.de"));
    CHECK(is_free_mail_domain("users.noreply.github.com"));
    CHECK_FALSE(is_free_mail_domain("redhat.com"));
    CHECK_FALSE(is_free_mail_domain("notgmail.com"));
    CHECK_FALSE(is_free_mail_domain("gmail.com.evil.org"));
}
