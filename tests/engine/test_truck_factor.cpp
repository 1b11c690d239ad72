#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "roles/engine/truck_factor.hpp"

namespace git = roles::git;
using roles::engine::Authorship;
using roles::engine::compute_authorship;
using roles::engine::FileAuthorship;
using roles::engine::FileContribution;
using roles::engine::PersonId;
using roles::engine::Resolution;
using roles::engine::truck_factor;
using roles::engine::TruckFactorOptions;

namespace {

// Builds a History in memory, oldest commit first; finish() turns it newest first as the
// loader delivers it, with the credited lists in the same order.
class HistoryBuilder {
public:
    git::PathId path(const std::string& text) {
        const auto found = std::ranges::find(m_history.paths, text);
        if (found != m_history.paths.end()) {
            return static_cast<git::PathId>(found - m_history.paths.begin());
        }
        m_history.paths.push_back(text);
        return static_cast<git::PathId>(m_history.paths.size() - 1);
    }
    git::PathChange add(const std::string& p) { return change(p, p, git::ChangeKind::added); }
    git::PathChange mod(const std::string& p) { return change(p, p, git::ChangeKind::modified); }
    git::PathChange del(const std::string& p) { return change(p, p, git::ChangeKind::deleted); }
    git::PathChange ren(const std::string& from, const std::string& to) {
        return change(to, from, git::ChangeKind::renamed);
    }
    void commit(std::vector<PersonId> people, std::vector<git::PathChange> changes,
                std::uint32_t parents = 1) {
        git::Commit commit;
        commit.id = std::to_string(m_history.commits.size());
        commit.parent_count = parents;
        commit.changes = std::move(changes);
        m_history.commits.push_back(std::move(commit));
        m_credited.push_back(std::move(people));
    }
    // `head` are the paths present at HEAD.
    std::pair<git::History, std::vector<std::vector<PersonId>>> finish(
        const std::vector<std::string>& head) {
        for (const auto& p : head) m_history.head_files.push_back(path(p));
        std::ranges::reverse(m_history.commits);
        std::ranges::reverse(m_credited);
        return {m_history, m_credited};
    }

private:
    git::PathChange change(const std::string& p, const std::string& old, git::ChangeKind kind) {
        return git::PathChange{path(p), path(old), kind};
    }
    git::History m_history;
    std::vector<std::vector<PersonId>> m_credited;
};

Resolution people(const std::vector<std::string>& keys) {
    Resolution resolution;
    for (const auto& key : keys) {
        roles::engine::PersonInfo info;
        info.key = key;
        info.name = key;
        resolution.people.push_back(info);
    }
    return resolution;
}

const FileAuthorship& file_named(const Authorship& authorship, const git::History& history,
                                 const std::string& name) {
    const auto found = std::ranges::find_if(authorship.files, [&](const FileAuthorship& file) {
        return history.paths[file.path] == name;
    });
    REQUIRE(found != authorship.files.end());
    return *found;
}

const FileContribution& contribution(const FileAuthorship& file, PersonId person) {
    const auto found = std::ranges::find(file.contributions, person, &FileContribution::person);
    REQUIRE(found != file.contributions.end());
    return *found;
}

bool has_contribution(const FileAuthorship& file, PersonId person) {
    return std::ranges::find(file.contributions, person, &FileContribution::person) !=
           file.contributions.end();
}

using Authors = std::vector<PersonId>;
constexpr PersonId k_a = 0, k_b = 1, k_c = 2;

}  // namespace

