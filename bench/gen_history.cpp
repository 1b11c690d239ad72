// Writes a `git fast-import` stream of a synthetic project history to stdout, for the
// benchmark (bench/run.sh). Deterministic: the same arguments give the same repository, with
// the same commit ids, on every machine.
//
// Shape, meant to look like a busy project: a few thousand files in nested directories
// (their number stays near the starting count, so trees do not grow with the history),
// 40 authors in nine time zones plus two bots, one to three files changed per commit with
// hot spots, an occasional sweeping change, adds, deletes and exact renames, trailers
// (Change-Id, Signed-off-by, Co-authored-by, Closes-Bug), a two- or three-commit topic branch
// merged back every twenty commits or so, and an annotated release tag every 500 commits.
//
// Usage: roles_bench_gen COMMITS [SEED]

#include <cstdint>
#include <cstdio>
#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr int k_directories = 300;
constexpr int k_files_per_directory = 12;
constexpr std::int64_t k_start_time = 1'500'000'000;  // 2017-07-14

// splitmix64: small, fast and the same everywhere.
class Random {
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e37'79b9'7f4a'7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58'476d'1ce4'e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d0'49bb'1331'11ebULL;
        return z ^ (z >> 31);
    }
    int below(int bound) { return static_cast<int>(next() % static_cast<std::uint64_t>(bound)); }
    bool chance(int percent) { return below(100) < percent; }

private:
    std::uint64_t m_state;
};

struct Person {
    std::string name;
    std::string email;
    int offset_minutes;
};

std::vector<Person> make_people() {
    const char* first[] = {"Ada", "Bala", "Chen", "Dana", "Elif", "Femi", "Gita", "Hugo", "Ines", "Jonas"};
    const char* last[] = {"Lovelace", "Iyer", "Wei", "Roe"};
    const int zones[] = {0, 60, 120, 330, 480, 540, -300, -420, -180};
    std::vector<Person> people;
    for (int i = 0; i < 40; ++i) {
        const std::string name = std::string(first[i % 10]) + " " + last[i / 10];
        std::string email = name;
        for (char& c : email) c = c == ' ' ? '.' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        people.push_back({name, email + "@example.org", zones[i % 9]});
    }
    people.push_back({"Zuul", "zuul@ci.example.org", 0});
    people.push_back({"OpenStack Proposal Bot", "proposal-bot@ci.example.org", 0});
    return people;
}

std::string zone(int offset_minutes) {
    char text[16];
    const int absolute = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    std::snprintf(text, sizeof text, "%c%02d%02d", offset_minutes < 0 ? '-' : '+', absolute / 60, absolute % 60);
    return text;
}

std::string directory_name(int index) {
    const char* tops[] = {"src", "src/lib", "tests/unit", "tests/functional", "docs/source", "tools", "api/v2"};
    return std::string(tops[index % 7]) + "/mod" + std::to_string(index / 7 % 20) + "/part" + std::to_string(index);
}

class Generator {
public:
    Generator(long commits, std::uint64_t seed) : m_commits(commits), m_random(seed), m_people(make_people()) {
        for (int d = 0; d < k_directories; ++d) {
            for (int f = 0; f < k_files_per_directory; ++f) m_files.push_back(file_name(d, f));
        }
        m_target_files = m_files.size();
    }

    void run() {
        initial_commit();
        long done = 1;
        while (done < m_commits) {
            if (done + 4 < m_commits && m_random.chance(5)) {
                done += topic_branch();
            } else {
                main_commit();
                ++done;
            }
            if (done / 500 != m_tags) tag(done);
        }
        std::printf("reset refs/heads/main\nfrom :%ld\n\n", m_main);
    }

private:
    std::string file_name(int directory, int index) {
        const char* extensions[] = {".py", ".c", ".h", ".rst", ".yaml"};
        return directory_name(directory) + "/file" + std::to_string(index) + extensions[(directory + index) % 5];
    }

    // Hot spots: a quarter of the changes go to the first twentieth of the files.
    std::size_t pick_file() {
        const std::size_t count = m_files.size();
        if (m_random.chance(25)) return static_cast<std::size_t>(m_random.below(static_cast<int>(count / 20 + 1)));
        return static_cast<std::size_t>(m_random.below(static_cast<int>(count)));
    }

    // fast-import file commands are collected, not printed: a merge commit replays its
    // topic's commands, since fast-import starts a merge's tree from its first parent.
    void modify(const std::string& path, std::string& commands) {
        const std::string content = path + " revision " + std::to_string(++m_revision) + "\n";
        commands += "M 100644 inline " + path + "\ndata " + std::to_string(content.size()) + "\n" + content + "\n";
    }

