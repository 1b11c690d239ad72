// load_document: one YAML document per file, parsed without running away (issue 14).
#include <catch2/catch.hpp>

#include <chrono>

#include "roster/roster_support.hpp"

using roles::roster::test::problems;
using Lines = std::vector<std::string>;

TEST_CASE("inputs that made yaml-cpp's LoadAll run away are one problem, at once", "[roster][yaml]") {
    // yaml-cpp 0.7 yields empty documents on these without reading on; LoadAll kept them all
    // (gigabytes within seconds on the 4 bytes ",- B", found by fuzzing the roster loader).
    const auto started = std::chrono::steady_clock::now();
    const Lines stuck_at_start{"r.yaml:1:1: invalid YAML: the parser cannot read on from here"};
    CHECK(problems(",- B") == stuck_at_start);
    CHECK(problems(",") == stuck_at_start);
    CHECK(problems(",,") == stuck_at_start);
    CHECK(problems(",a: 1") == stuck_at_start);
    // After a first document: where the parser stops, line 2 column 1.
    CHECK(problems("- a\n,") == Lines{"r.yaml:2:1: invalid YAML: the parser cannot read on from here"});
    CHECK(problems("hats: {}\n,\n") == Lines{"r.yaml:2:1: invalid YAML: end of map not found"});
    // Relatives that yaml-cpp rejects itself stay parser errors.
    CHECK(problems("]") == Lines{"r.yaml:1:1: invalid YAML: illegal flow end"});
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
}

TEST_CASE("a second document is found wherever it starts", "[roster][yaml]") {
    // The first node of the second document: line 3, or line 2 after '--- ' on the same line.
    CHECK(problems("hats: {}\n---\n- x\n") ==
          Lines{"r.yaml:3:1: a roster is one YAML document, and this is another one (after a '---' line)"});
    CHECK(problems("hats: {}\n--- x\n") ==
          Lines{"r.yaml:2:5: a roster is one YAML document, and this is another one (after a '---' line)"});
    // '...' ends a document; what follows is another.
    CHECK(problems("hats: {}\n...\n--- {a: 1}\n") ==
          Lines{"r.yaml:3:5: a roster is one YAML document, and this is another one (after a '---' line)"});
    // Only empty documents after the first: still one roster.
    CHECK(problems("project: p\n---\n---\n...\n") == Lines{"(roster loaded without error)"});
}

TEST_CASE("a top level that is not a map is not quoted: the file may not be a roster", "[roster][yaml]") {
    // A credentials file read by mistake is a single plain scalar to YAML.
    CHECK(problems("machine example.com login me password hunter2\n") ==
          Lines{"r.yaml:1:1: expected a map at the top level, got a single value (not shown)"});
    CHECK(problems("- a\n") == Lines{"r.yaml:1:1: expected a map at the top level, got a list"});
}