TEST_CASE("DOA follows the paper's formula and the two authorship conditions", "[algo][truck_factor]") {
    HistoryBuilder b;
    b.commit({k_a}, {b.add("f.py"), b.add("g.py")});
    b.commit({k_b}, {b.mod("f.py"), b.mod("g.py")});
    b.commit({k_b}, {b.mod("f.py"), b.mod("g.py")});
    b.commit({k_a}, {b.mod("f.py")});
    b.commit({k_c}, {b.mod("f.py")});
    b.commit({k_b}, {b.mod("g.py")});
    const auto [history, credited] = b.finish({"f.py", "g.py"});
    const Authorship authorship = compute_authorship(history, credited);
    REQUIRE(authorship.files.size() == 2);

    // f.py: 4 changes after creation. ln 4 = 1.3862944, ln 3 = 1.0986123.
    //  A: FA 1, DL 1, AC 3 -> 3.293 + 1.098 + 0.164 - 0.321·1.3862944 = 4.1099995
    //  B: FA 0, DL 2, AC 2 -> 3.293 + 0.328 - 0.321·1.0986123 = 3.2683455
    //  C: FA 0, DL 1, AC 3 -> 3.293 + 0.164 - 0.4450005 = 3.0119995
    // B: 3.2683455 / 4.1099995 = 0.795 > 0.75, but DOA < 3.293 and FA = 0: not an author.
    // C: 3.0119995 / 4.1099995 = 0.733: not an author.
    const auto& f = file_named(authorship, history, "f.py");
    CHECK(f.changes == 4);
    const auto& fa = contribution(f, k_a);
    CHECK(fa.first_author);
    CHECK(fa.deliveries == 1);
    CHECK(fa.acceptances == 3);
    CHECK(fa.doa == Approx(4.1099995).margin(1e-6));
    CHECK(contribution(f, k_b).doa == Approx(3.2683455).margin(1e-6));
    CHECK(contribution(f, k_c).doa == Approx(3.0119995).margin(1e-6));
    CHECK_FALSE(contribution(f, k_b).author);
    CHECK(f.authors == Authors{k_a});

    // g.py: 3 changes, all by B. ln 4 = 1.3862944.
    //  A: FA 1, DL 0, AC 3 -> 3.293 + 1.098 - 0.4450005 = 3.9459995
    //  B: FA 0, DL 3, AC 0 -> 3.293 + 0.492 = 3.785; 3.785 / 3.9459995 = 0.959 > 0.75 and
    //     3.785 ≥ 3.293: an author too.
    const auto& g = file_named(authorship, history, "g.py");
    CHECK(contribution(g, k_a).doa == Approx(3.9459995).margin(1e-6));
    CHECK(contribution(g, k_b).doa == Approx(3.785).margin(1e-6));
    CHECK(g.authors == Authors{k_a, k_b});
}

TEST_CASE("an author's DOA must be strictly above 0.75 of the file's best", "[algo][truck_factor]") {
    // A and B create both files together (FA 1 each); then A alone changes f4 4 times and
    // f5 5 times.
    //  f4: A = 4.391 + 0.164·4 = 5.047; B = 4.391 − 0.321·ln 5 = 4.391 − 0.5166296 = 3.8743704;
    //      3.8743704 / 5.047 = 0.7677 > 0.75: B authors f4.
    //  f5: A = 4.391 + 0.164·5 = 5.211; B = 4.391 − 0.321·ln 6 = 4.391 − 0.5751548 = 3.8158452;
    //      3.8158452 / 5.211 = 0.7323: B does not author f5, although B has FA.
    HistoryBuilder b;
    b.commit({k_a, k_b}, {b.add("f4.py"), b.add("f5.py")});
    for (int i = 0; i < 4; ++i) b.commit({k_a}, {b.mod("f4.py"), b.mod("f5.py")});
    b.commit({k_a}, {b.mod("f5.py")});
    const auto [history, credited] = b.finish({"f4.py", "f5.py"});
    const auto authorship = compute_authorship(history, credited);
    const auto& f4 = file_named(authorship, history, "f4.py");
    const auto& f5 = file_named(authorship, history, "f5.py");
    CHECK(contribution(f4, k_a).doa == Approx(5.047).margin(1e-9));
    CHECK(contribution(f4, k_b).doa == Approx(3.8743704).margin(1e-6));
    CHECK(f4.authors == Authors{k_a, k_b});
    CHECK(contribution(f5, k_b).doa == Approx(3.8158452).margin(1e-6));
    CHECK(f5.authors == Authors{k_a});
}

TEST_CASE("co-authors get the same credit as the author", "[algo][truck_factor]") {
    HistoryBuilder b;
    b.commit({k_a, k_b}, {b.add("f.py")});
    b.commit({k_c}, {b.mod("f.py")});
    const auto [history, credited] = b.finish({"f.py"});
    const auto authorship = compute_authorship(history, credited);
    const auto& f = file_named(authorship, history, "f.py");
    // A and B: FA 1, DL 0, AC 1 -> 4.391 - 0.321·ln 2 = 4.391 - 0.2225002 = 4.1684998.
    // C: DL 1, AC 0 -> 3.457; 3.457 / 4.1684998 = 0.829 > 0.75 and ≥ 3.293: author.
    CHECK(contribution(f, k_a).doa == Approx(4.1684998).margin(1e-6));
    CHECK(contribution(f, k_b).doa == Approx(4.1684998).margin(1e-6));
    CHECK(f.authors == Authors{k_a, k_b, k_c});
}

