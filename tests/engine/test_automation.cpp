// What the automation rules removed from a window (engine/automation.cpp).
#include <catch2/catch.hpp>

#include "engine/history_builder.hpp"
#include "roles/engine/activity.hpp"
#include "roles/engine/automation.hpp"

using namespace roles;

TEST_CASE("per-rule counts and assisted commits over a window", "[engine][automation]") {
    test::HistoryBuilder builder;
    const auto ana = builder.identity("Ana Lima", "ana@example.com");
    const auto bot = builder.identity("dependabot[bot]", "1+dependabot[bot]@users.noreply.github.com");
    const auto claude = builder.identity("Claude Opus 4.6", "noreply@anthropic.com");
    const auto web = builder.identity("GitHub", "noreply@github.com");
    builder.commit(bot, test::k_head_time - 500 * test::k_day, "Bump a from 1 to 2");  // outside the window
    builder.commit(bot, test::k_head_time - 5 * test::k_day, "Bump a from 2 to 3").committer = web;
    builder.commit(ana, test::k_head_time - 4 * test::k_day, "Explain").co_authors = {claude};
    auto& helped = builder.commit(ana, test::k_head_time - 3 * test::k_day, "Refactor\n\nAssisted-by: pi gpt-5.5");
    helped.trailers = {{"Assisted-By", "pi gpt-5.5"}};
    auto& generated = builder.commit(bot, test::k_head_time - 2 * test::k_day, "Regenerate");
    generated.trailers = {{"Generated-by", "a tool"}};  // nobody credited: not "assisted"
    const auto history = builder.build();
    const auto resolution = engine::resolve_identities(history, test::make_roster({}, {}));
    const auto activity = engine::collect_activity(history, resolution);
    const engine::Window window{test::k_head_time - 365 * test::k_day, test::k_head_time};
    const auto summary = engine::summarise_automation(history, resolution, activity, window);
    // Ana's two commits are credited and assisted: Claude's co-authored one and the trailer one.
    CHECK(summary.assisted_commits == 2);
    CHECK(summary.assisted_by_trailer == 1);
    REQUIRE(summary.rules.size() == 3);  // rule order: claude, github-web-flow, github-app-bots
    CHECK(summary.rules[0].rule == "claude");
    CHECK(summary.rules[0].co_authored == 1);
    CHECK(summary.rules[1].rule == "github-web-flow");
    CHECK(summary.rules[1].committed == 1);
    CHECK(summary.rules[2].rule == "github-app-bots");
    CHECK(summary.rules[2].authored == 2);  // the third bump is before the window
    CHECK(summary.rules[2].removed == 2);
    CHECK(summary.rules[2].identities == 1);
}
