// Renames with edits (git's -M50%): the similarity score itself, and renames found through
// load_history on real repositories. Expected scores are worked out by hand from the chunk
// rule (a chunk ends at a newline or after 64 bytes; score = shared bytes × 60000 / larger
// size).

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../../src/git/rename_similarity.hpp"
#include "roles/engine/truck_factor.hpp"
#include "support/history_view.hpp"
#include "support/repo_fixture.hpp"
#include "support/temp_dir.hpp"

using roles::git::blob_signature;
using roles::git::History;
using roles::git::similarity;
using roles::git::sizes_can_match;
using roles::test::CommitSpec;
using roles::test::FileWrite;
using roles::test::TempRepo;
using Texts = std::vector<std::string>;

namespace {

std::uint32_t score(const std::string& from, const std::string& to) {
    const auto* a = reinterpret_cast<const unsigned char*>(from.data());
    const auto* b = reinterpret_cast<const unsigned char*>(to.data());
    return similarity(blob_signature(a, from.size()), blob_signature(b, to.size()));
}

// `count` lines of `width` bytes (newline included), each distinct through `tag`.
std::string lines(const std::string& tag, int count, std::size_t width) {
    std::string out;
    for (int i = 0; i < count; ++i) {
        std::string line = tag + std::to_string(i);
        line.resize(width - 1, '.');
        out += line + "\n";
    }
    return out;
}

class Builder {
public:
    std::string commit(std::vector<FileWrite> files, const std::string& author = "Alice Example") {
        CommitSpec spec;
        spec.author_name = author;
        spec.author_email = author.substr(0, author.find(' ')) + "@example.com";
        spec.time = roles::test::k_base_time + std::int64_t{60} * m_count++;
        spec.files = std::move(files);
        return m_repo.commit(spec);
    }
    [[nodiscard]] History load() const { return roles::test::load_or_throw(m_repo.path()); }
    TempRepo& repo() { return m_repo; }

private:
    TempRepo m_repo;
    int m_count = 0;
};

Texts changes_of_head(const History& history) { return roles::test::change_texts(history, history.commits.at(0)); }

}  // namespace

TEST_CASE("similarity: shared chunk bytes over the larger size", "[git][rename]") {
    // "a\n" "b\n" "c\n" are shared (6 bytes), "d\n" and "X\n" are not: 6 × 60000 / 8.
    CHECK(score("a\nb\nc\nd\n", "a\nb\nc\nX\n") == 45000);
    // Identical content: 60000; nothing shared: 0; an empty destination: 0.
    CHECK(score("a\nb\n", "a\nb\n") == 60000);
    CHECK(score("a\nb\n", "x\ny\n") == 0);
    CHECK(score("a\n", "") == 0);
    // A repeated line counts as often as both sides hold it: "a\n" twice in the source,
    // once in the destination shares 2 bytes of the larger 4.
    CHECK(score("a\na\n", "a\nb\n") == 30000);
}

TEST_CASE("similarity: a CR before LF is ignored in text, not in binary", "[git][rename]") {
    // Text: "a\r\n" hashes as "a\n"; 4 shared bytes over the larger size 6.
    CHECK(score("a\r\nb\r\n", "a\nb\n") == 40000);
    // A NUL in the first 8000 bytes makes both binary: the chunks keep their CR and share
    // only the one holding the NUL ("\0\n", 2 bytes of the larger 8).
    const std::string binary_crlf("\0\na\r\nb\r\n", 8);
    const std::string binary_lf("\0\na\nb\n", 6);
    CHECK(score(binary_crlf, binary_lf) == 15000);
}

TEST_CASE("similarity: chunks end after 64 bytes without a newline", "[git][rename]") {
    // 128 bytes without newline: two chunks of 64. Changing the last byte leaves the first
    // chunk shared: 64 × 60000 / 128.
    const std::string from(128, 'x');
    std::string to = from;
    to.back() = 'y';
    CHECK(score(from, to) == 30000);
}