TEST_CASE("renames are followed and count as a change by the renamer", "[algo][truck_factor]") {
    HistoryBuilder b;
    b.commit({k_a}, {b.add("old.py")});
    b.commit({k_c}, {b.ren("old.py", "new.py")});
    const auto [history, credited] = b.finish({"new.py"});
    const auto authorship = compute_authorship(history, credited);
    const auto& f = file_named(authorship, history, "new.py");
    // A keeps FA on the renamed file; C's rename is DL 1 (AC 0 -> 3.457), A has AC 1
    // (4.1684998); 3.457 / 4.1684998 = 0.829: both author it.
    CHECK(f.changes == 1);
    CHECK(contribution(f, k_a).first_author);
    CHECK(contribution(f, k_c).deliveries == 1);
    CHECK(f.authors == Authors{k_a, k_c});
}

TEST_CASE("renames within one commit are applied together", "[algo][truck_factor]") {
    HistoryBuilder b;
    b.commit({k_a}, {b.add("a.py")});
    b.commit({k_b}, {b.add("b.py")});
    b.commit({k_c}, {b.ren("a.py", "b.py"), b.ren("b.py", "a.py")});
    const auto [history, credited] = b.finish({"a.py", "b.py"});
    const auto authorship = compute_authorship(history, credited);
    // The swap moves A's record to b.py and B's to a.py.
    CHECK(contribution(file_named(authorship, history, "b.py"), k_a).first_author);
    CHECK_FALSE(has_contribution(file_named(authorship, history, "b.py"), k_b));
    CHECK(contribution(file_named(authorship, history, "a.py"), k_b).first_author);
}

TEST_CASE("a deleted file re-added later keeps its history and gains a first author", "[algo][truck_factor]") {
    HistoryBuilder b;
    b.commit({k_a}, {b.add("x.py")});
    b.commit({k_a}, {b.mod("x.py")});
    b.commit({k_c}, {b.del("x.py")});
    b.commit({k_b}, {b.add("x.py")});
    const auto [history, credited] = b.finish({"x.py"});
    const auto authorship = compute_authorship(history, credited);
    const auto& f = file_named(authorship, history, "x.py");
    // The deletion is no change and credits C nothing; the re-addition is no change either.
    CHECK_FALSE(has_contribution(f, k_c));
    CHECK(f.changes == 1);
    // A: FA 1, DL 1, AC 0 -> 3.293 + 1.098 + 0.164 = 4.555.
    CHECK(contribution(f, k_a).first_author);
    CHECK(contribution(f, k_a).doa == Approx(4.555).margin(1e-9));
    // B: FA 1, DL 0, AC 1 -> 4.391 - 0.321 ln 2 = 4.16850; 4.1685 / 4.555 = 0.915 > 0.75.
    CHECK(contribution(f, k_b).first_author);
    CHECK(contribution(f, k_b).doa == Approx(4.391 - 0.321 * 0.69314718056).margin(1e-9));
    CHECK(f.authors == Authors{k_a, k_b});
}

TEST_CASE("a file added on two branches has both adders as first authors", "[algo][truck_factor]") {
    HistoryBuilder b;
    b.commit({k_a}, {b.add("y.py")});
    b.commit({k_b}, {b.add("y.py")});  // the same path added again, no deletion between
    b.commit({k_b}, {b.mod("y.py")});
    const auto [history, credited] = b.finish({"y.py"});
    const auto authorship = compute_authorship(history, credited);
    const auto& f = file_named(authorship, history, "y.py");
    CHECK(f.changes == 1);
    // A: FA 1, DL 0, AC 1 -> 4.16850; B: FA 1, DL 1, AC 0 -> 4.555; 0.915 > 0.75: both.
    CHECK(contribution(f, k_a).first_author);
    CHECK(contribution(f, k_b).first_author);
    CHECK(f.authors == Authors{k_a, k_b});
}

TEST_CASE("merges and bot commits credit nobody", "[algo][truck_factor]") {
    HistoryBuilder b;
    b.commit({}, {b.add("bot.py")});          // a bot creates bot.py: no first author
    b.commit({k_a}, {b.add("x.py")});
    b.commit({}, {b.mod("x.py")});            // a bot change is no change
    b.commit({k_c}, {b.mod("x.py")}, 2);      // a merge is skipped even with changes
    b.commit({k_b}, {b.mod("bot.py")});
    b.commit({}, {b.add("only_bot.py")});
    const auto [history, credited] = b.finish({"bot.py", "x.py", "only_bot.py"});
    const auto authorship = compute_authorship(history, credited);
    const auto& x = file_named(authorship, history, "x.py");
    CHECK(x.changes == 0);
    CHECK_FALSE(has_contribution(x, k_c));
    CHECK(contribution(x, k_a).acceptances == 0);
    // bot.py: B alone, DL 1, AC 0 -> 3.457 ≥ 3.293: author without FA.
    const auto& bot = file_named(authorship, history, "bot.py");
    CHECK_FALSE(contribution(bot, k_b).first_author);
    CHECK(contribution(bot, k_b).doa == Approx(3.457).margin(1e-9));
    CHECK(bot.authors == Authors{k_b});
    // only_bot.py has no person at all: left out, not orphaned.
    CHECK(authorship.files.size() == 2);
    CHECK(authorship.files_without_people == 1);
}

