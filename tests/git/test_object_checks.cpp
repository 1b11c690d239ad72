// Repository files libgit2 1.5 does not survive (a pack index whose size check overflows,
// a truncated loose object) are checked before it reads them: exit 2 naming the file,
// never a crash or a hang. Also: which repositories count as partial clones.

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../../src/git/object_checks.hpp"
#include "git/loader_fixtures.hpp"
#include "roles/git/loader.hpp"
#include "support/repo_fixture.hpp"

using roles::test::CommitSpec;
using roles::test::TempRepo;

namespace {

std::string load_error(const std::string& path) {
    roles::git::LoadOptions options;
    options.path = path;
    options.cache = roles::git::CacheMode::off;
    const auto history = roles::git::load_history(options);
    if (history) return "loaded";
    CHECK(history.error().kind == roles::util::ErrorKind::input);  // exit code 2
    return history.error().context + ": " + history.error().cause;
}

// The one pack index of a repacked repository.
std::string only_index(const TempRepo& repo) {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(repo.git_dir() + "/objects/pack")) {
        if (entry.path().extension() == ".idx") found.push_back(entry.path().string());
    }
    REQUIRE(found.size() == 1);
    return found.front();
}

void write_be32(const std::string& file, std::streamoff offset, std::uint32_t value) {
    std::filesystem::permissions(file, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
    std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
    out.seekp(offset);
    const unsigned char bytes[4] = {static_cast<unsigned char>(value >> 24), static_cast<unsigned char>(value >> 16),
                                    static_cast<unsigned char>(value >> 8), static_cast<unsigned char>(value)};
    out.write(reinterpret_cast<const char*>(bytes), 4);
}

// Two loose commits: README.md, then src/main.cpp added.
struct LooseRepo {
    TempRepo repo;
    std::string first;
    std::string second;
    LooseRepo() {
        CommitSpec spec;
        spec.files = {{"README.md", "hello\n"}};
        first = repo.commit(spec);
        spec.time += 60;
        spec.files = {{"src/main.cpp", "int main() {}\n"}};
        second = repo.commit(spec);
    }
    [[nodiscard]] std::string file_of(const std::string& id) const {
        return repo.git_dir() + "/objects/" + id.substr(0, 2) + "/" + id.substr(2);
    }
};

constexpr std::streamoff k_last_fanout = 8 + 255 * 4;

}  // namespace

