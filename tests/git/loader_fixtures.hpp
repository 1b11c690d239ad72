#pragma once
// Shared by the loader's parallel, cache and pack-reader tests: a canonical text dump of a
// History (so that two loads compare as one string, with a readable diff when they differ)
// and a sample history with the shapes that stress the loader: branches and merges, exact
// renames, nested directories, co-authors, several authors and time zones, tags.

#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "roles/git/history.hpp"
#include "roles/git/loader.hpp"
#include "support/repo_fixture.hpp"

namespace roles::test {

/// Every field of `history` except `warnings`, one fact per line, ids as loaded.
inline std::string dump(const git::History& history) {
    std::ostringstream out;
    out << "head " << history.head_id << ' ' << history.head_time << " shallow " << history.shallow << " missing "
        << history.missing_objects << '\n';
    for (std::size_t i = 0; i < history.identities.size(); ++i) {
        out << "identity " << i << ' ' << history.identities[i].name << " <" << history.identities[i].email << ">\n";
    }
    for (std::size_t i = 0; i < history.paths.size(); ++i) out << "path " << i << ' ' << history.paths[i] << '\n';
    for (const git::Commit& commit : history.commits) {
        out << "commit " << commit.id << " author " << commit.author << " committer " << commit.committer << " time "
            << commit.time << ' ' << commit.offset_minutes << " parents " << commit.parent_count << '\n'
            << commit.message << "\n--\n";
        for (const git::Trailer& trailer : commit.trailers) out << "  trailer " << trailer.key << '=' << trailer.value << '\n';
        for (const git::IdentityId co_author : commit.co_authors) out << "  co-author " << co_author << '\n';
        for (const git::PathChange& change : commit.changes) {
            out << "  change " << static_cast<int>(change.kind) << ' ' << change.path << ' ' << change.old_path << '\n';
        }
    }
    for (const git::Tag& tag : history.tags) {
        out << "tag " << tag.name << ' ' << tag.target << ' ' << (tag.tagger ? static_cast<long>(*tag.tagger) : -1L) << ' '
            << tag.time << ' ' << tag.offset_minutes << ' ' << tag.annotated << '\n';
    }
    for (const git::PathId file : history.head_files) out << "file " << file << '\n';
    return out.str();
}

/// Loads `path` with the given threads and cache settings; throws on failure.
inline git::History load_with(const std::string& path, unsigned threads, git::CacheMode cache,
                              const std::string& cache_dir = "", git::LoadStats* stats = nullptr,
                              git::PackAccess packs = git::PackAccess::direct) {
    git::LoadOptions options;
    options.path = path;
    options.threads = threads;
    options.cache = cache;
    options.cache_dir = cache_dir;
    options.packs = packs;
    git::LoadStats ignored;
    auto history = git::load_history(options, stats ? *stats : ignored);
    if (!history) throw std::runtime_error(history.error().message());
    return std::move(*history);
}

/// Runs `git <arguments>` in `path` quietly; throws when it fails.
inline void run_git(const std::string& path, const std::string& arguments) {
    const std::string command = "git -C '" + path + "' " + arguments + " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
}

/// What build_sample_history made.
struct SampleHistory {
    std::size_t commits = 0;  ///< reachable from main
    std::string tip;
};

/// `rounds` rounds of: three commits on main by rotating authors (one a rename, one with a
/// co-author), then a two-commit topic branch merged back. Deterministic: same ids each run.
/// With `packed`, the objects are then repacked by git with deltas, as a real clone's are.
inline SampleHistory build_sample_history(TempRepo& repo, int rounds, bool packed) {
    struct Person {
        const char* name;
        const char* email;
        int offset;
    };
    const std::vector<Person> people = {{"Ada Lovelace", "ada@example.com", 0},
                                        {"Bala Iyer", "bala@example.in", 330},
                                        {"Chris Doe", "chris@example.us", -420},
                                        {"Dana Roe", "dana@example.de", 60}};
    SampleHistory sample;
    std::int64_t time = k_base_time;
    int serial = 0;
    const auto spec_for = [&](const std::string& message, std::vector<FileWrite> files) {
        const Person& person = people[static_cast<std::size_t>(serial) % people.size()];
        CommitSpec spec;
        spec.author_name = person.name;
        spec.author_email = person.email;
        spec.offset_minutes = person.offset;
        spec.time = time += 3600;
        spec.message = message;
        spec.files = std::move(files);
        ++serial;
        return spec;
    };
    for (int round = 0; round < rounds; ++round) {
        const std::string r = std::to_string(round);
        sample.tip = repo.commit(spec_for("work " + r + "\n", {{"src/core/engine.c", "engine " + r + "\n"},
                                                               {"docs/guide/round" + r + ".md", "round " + r + "\n"}}));
        // An exact rename: the same blob leaves one directory for another.
        const std::string moved = round == 0 ? "notes/todo.txt" : "notes/old/todo" + std::to_string(round - 1) + ".txt";
        std::vector<FileWrite> move{{"notes/old/todo" + r + ".txt", "todo list\n"}};
        if (round > 0) move.push_back({moved, std::nullopt});
        sample.tip = repo.commit(spec_for("move notes " + r + "\n", std::move(move)));
        sample.tip = repo.commit(spec_for("pair work " + r + "\n\nCo-authored-by: Eve Adams <eve@example.org>\n"
                                          "Signed-off-by: Ada Lovelace <ada@example.com>\n",
                                          {{"src/net/socket.c", "socket " + r + "\n"}}));
        CommitSpec topic = spec_for("topic " + r + "\n", {{"tests/unit/net/test_" + r + ".c", "test\n"}});
        topic.branch = "topic-" + r;
        topic.parent = sample.tip;
        std::string topic_tip = repo.commit(topic);
        topic = spec_for("topic fix " + r + "\n\nCloses-Bug: #" + r + "\n", {{"src/net/socket.h", "h " + r + "\n"}});
        topic.branch = "topic-" + r;
        topic_tip = repo.commit(topic);
        CommitSpec merge = spec_for("Merge topic " + r + "\n", {{"src/net/socket.h", "h " + r + "\n"},
                                                                {"tests/unit/net/test_" + r + ".c", "test\n"}});
        merge.extra_parents = {topic_tip};
        sample.tip = repo.commit(merge);
        sample.commits += 6;
        if (round % 3 == 0) {
            repo.tag_annotated("v" + r, sample.tip, "Ada Lovelace", "ada@example.com", time + 60, 0, "release " + r + "\n");
        }
    }
    repo.tag_lightweight("latest", sample.tip);
    if (packed) run_git(repo.git_dir(), "repack -adq --depth=20 --window=50");
    return sample;
}

}  // namespace roles::test
