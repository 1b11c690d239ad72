// TextIndex gives the answers of resolve_text, value by value.
#include <catch2/catch.hpp>

#include "engine/history_builder.hpp"
#include "roles/engine/text_index.hpp"

using namespace roles;

TEST_CASE("TextIndex agrees with resolve_text on every kind of value", "[engine][identity][activity]") {
    test::HistoryBuilder builder;
    const auto alice = builder.identity("Alice Liddell", "alice@example.com");
    const auto alice_work = builder.identity("Alice Liddell", "alice@work.example");
    const auto bob = builder.identity("Bob Builder", "BOB@example.org");
    const auto bot = builder.identity("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com");
    const auto same_name = builder.identity("Carol Singer", "carol@one.example");
    for (const auto who : {alice, alice_work, bob, bot, same_name}) builder.commit(who, test::k_head_time, "c");
    const auto history = builder.build();
    const auto roster = test::make_roster({test::person("dora", "Dora Explorer", "dora@example.net"),
                                           test::person("bob", "Bob Builder", "bob@example.org")},
                                          {});
    const auto resolution = engine::resolve_identities(history, roster);
    engine::TextIndex index(history, resolution);
    const std::vector<std::string> values = {
        "Alice Liddell <alice@example.com>",  "alice liddell <nobody@example.com>", "Someone <ALICE@WORK.EXAMPLE>",
        "Bob Builder <bob@example.org>",      "Bob Builder",                        "<bob@example.org>",
        "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
        "Dora Explorer <dora@example.net>",   "D. Explorer <dora@example.net>",     "Dora Explorer",
        "Carol Singer <carol@two.example>",   "Nobody <nobody@nowhere.example>",    "",
        "Eve <",                              "  Élise   Exemple  ",                "Alice Liddell <alice@example.com"};
    for (const auto& value : values) {
        INFO(value);
        CHECK(index.resolve(value) == engine::resolve_text(value, history, resolution));
        CHECK(index.resolve(value) == engine::resolve_text(value, history, resolution));  // memoised answer
    }
    // A few by hand: the bot resolves to nobody; Dora is known from the roster alone.
    CHECK_FALSE(index.resolve("dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>").has_value());
    CHECK(index.resolve("D. Explorer <dora@example.net>") == resolution.find("dora"));
    CHECK(index.resolve("Someone <ALICE@WORK.EXAMPLE>") == index.resolve("Alice Liddell <alice@example.com>"));
}