TEST_CASE("sizes: the difference must be at most half the larger", "[git][rename]") {
    CHECK(sizes_can_match(100, 50));
    CHECK_FALSE(sizes_can_match(100, 49));
    CHECK(sizes_can_match(0, 0));
    CHECK_FALSE(sizes_can_match(10, 0));
}

TEST_CASE("a move with edits is a rename at 50% similarity and above", "[git][rename]") {
    Builder builder;
    SECTION("just above 50%: 50 shared bytes of 99") {
        // Source: 5 kept lines of 10 bytes + 7 lines of 7; destination: the 5 kept lines + 7
        // new lines of 7. Score 50 × 60000 / 99 = 30303.
        builder.commit({{"old/file.txt", lines("keep", 5, 10) + lines("gone", 7, 7)}});
        builder.commit({{"old/file.txt", std::nullopt}, {"new/other.txt", lines("keep", 5, 10) + lines("newl", 7, 7)}});
        CHECK(changes_of_head(builder.load()) == Texts{"R old/file.txt -> new/other.txt"});
    }
    SECTION("exactly 50%: 50 shared bytes of 100") {
        builder.commit({{"old/file.txt", lines("keep", 5, 10) + lines("gone", 5, 10)}});
        builder.commit({{"old/file.txt", std::nullopt}, {"new/other.txt", lines("keep", 5, 10) + lines("newl", 5, 10)}});
        CHECK(changes_of_head(builder.load()) == Texts{"R old/file.txt -> new/other.txt"});
    }
    SECTION("just below 50%: 50 shared bytes of 101") {
        // 50 × 60000 / 101 = 29702 < 30000.
        builder.commit({{"old/file.txt", lines("keep", 5, 10) + lines("gone", 3, 17)}});
        builder.commit({{"old/file.txt", std::nullopt}, {"new/other.txt", lines("keep", 5, 10) + lines("newl", 3, 17)}});
        CHECK(changes_of_head(builder.load()) == Texts{"A new/other.txt", "D old/file.txt"});
    }
}

TEST_CASE("a same-name move needs 75% before the matrix, then 50% in it", "[git][rename]") {
    Builder builder;
    // 6 of 10 lines kept (60%): the same-name step (75%) passes it over, the matrix takes it.
    builder.commit({{"a/x.txt", lines("keep", 6, 10) + lines("gone", 4, 10)}});
    builder.commit({{"a/x.txt", std::nullopt}, {"b/x.txt", lines("keep", 6, 10) + lines("newl", 4, 10)}});
    CHECK(changes_of_head(builder.load()) == Texts{"R a/x.txt -> b/x.txt"});
}

TEST_CASE("one source goes to its most similar destination", "[git][rename]") {
    Builder builder;
    builder.commit({{"src.txt", lines("keep", 10, 10)}});
    // near.txt keeps 9 of 10 lines (90%), far.txt 6 (60%): near wins, far stays added.
    builder.commit({{"src.txt", std::nullopt},
                    {"near.txt", lines("keep", 9, 10) + lines("newn", 1, 10)},
                    {"far.txt", lines("keep", 6, 10) + lines("newf", 4, 10)}});
    CHECK(changes_of_head(builder.load()) == Texts{"A far.txt", "R src.txt -> near.txt"});
}

TEST_CASE("a file copied and edited is an addition, not a rename", "[git][rename]") {
    Builder builder;
    builder.commit({{"a.txt", lines("line", 10, 10)}});
    // a.txt stays: there is no deleted file to be the source.
    builder.commit({{"a.txt", lines("line", 10, 10) + "more\n"}, {"b.txt", lines("line", 9, 10) + "edit\n"}});
    CHECK(changes_of_head(builder.load()) == Texts{"A b.txt", "M a.txt"});
}