TEST_CASE("only source files at HEAD are counted by default", "[algo][truck_factor]") {
    HistoryBuilder b;
    b.commit({k_a}, {b.add("src/a.py"), b.add("README.md"), b.add("vendor/lib.py"),
                     b.add("gone.py")});
    b.commit({k_a}, {b.del("gone.py")});
    const auto [history, credited] = b.finish({"src/a.py", "README.md", "vendor/lib.py"});
    const auto authorship = compute_authorship(history, credited);
    REQUIRE(authorship.files.size() == 1);
    CHECK(history.paths[authorship.files[0].path] == "src/a.py");
    CHECK(authorship.files_at_head == 3);
    CHECK(authorship.files_filtered_out == 2);

    const auto everything = compute_authorship(history, credited, [](roles::git::PathId) {
        return true;
    });
    CHECK(everything.files.size() == 3);
}

TEST_CASE("the greedy removes the biggest author until under half the files are covered", "[algo][truck_factor]") {
    HistoryBuilder b;
    b.commit({k_a}, {b.add("f1.py"), b.add("f2.py"), b.add("f3.py")});
    b.commit({k_b}, {b.add("f4.py")});
    const auto [history, credited] = b.finish({"f1.py", "f2.py", "f3.py", "f4.py"});
    const auto result = truck_factor(compute_authorship(history, credited), people({"a", "b"}));
    // 4/4 covered; removing A (3 files) leaves 1/4 = 25% < 50%: TF 1.
    CHECK(result.truck_factor == 1);
    CHECK(result.files_considered == 4);
    CHECK(result.files_covered_before == 4);
    CHECK(result.files_covered_after == 1);
    REQUIRE(result.removed.size() == 1);
    CHECK(result.removed[0].person == k_a);
    CHECK(result.removed[0].files == 3);
    CHECK(result.removed[0].changes == 1);
}

TEST_CASE("exactly half covered is not yet fewer than half - ties go to the smaller key", "[algo][truck_factor]") {
    // Person ids 0..3 have keys dave, carol, bob, alice; each creates one file.
    HistoryBuilder b;
    b.commit({0}, {b.add("f0.py")});
    b.commit({1}, {b.add("f1.py")});
    b.commit({2}, {b.add("f2.py")});
    b.commit({3}, {b.add("f3.py")});
    const auto [history, credited] = b.finish({"f0.py", "f1.py", "f2.py", "f3.py"});
    const auto authorship = compute_authorship(history, credited);
    const auto resolution = people({"dave", "carol", "bob", "alice"});
    const auto result = truck_factor(authorship, resolution);
    // All tie on 1 file and 1 change: alice, bob, carol, dave by key. After alice 3/4,
    // after bob 2/4 = 50% (not fewer: go on), after carol 1/4 < 50%: TF 3.
    CHECK(result.truck_factor == 3);
    REQUIRE(result.removed.size() == 3);
    CHECK(result.removed[0].person == 3);
    CHECK(result.removed[1].person == 2);
    CHECK(result.removed[2].person == 1);
    CHECK(result.files_covered_after == 1);

    // What-if alice is gone: 3/4 covered at the start; bob -> 2/4, carol -> 1/4: TF 2.
    TruckFactorOptions without_alice;
    without_alice.without = {3};
    const auto what_if = truck_factor(authorship, resolution, without_alice);
    CHECK(what_if.files_covered_before == 3);
    CHECK(what_if.truck_factor == 2);
    CHECK(what_if.removed[0].person == 2);
}

TEST_CASE("ties on files go to the person with more changes", "[algo][truck_factor]") {
    HistoryBuilder b;
    b.commit({1}, {b.add("f1.py")});
    b.commit({0}, {b.add("f0.py")});
    b.commit({0}, {b.mod("f0.py")});
    b.commit({0}, {b.mod("f0.py")});
    const auto [history, credited] = b.finish({"f0.py", "f1.py"});
    // Both author one file; "zed" (id 0) made 3 commits, "amy" (id 1) one: zed goes first
    // although its key sorts last. After zed 1/2 = 50%, after amy 0/2: TF 2.
    const auto result = truck_factor(compute_authorship(history, credited), people({"zed", "amy"}));
    REQUIRE(result.removed.size() == 2);
    CHECK(result.removed[0].person == 0);
    CHECK(result.removed[0].changes == 3);
    CHECK(result.removed[1].person == 1);
    CHECK(result.truck_factor == 2);
}

