// `roles identities`: people with their identities and reasons, tools, likely merges.
#include <catch2/catch.hpp>

#include "engine/history_builder.hpp"
#include "roles/engine/identity_report.hpp"

using namespace roles;

TEST_CASE("identities per person, most used first, with the reason each joined", "[engine][identity]") {
    test::HistoryBuilder builder;
    const auto a = builder.identity("Wes Todd", "wes@wesleytodd.com");
    const auto b = builder.identity("Wes", "wes@wesleytodd.com");
    const auto c = builder.identity("Wes Todd", "wtodd@netflix.com");
    const auto bot = builder.identity("dependabot[bot]", "1+dependabot[bot]@users.noreply.github.com");
    builder.commit(a, test::k_head_time - 50, "1");
    builder.commit(a, test::k_head_time - 40, "2");
    builder.commit(b, test::k_head_time - 30, "3");
    builder.commit(c, test::k_head_time - 20, "4").co_authors = {a};  // a co-author who is the same person
    builder.commit(bot, test::k_head_time - 10, "Bump x from 1 to 2");
    const auto history = builder.build();
    const auto resolution = engine::resolve_identities(history, test::make_roster({}, {}));
    const auto report = engine::report_identities(history, resolution);
    CHECK(report.identities == 4);
    REQUIRE(report.people.size() == 1);
    const auto& wes = report.people[0];
    CHECK(wes.key == "wes-todd");
    CHECK(wes.commits == 5);  // a: 2 + 1 as co-author, b: 1, c: 1
    REQUIRE(wes.identities.size() == 3);
    CHECK(wes.identities[0].email == "wes@wesleytodd.com");
    CHECK(wes.identities[0].name == "Wes Todd");
    CHECK(wes.identities[0].commits == 3);
    CHECK(wes.identities[0].link.reason == engine::MergeReason::email);  // shares its email with "Wes"
    // "Wes" and "Wes Todd <wtodd@...>" tie at 1 commit: by name, "Wes" < "Wes Todd".
    CHECK(wes.identities[1].name == "Wes");
    CHECK(wes.identities[1].link.reason == engine::MergeReason::email);
    CHECK(wes.identities[2].email == "wtodd@netflix.com");
    CHECK(wes.identities[2].link.reason == engine::MergeReason::name);
    CHECK(wes.identities[2].link.value == "wes todd");
    REQUIRE(report.tools.size() == 1);
    CHECK(report.tools[0].rule == "github-app-bots");
    CHECK(report.tools[0].identities[0].commits == 1);
    CHECK(report.likely.empty());
}

TEST_CASE("likely merges: one-word names shared, a handle that is another's name", "[engine][identity]") {
    test::HistoryBuilder builder;
    builder.identity("kaz", "kaz@one.example");
    builder.identity("kaz", "kaz@two.example");
    builder.identity("bjohansebas", "103585995+bjohansebas@users.noreply.github.com");
    builder.identity("Sebastian Beltran", "bjohansebas@gmail.com");
    // A generic local part ("root") is no evidence: these two stay apart, unflagged.
    builder.identity("root", "root@a.example");
    builder.identity("Somebody Else", "root@b.example");
    const auto history = builder.build();
    const auto resolution = engine::resolve_identities(history, test::make_roster({}, {}));
    const auto report = engine::report_identities(history, resolution);
    REQUIRE(report.likely.size() == 2);
    // By value: "bjohansebas", then "kaz".
    CHECK(report.likely[0].reason == engine::LikelyReason::same_handle);
    CHECK(report.likely[0].value == "bjohansebas");
    CHECK(report.likely[0].people.size() == 2);
    CHECK(report.likely[1].reason == engine::LikelyReason::same_name);  // not listed twice
    CHECK(report.likely[1].people == std::vector<std::string>{"kaz", "kaz-2"});
}

TEST_CASE("a word that a crowd shares is not a likely merge", "[engine][identity]") {
    test::HistoryBuilder builder;
    for (const auto* email : {"a@one.example", "b@two.example", "c@three.example", "d@four.example"}) {
        builder.identity("aaron", email);  // four people named "aaron": more than 3, a crowd
    }
    builder.identity("anonymous", "x@five.example");
    builder.identity("anonymous", "y@six.example");  // a generic word
    const auto history = builder.build();
    const auto report = engine::report_identities(history, engine::resolve_identities(history, test::make_roster({}, {})));
    CHECK(report.people.size() == 6);
    CHECK(report.likely.empty());
}