TEST_CASE("a rename candidate without its blob falls back to exact renames", "[git][rename]") {
    Builder builder;
    builder.commit({{"old/edited.txt", lines("keep", 9, 10) + "last\n"}, {"old/same.txt", "same\n"}});
    const std::string head = builder.commit({{"old/edited.txt", std::nullopt},
                                             {"new/edited.txt", lines("keep", 9, 10) + "edit\n"},
                                             {"old/same.txt", std::nullopt},
                                             {"new/same.txt", "same\n"}});
    SECTION("with every blob: both are renames") {
        const History history = builder.load();
        CHECK(changes_of_head(history) == Texts{"R old/edited.txt -> new/edited.txt", "R old/same.txt -> new/same.txt"});
        CHECK(history.rename_fallbacks == 0);
    }
    SECTION("the edited destination's blob is absent: the exact rename stays, one fallback") {
        builder.repo().mark_partial_clone();
        builder.repo().remove_object(builder.repo().object_id(head, "new/edited.txt"));
        const History history = builder.load();
        CHECK(changes_of_head(history) ==
              Texts{"A new/edited.txt", "D old/edited.txt", "R old/same.txt -> new/same.txt"});
        CHECK(history.rename_fallbacks == 1);
    }
}

TEST_CASE("facts read without a blob are cached, and read again once the blob arrives", "[git][rename][cache]") {
    Builder builder;
    builder.commit({{"old/edited.txt", lines("keep", 9, 10) + "last\n"}});
    const std::string edited = lines("keep", 9, 10) + "edit\n";
    const std::string head = builder.commit({{"old/edited.txt", std::nullopt}, {"new/edited.txt", edited}});
    builder.repo().mark_partial_clone();
    builder.repo().remove_object(builder.repo().object_id(head, "new/edited.txt"));
    roles::git::LoadOptions options;
    options.path = builder.repo().path();
    options.cache = roles::git::CacheMode::use;
    options.cache_dir = roles::test::make_temp_dir();
    const auto load = [&options](roles::git::LoadStats& stats) {
        auto history = roles::git::load_history(options, stats);
        if (!history) throw std::runtime_error(history.error().message());
        return std::move(*history);
    };
    roles::git::LoadStats cold;
    const History first = load(cold);
    CHECK(cold.commits_read == 2);
    CHECK(changes_of_head(first) == Texts{"A new/edited.txt", "D old/edited.txt"});
    CHECK(first.rename_fallbacks == 1);
    // The commit missing a blob is cached with it, so the next run reads nothing and keeps
    // the fallback (and its warning count).
    roles::git::LoadStats warm;
    const History second = load(warm);
    CHECK(warm.commits_read == 0);
    CHECK(warm.cache_hits == 2);
    CHECK(changes_of_head(second) == Texts{"A new/edited.txt", "D old/edited.txt"});
    CHECK(second.rename_fallbacks == 1);
    // The blob is fetched: that one commit is read again and the rename pairs.
    builder.repo().write_loose("blob", edited);
    roles::git::LoadStats arrived;
    const History third = load(arrived);
    CHECK(arrived.commits_read == 1);
    CHECK(changes_of_head(third) == Texts{"R old/edited.txt -> new/edited.txt"});
    CHECK(third.rename_fallbacks == 0);
    // ... and the cache holds the new facts only: nothing is read after that.
    roles::git::LoadStats after;
    const History fourth = load(after);
    CHECK(after.commits_read == 0);
    CHECK(changes_of_head(fourth) == Texts{"R old/edited.txt -> new/edited.txt"});
}

