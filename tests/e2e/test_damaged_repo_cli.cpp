// A damaged repository ends the audit with exit 2 and a message naming what is damaged;
// a partial clone's absent objects are a warning with their count, in text and JSON.

#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e/run_binary.hpp"
#include "support/repo_fixture.hpp"

using roles::test::parse_json;
using roles::test::run_roles;
using roles::test::shell_quote;

namespace {

// c1 adds lib/a.txt and top.txt, c2 edits lib/a.txt, c3 edits top.txt; c2's lib/ is c3's.
struct ThreeCommits {
    roles::test::TempRepo repo;
    std::string c2;
    std::string c3;
    ThreeCommits() {
        roles::test::CommitSpec spec;
        spec.message = "c1\n";
        spec.files = {{"lib/a.txt", "1"}, {"top.txt", "1"}};
        repo.commit(spec);
        spec.message = "c2\n";
        spec.time += 60;
        spec.files = {{"lib/a.txt", "2"}};
        c2 = repo.commit(spec);
        spec.message = "c3\n";
        spec.time += 60;
        spec.files = {{"top.txt", "3"}};
        c3 = repo.commit(spec);
    }
};

const std::string k_missing_warning = "2 objects missing (partial clone); the paths of some commits are unknown";

}  // namespace

TEST_CASE("audit of a repository with a truncated loose HEAD commit exits 2 naming the file", "[e2e][hardening]") {
    ThreeCommits fixture;
    const std::string file = fixture.repo.git_dir() + "/objects/" + fixture.c3.substr(0, 2) + "/" + fixture.c3.substr(2);
    fixture.repo.truncate_loose(fixture.c3, std::filesystem::file_size(file) - 4);
    const auto run = run_roles("audit " + shell_quote(fixture.repo.path()) + " --no-cache");
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err == "roles: error: reading object " + fixture.c3 + ": loose object file '" + file +
                         "' is damaged: its zlib stream is truncated or damaged\n");
}

TEST_CASE("audit of a repository lacking a tree exits 2 unless it is a partial clone", "[e2e][hardening]") {
    ThreeCommits fixture;
    const std::string lib = fixture.repo.object_id(fixture.c2, "lib");
    fixture.repo.remove_object(lib);
    const auto damaged = run_roles("audit " + shell_quote(fixture.repo.path()) + " --no-cache");
    CHECK(damaged.exit_code == 2);
    CHECK(damaged.err == "roles: error: reading tree 'lib': object " + lib +
                             " is missing and the repository is not a partial clone: it is damaged (git fsck lists "
                             "what is missing)\n");

    fixture.repo.mark_partial_clone();
    // c2 vs c1 cannot read c2's lib/, and HEAD's files cannot list it: 2 absent objects.
    const auto json = run_roles("audit " + shell_quote(fixture.repo.path()) + " --no-cache --format json");
    INFO(json.err);
    CHECK(json.exit_code == 0);
    const auto audit = parse_json(json.out);
    CHECK(audit["missing_objects"] == 2);
    CHECK(audit["warnings"] == nlohmann::json::array({k_missing_warning}));
    roles::test::check_schema(json.out);
    const auto text = run_roles("audit " + shell_quote(fixture.repo.path()) + " --no-cache");
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("warning: " + k_missing_warning) != std::string::npos);
}

TEST_CASE("audit of a repository whose pack index is damaged exits 2 naming the index", "[e2e][hardening]") {
    ThreeCommits fixture;
    const std::string command = "git -C " + shell_quote(fixture.repo.git_dir()) + " repack -adq";
    REQUIRE(std::system(command.c_str()) == 0);
    std::string index;
    for (const auto& entry : std::filesystem::directory_iterator(fixture.repo.git_dir() + "/objects/pack")) {
        if (entry.path().extension() == ".idx") index = entry.path().string();
    }
    std::filesystem::permissions(index, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
    {
        std::fstream file(index, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(8 + 255 * 4);
        file.write("\xff\xff\xff\xf0", 4);
    }
    const auto run = run_roles("audit " + shell_quote(fixture.repo.path()) + " --no-cache");
    CHECK(run.exit_code == 2);
    CHECK(run.err == "roles: error: reading pack index '" + index +
                         "': its size does not match its object count (4294967280, from the last fan-out entry): the "
                         "repository is damaged (git fsck reports it; a fresh clone repairs it)\n");
}