TEST_CASE("a pack index whose last fan-out entry is corrupted is named, before libgit2 reads it", "[git][hardening]") {
    // libgit2 1.5 computes the index's expected size in 32 bits: a count near 2^32 passes
    // its check and it reads far past the file (SIGSEGV in git_odb_read from resolve_tip).
    TempRepo repo;
    roles::test::build_sample_history(repo, 2, true);
    const std::string index = only_index(repo);
    write_be32(index, k_last_fanout, 0xffff'fff0U);
    CHECK(load_error(repo.path()) == "reading pack index '" + index +
                                         "': its size does not match its object count (4294967280, from the last "
                                         "fan-out entry): the repository is damaged (git fsck reports it; a fresh "
                                         "clone repairs it)");
}

TEST_CASE("a pack index whose fan-out decreases is named", "[git][hardening]") {
    TempRepo repo;
    roles::test::build_sample_history(repo, 2, true);
    const std::string index = only_index(repo);
    write_be32(index, 8 + 100 * 4, 0xffff'ffffU);
    CHECK(load_error(repo.path()) == "reading pack index '" + index +
                                         "': fan-out entry 101 is smaller than the one before it: the repository is "
                                         "damaged (git fsck reports it; a fresh clone repairs it)");
}

TEST_CASE("a pack index with a large offset outside its table is named", "[git][hardening]") {
    // libgit2 reads the large-offset table at that index without a bound.
    TempRepo repo;
    roles::test::build_sample_history(repo, 2, true);
    const std::string index = only_index(repo);
    std::ifstream in(index, std::ios::binary);
    in.seekg(k_last_fanout);
    unsigned char count_bytes[4] = {};
    in.read(reinterpret_cast<char*>(count_bytes), 4);
    const std::uint32_t count = (std::uint32_t{count_bytes[0]} << 24) | (std::uint32_t{count_bytes[1]} << 16) |
                                (std::uint32_t{count_bytes[2]} << 8) | count_bytes[3];
    in.close();
    // The first object's 32-bit offset: after the header, fan-out, ids and CRCs.
    write_be32(index, 8 + 1024 + std::streamoff{count} * 24, 0x8000'0005U);
    CHECK(load_error(repo.path()) == "reading pack index '" + index +
                                         "': object 0 has a large offset outside the table: the repository is "
                                         "damaged (git fsck reports it; a fresh clone repairs it)");
}

TEST_CASE("a truncated loose HEAD commit is an error naming it, not a hang in libgit2", "[git][hardening]") {
    LooseRepo fixture;
    const std::size_t size = std::filesystem::file_size(fixture.file_of(fixture.second));
    fixture.repo.truncate_loose(fixture.second, size / 2);
    CHECK(load_error(fixture.repo.path()) == "reading object " + fixture.second + ": loose object file '" +
                                                 fixture.file_of(fixture.second) +
                                                 "' is damaged: its zlib stream is truncated or damaged");
}

TEST_CASE("a truncated loose commit below HEAD is an error naming it", "[git][hardening]") {
    LooseRepo fixture;
    fixture.repo.truncate_loose(fixture.first, 12);
    CHECK(load_error(fixture.repo.path()) == "reading object " + fixture.first + ": loose object file '" +
                                                 fixture.file_of(fixture.first) +
                                                 "' is damaged: its zlib stream is truncated or damaged");
}

TEST_CASE("a loose tree whose header announces more than it holds is an error", "[git][hardening]") {
    LooseRepo fixture;
    const std::string tree = fixture.repo.object_id(fixture.first, "");
    const std::string content = roles::test::raw_tree_entry("100644", "README.md",
                                                            fixture.repo.object_id(fixture.first, "README.md"));
    fixture.repo.write_loose("tree", content, tree, content.size() + 10);
    CHECK(load_error(fixture.repo.path()) ==
          "reading object " + tree + ": loose object file '" + fixture.file_of(tree) + "' is damaged: its header announces " +
              std::to_string(content.size() + 10) + " bytes but it holds " + std::to_string(content.size()));
}

TEST_CASE("an intact loose object passes the check", "[git][hardening]") {
    LooseRepo fixture;
    git_oid id;
    REQUIRE(git_oid_fromstr(&id, fixture.second.c_str()) == 0);
    CHECK(roles::git::check_loose_object(fixture.repo.git_dir() + "/objects", id).has_value());
    REQUIRE(git_oid_fromstr(&id, "5555555555555555555555555555555555555555") == 0);
    CHECK(roles::git::check_loose_object(fixture.repo.git_dir() + "/objects", id).has_value());  // not loose
    CHECK(roles::git::check_pack_indexes(fixture.repo.git_dir() + "/objects").has_value());       // no packs
}

TEST_CASE("partial clones are recognised by git's markers", "[git][hardening]") {
    TempRepo repo;
    const auto partial = [&repo] {
        roles::git::RepositoryHandle handle;
        REQUIRE(git_repository_open(roles::git::out(handle), repo.git_dir().c_str()) == 0);
        return roles::git::is_partial_clone(handle.get());
    };
    CHECK_FALSE(partial());
    SECTION("a promisor remote") {
        repo.mark_partial_clone();
        CHECK(partial());
    }
    SECTION("a pack fetched from a promisor remote") {
        std::filesystem::create_directories(repo.git_dir() + "/objects/pack");
        std::ofstream(repo.git_dir() + "/objects/pack/pack-1.promisor") << "";
        CHECK(partial());
    }
}