TEST_CASE("files nobody authors count against coverage", "[algo][truck_factor]") {
    // o1.py and o2.py: created by a bot, then one change each by B and C. Each has DL 1,
    // AC 1 -> 3.457 - 0.2225002 = 3.2344998 < 3.293 and FA 0: no author.
    HistoryBuilder b;
    b.commit({}, {b.add("o1.py"), b.add("o2.py")});
    b.commit({k_b}, {b.mod("o1.py"), b.mod("o2.py")});
    b.commit({k_c}, {b.mod("o1.py"), b.mod("o2.py")});
    b.commit({k_a}, {b.add("f.py")});
    const auto [history, credited] = b.finish({"o1.py", "o2.py", "f.py"});
    const auto authorship = compute_authorship(history, credited);
    CHECK(file_named(authorship, history, "o1.py").authors.empty());
    CHECK(contribution(file_named(authorship, history, "o1.py"), k_b).doa ==
          Approx(3.2344998).margin(1e-6));
    // 1/3 covered before anyone leaves: already under half, TF 0.
    const auto result = truck_factor(authorship, people({"a", "b", "c"}));
    CHECK(result.truck_factor == 0);
    CHECK(result.files_covered_before == 1);
    CHECK(result.removed.empty());

    // Without o2.py: 1/2 = 50% is not fewer than half, so A goes: TF 1.
    TruckFactorOptions options;
    options.include = [&](git::PathId path) { return history.paths[path] != "o2.py"; };
    CHECK(truck_factor(authorship, people({"a", "b", "c"}), options).truck_factor == 1);
}

TEST_CASE("no counted file gives a truck factor of 0", "[algo][truck_factor]") {
    HistoryBuilder b;
    b.commit({k_a}, {b.add("notes.md")});
    const auto [history, credited] = b.finish({"notes.md"});
    const auto result = truck_factor(compute_authorship(history, credited), people({"a"}));
    CHECK(result.truck_factor == 0);
    CHECK(result.files_considered == 0);
    CHECK(truck_factor(Authorship{}, Resolution{}).truck_factor == 0);
}

TEST_CASE("truck factor per top-level directory", "[algo][truck_factor]") {
    HistoryBuilder b;
    b.commit({k_a}, {b.add("core/a.py"), b.add("core/b.py")});
    b.commit({k_b}, {b.add("core/c.py"), b.add("ui/x.js")});
    b.commit({k_c}, {b.add("ui/y.js"), b.add("setup.py")});
    const auto [history, credited] =
        b.finish({"core/a.py", "core/b.py", "core/c.py", "ui/x.js", "ui/y.js", "setup.py"});
    const auto authorship = compute_authorship(history, credited);
    const auto resolution = people({"a", "b", "c"});
    const auto by_directory = roles::engine::truck_factor_by_directory(authorship, history,
                                                                       resolution);
    REQUIRE(by_directory.size() == 3);
    // ".": setup.py by C: 1/1, remove C -> 0/1: TF 1.
    CHECK(by_directory[0].directory == ".");
    CHECK(by_directory[0].result.truck_factor == 1);
    // core: A 2 files, B 1: remove A -> 1/3 < 50%: TF 1.
    CHECK(by_directory[1].directory == "core");
    CHECK(by_directory[1].result.files_considered == 3);
    CHECK(by_directory[1].result.truck_factor == 1);
    CHECK(by_directory[1].result.removed[0].person == k_a);
    // ui: B and C one file each, B first by key: 1/2 = 50%, then C: 0/2: TF 2.
    CHECK(by_directory[2].directory == "ui");
    CHECK(by_directory[2].result.truck_factor == 2);
    // Whole project: A 2, B 2, C 2 files; changes: A 1 commit, B 1, C 1; keys a, b, c.
    // a -> 4/6, b -> 2/6 < 50%: TF 2.
    CHECK(truck_factor(authorship, resolution).truck_factor == 2);
}

TEST_CASE("top-level directory of a path", "[algo][truck_factor]") {
    CHECK(roles::engine::top_level_directory("nova/api/x.py") == "nova");
    CHECK(roles::engine::top_level_directory("setup.py") == ".");
}