    std::string change_files() {
        std::string commands;
        if (m_random.chance(1)) {  // a sweeping change: a rename of an API, a licence header
            for (int i = 0; i < 60; ++i) modify(m_files[pick_file()], commands);
            return commands;
        }
        const int count = 1 + m_random.below(3);
        for (int i = 0; i < count; ++i) modify(m_files[pick_file()], commands);
        const int roll = m_random.below(100);
        if (roll < 4 || (roll < 8 && m_files.size() < m_target_files)) {
            const std::string path = directory_name(m_random.below(k_directories)) + "/new" + std::to_string(m_revision) + ".py";
            m_files.push_back(path);
            modify(path, commands);
        } else if (roll < 8 && m_files.size() > m_target_files / 2) {
            const std::size_t index = pick_file();
            commands += "D " + m_files[index] + "\n";
            m_files[index] = m_files.back();
            m_files.pop_back();
        } else if (roll < 11) {
            const std::size_t index = pick_file();
            const std::string target = directory_name(m_random.below(k_directories)) + "/moved" + std::to_string(m_revision) + ".py";
            commands += "R " + m_files[index] + " " + target + "\n";
            m_files[index] = target;
        }
        return commands;
    }

    std::string message(const Person& author) {
        std::string text = "Change " + std::to_string(m_mark) + ": adjust the " + std::to_string(m_random.below(90)) +
                           " handling\n\nExplain why the handling had to change and what it does now.\n\n";
        if (m_random.chance(10)) text += "Closes-Bug: #" + std::to_string(100000 + m_random.below(900000)) + "\n";
        if (m_random.chance(5)) {
            const Person& other = m_people[static_cast<std::size_t>(m_random.below(40))];
            text += "Co-authored-by: " + other.name + " <" + other.email + ">\n";
        }
        text += "Signed-off-by: " + author.name + " <" + author.email + ">\n";
        char change_id[48];
        std::snprintf(change_id, sizeof change_id, "I%016llx%016llx", static_cast<unsigned long long>(m_random.next()),
                      static_cast<unsigned long long>(m_random.next()));
        return text + "Change-Id: " + change_id + "\n";
    }

    const Person& pick_author() {
        // Bots make one commit in fifty (translation and requirement updates).
        if (m_random.chance(2)) return m_people[40 + static_cast<std::size_t>(m_random.below(2))];
        return m_people[static_cast<std::size_t>(m_random.below(40))];
    }

    void header(const std::string& ref, const Person& author, const std::string& text) {
        m_time += 600 + m_random.below(6 * 3600);
        std::printf("commit %s\nmark :%ld\n", ref.c_str(), ++m_mark);
        std::printf("author %s <%s> %lld %s\n", author.name.c_str(), author.email.c_str(),
                    static_cast<long long>(m_time), zone(author.offset_minutes).c_str());
        std::printf("committer %s <%s> %lld %s\n", author.name.c_str(), author.email.c_str(),
                    static_cast<long long>(m_time), zone(author.offset_minutes).c_str());
        std::printf("data %zu\n%s\n", text.size(), text.c_str());
    }

    void initial_commit() {
        const Person& author = m_people[0];
        header("refs/heads/main", author, "Initial import\n");
        std::string commands;
        for (const std::string& path : m_files) modify(path, commands);
        std::printf("%s\n", commands.c_str());
        m_main = m_mark;
    }

    void main_commit() {
        const Person& author = pick_author();
        header("refs/heads/main", author, message(author));
        std::printf("from :%ld\n%s\n", m_main, change_files().c_str());
        m_main = m_mark;
    }

    // A topic branch of two or three commits off main, then merged into main.
    long topic_branch() {
        const long base = m_main;
        const int length = 2 + m_random.below(2);
        long tip = base;
        std::string replay;
        for (int i = 0; i < length; ++i) {
            const Person& author = pick_author();
            header("refs/heads/topic", author, message(author));
            const std::string commands = change_files();
            std::printf("from :%ld\n%s\n", tip, commands.c_str());
            replay += commands;
            tip = m_mark;
        }
        const Person& merger = m_people[40];  // the CI system merges
        header("refs/heads/main", merger, "Merge \"topic " + std::to_string(tip) + "\"\n");
        std::printf("from :%ld\nmerge :%ld\n%s\n", base, tip, replay.c_str());
        m_main = m_mark;
        return length + 1;
    }

    void tag(long done) {
        m_tags = done / 500;
        const Person& tagger = m_people[static_cast<std::size_t>(m_tags % 40)];
        const std::string text = "Release " + std::to_string(m_tags) + "\n";
        std::printf("tag v%ld.0.0\nfrom :%ld\ntagger %s <%s> %lld %s\ndata %zu\n%s\n", m_tags, m_main, tagger.name.c_str(),
                    tagger.email.c_str(), static_cast<long long>(m_time + 60), zone(tagger.offset_minutes).c_str(),
                    text.size(), text.c_str());
    }

    long m_commits;
    Random m_random;
    std::vector<Person> m_people;
    std::vector<std::string> m_files;
    std::size_t m_target_files = 0;
    std::int64_t m_time = k_start_time;
    long m_mark = 0;
    long m_main = 0;
    long m_revision = 0;
    long m_tags = 0;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::atol(argv[1]) < 1) {
        std::fprintf(stderr, "usage: %s COMMITS [SEED]\n", argv[0]);
        return 2;
    }
    const long commits = std::atol(argv[1]);
    const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
    Generator(commits, seed).run();
    return std::fflush(stdout) == 0 ? 0 : 1;
}