TEST_CASE("a rename with edits keeps the file's original author", "[git][rename][truck_factor]") {
    Builder builder;
    // Alice writes lib/core.py; Bob moves it to src/core.py and edits one of its ten lines.
    builder.commit({{"lib/core.py", lines("code", 10, 12)}}, "Alice Example");
    builder.commit({{"lib/core.py", std::nullopt}, {"src/core.py", lines("code", 9, 12) + "bob_edit...\n"}},
                   "Bob Example");
    const History history = builder.load();
    REQUIRE(changes_of_head(history) == Texts{"R lib/core.py -> src/core.py"});
    // Credit each commit to its author, identity id as person id.
    std::vector<std::vector<roles::engine::PersonId>> credited;
    for (const auto& commit : history.commits) credited.push_back({commit.author});
    const auto authorship = roles::engine::compute_authorship(history, credited);
    REQUIRE(authorship.files.size() == 1);
    const auto& file = authorship.files[0];
    const auto alice = history.commits[1].author;
    const auto bob = history.commits[0].author;
    REQUIRE(file.contributions.size() == 2);
    // Alice: FA = 1, DL = 0, AC = 1: DOA 3.293 + 1.098 − 0.321·ln 2 = 4.1685.
    // Bob: FA = 0, DL = 1, AC = 0: DOA 3.293 + 0.164 = 3.457; 3.457 / 4.1685 = 0.83 > 0.75
    // and DOA ≥ 3.293, so both author it, Alice as first author.
    for (const auto& contribution : file.contributions) {
        if (contribution.person == alice) {
            CHECK(contribution.first_author);
            CHECK(contribution.doa == Approx(4.1685).epsilon(1e-4));
        } else {
            CHECK(contribution.person == bob);
            CHECK_FALSE(contribution.first_author);
            CHECK(contribution.doa == Approx(3.457).epsilon(1e-4));
        }
    }
    CHECK(file.authors == std::vector<roles::engine::PersonId>{std::min(alice, bob), std::max(alice, bob)});
}

namespace {

// `git log -M --name-status` of the commit `id` as change texts ("R old -> new", "A path").
Texts git_name_status(const std::string& repo, const std::string& id) {
    const std::string command =
        "git -C '" + repo + "' -c diff.renameLimit=1000 show -M --name-status --format= '" + id + "'";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("failed: " + command);
    Texts texts;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
        std::string line(buffer);
        if (!line.empty() && line.back() == '\n') line.pop_back();
        if (line.empty()) continue;
        std::vector<std::string> fields;
        for (std::size_t start = 0;;) {
            const auto tab = line.find('\t', start);
            fields.push_back(line.substr(start, tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        if (fields[0][0] == 'R') {
            texts.push_back("R " + fields.at(1) + " -> " + fields.at(2));
        } else {
            texts.push_back(fields[0].substr(0, 1) + " " + fields.at(1));
        }
    }
    if (pclose(pipe) != 0) throw std::runtime_error("failed: " + command);
    std::ranges::sort(texts);
    return texts;
}

}  // namespace

TEST_CASE("renames agree with git log -M on a mixed reorganisation", "[git][rename]") {
    Builder builder;
    std::vector<FileWrite> first;
    first.reserve(10);
    for (int f = 0; f < 8; ++f) first.push_back({"lib/f" + std::to_string(f) + ".js", lines("f" + std::to_string(f) + "-", 20, 16)});
    first.push_back({"lib/twin_a.js", lines("twin", 20, 16)});
    first.push_back({"lib/twin_b.js", lines("twin", 20, 16) + "b\n"});
    first.push_back({"docs/readme.md", lines("doc", 10, 30)});
    builder.commit(first);
    // Moves with 0..7 of 20 lines replaced (0 = exact), 13 replaced (below 50%), a
    // same-name move, two near-identical files moved together, and a plain deletion.
    std::vector<FileWrite> second;
    const int replaced[8] = {0, 1, 3, 5, 7, 9, 11, 13};
    for (int f = 0; f < 8; ++f) {
        const std::string tag = "f" + std::to_string(f) + "-";
        second.push_back({"lib/f" + std::to_string(f) + ".js", std::nullopt});
        const std::string name = f % 2 == 0 ? "src/f" + std::to_string(f) + ".js" : "src/g" + std::to_string(f) + ".js";
        second.push_back({name, lines(tag, 20 - replaced[f], 16) + lines("new" + tag, replaced[f], 16)});
    }
    second.push_back({"lib/twin_a.js", std::nullopt});
    second.push_back({"lib/twin_b.js", std::nullopt});
    second.push_back({"src/twin_1.js", lines("twin", 19, 16) + "one\n"});
    second.push_back({"src/twin_2.js", lines("twin", 20, 16) + "b\nc\n"});
    second.push_back({"docs/readme.md", std::nullopt});
    const std::string head = builder.commit(second, "Bob Example");
    const History history = builder.load();
    CHECK(changes_of_head(history) == git_name_status(builder.repo().path(), head));
}
