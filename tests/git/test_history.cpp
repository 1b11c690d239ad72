#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "roles/git/history.hpp"

using roles::git::Commit;

TEST_CASE("Commit::summary is the first non-blank line, trimmed", "[git]") {
    Commit commit;
    commit.message = "Add the loader\n\nDetails.\n";
    CHECK(commit.summary() == "Add the loader");
    commit.message = "\n\n  Leading blank lines  \r\nrest";
    CHECK(commit.summary() == "Leading blank lines");
    commit.message = "no newline";
    CHECK(commit.summary() == "no newline");
    commit.message = "";
    CHECK(commit.summary().empty());
    commit.message = "\n \n";
    CHECK(commit.summary().empty());
}

TEST_CASE("Commit::trailer_values matches keys ignoring ASCII case, in order", "[git]") {
    Commit commit;
    commit.trailers = {{"Closes-Bug", "#1"}, {"Reviewed-by", "x"}, {"CLOSES-BUG", "#2"}, {"Closes-Bugs", "#3"}};
    CHECK(commit.trailer_values("closes-bug") == std::vector<std::string_view>{"#1", "#2"});
    CHECK(commit.trailer_values("reviewed-BY") == std::vector<std::string_view>{"x"});
    CHECK(commit.trailer_values("Acked-by").empty());
}
