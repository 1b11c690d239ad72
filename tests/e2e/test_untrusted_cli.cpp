// End-to-end: hostile inputs (issue 14, README.md "Untrusted input"). Each case builds the
// bad file or repository, checks the exit code and the message, and, where the run
// completes, that the result is that of the intact input.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "e2e/run_binary.hpp"

using roles::test::build_example;
using roles::test::run_roles;
using roles::test::run_shell;
using roles::test::shell_quote;

namespace fs = std::filesystem;

namespace {

// Each run is bounded: a regression to a blocking open or a runaway parser fails the test
// (exit 124) instead of hanging the suite.
std::string roles_command(const std::string& args) {
    return "timeout 60 " + shell_quote(ROLES_BINARY) + " " + args;
}

roles::test::RunResult roles_in(const std::string& dir, const std::string& args) {
    return run_shell("cd " + shell_quote(dir) + " && " + roles_command(args));
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

constexpr const char* k_secret = "machine ci.example.com login deploy password hunter2";

}  // namespace

TEST_CASE("a ROLES.yaml linking out of the repository is refused, its target never quoted", "[e2e][untrusted]") {
    const auto repo = build_example("healthy");
    const auto secret = roles::test::make_temp_dir() + "/netrc";
    std::ofstream(secret) << k_secret << "\n";
    fs::remove(repo + "/ROLES.yaml");
    fs::create_symlink(secret, repo + "/ROLES.yaml");
    const std::string expected = "roles: error: reading roster '" + repo +
                                 "/ROLES.yaml': is a symbolic link that leads outside the repository; roles does "
                                 "not follow it (give --roster PATH to read a file elsewhere on purpose)\n";
    for (const auto& args : {"audit " + shell_quote(repo), "audit " + shell_quote(repo) + " --format json"}) {
        const auto run = run_shell(roles_command(args));
        CHECK(run.exit_code == 2);
        CHECK(run.err == expected);
        CHECK(run.out.find("hunter2") == std::string::npos);
    }
    // `roles validate` with no path reads ./ROLES.yaml by the same rule.
    const auto validate = roles_in(repo, "validate");
    CHECK(validate.exit_code == 2);
    CHECK(validate.err == "roles: error: reading roster 'ROLES.yaml': is a symbolic link that leads outside the "
                          "repository; roles does not follow it (give --roster PATH to read a file elsewhere on "
                          "purpose)\n");
    // A path the user names is the user's choice; a non-roster's content is still not quoted.
    const auto named = run_shell(roles_command("validate " + shell_quote(secret)));
    CHECK(named.exit_code == 2);
    CHECK(named.err.find("hunter2") == std::string::npos);
    CHECK(named.err.find(":1:1: expected a map at the top level, got a single value (not shown)") != std::string::npos);
}

TEST_CASE("a ROLES.yaml linking inside the repository is followed", "[e2e][untrusted]") {
    const auto repo = build_example("healthy");
    const auto intact = run_shell(roles_command("audit " + shell_quote(repo) + " --no-cache --format json"));
    REQUIRE(intact.exit_code == 0);
    fs::create_directories(repo + "/governance");
    fs::rename(repo + "/ROLES.yaml", repo + "/governance/ROLES.yaml");
    fs::create_symlink("governance/ROLES.yaml", repo + "/ROLES.yaml");
    const auto linked = run_shell(roles_command("audit " + shell_quote(repo) + " --no-cache --format json"));
    CHECK(linked.exit_code == 0);
    CHECK(roles::test::parse_json(linked.out)["hats"] == roles::test::parse_json(intact.out)["hats"]);
}

TEST_CASE("special files in place of a roster fail at once instead of hanging", "[e2e][untrusted]") {
    const std::string special = "is not a regular file (a FIFO, device or socket)";
    for (const std::string device : {"/dev/zero", "/dev/urandom"}) {
        const auto run = run_shell(roles_command("validate " + device));
        CHECK(run.exit_code == 2);
        CHECK(run.err == "roles: error: reading roster '" + device + "': " + special + "\n");
    }
    const auto dir = roles::test::make_temp_dir();
    REQUIRE(::mkfifo((dir + "/fifo.yaml").c_str(), 0600) == 0);
    const auto fifo = run_shell(roles_command("validate " + shell_quote(dir + "/fifo.yaml")));
    CHECK(fifo.exit_code == 2);
    CHECK(fifo.err == "roles: error: reading roster '" + dir + "/fifo.yaml': " + special + "\n");

    // In a repository: a FIFO as ROLES.yaml, and a link to /dev/zero (which leaves the repository).
    const auto repo = build_example("healthy");
    fs::remove(repo + "/ROLES.yaml");
    REQUIRE(::mkfifo((repo + "/ROLES.yaml").c_str(), 0600) == 0);
    const auto audit_fifo = run_shell(roles_command("audit " + shell_quote(repo) + " --no-cache"));
    CHECK(audit_fifo.exit_code == 2);
    CHECK(audit_fifo.err == "roles: error: reading roster '" + repo + "/ROLES.yaml': " + special + "\n");
    fs::remove(repo + "/ROLES.yaml");
    fs::create_symlink("/dev/zero", repo + "/ROLES.yaml");
    const auto audit_zero = run_shell(roles_command("audit " + shell_quote(repo) + " --no-cache"));
    CHECK(audit_zero.exit_code == 2);
    CHECK(audit_zero.err.find("is a symbolic link that leads outside the repository") != std::string::npos);
    // A catalog path naming a device is outside the repository too.
    fs::remove(repo + "/ROLES.yaml");
    std::ofstream(repo + "/ROLES.yaml") << "catalogs: [/dev/zero]\n";
    const auto catalog = run_shell(roles_command("audit " + shell_quote(repo) + " --no-cache"));
    CHECK(catalog.exit_code == 2);
    CHECK(catalog.err.find(repo + "/ROLES.yaml:1:12: catalog path '/dev/zero' leads outside '") != std::string::npos);
}

TEST_CASE("a bare clone's roster is read from the tree of the analysed ref", "[e2e][untrusted]") {
    const auto repo = build_example("healthy");
    const auto bare = roles::test::make_temp_dir() + "/healthy.git";
    // Committed at the time of the example's last commit, by ada, so the window is the same.
    const std::string commit = "GIT_AUTHOR_DATE='1758888000 +0000' GIT_COMMITTER_DATE='1758888000 +0000' git "
                               "-c user.name='Ada Maintainer' -c user.email=ada@example.com commit -q -m ";
    const auto made = run_shell("cd " + shell_quote(repo) + " && git add ROLES.yaml && " + commit + "roster && " +
                                "git clone -q --bare . " + shell_quote(bare));
    REQUIRE(made.exit_code == 0);
    const auto work_tree = run_shell(roles_command("audit " + shell_quote(repo) + " --no-cache --format json"));
    REQUIRE(work_tree.exit_code == 0);
    const auto committed = run_shell(roles_command("audit " + shell_quote(bare) + " --no-cache --format json"));
    CHECK(committed.exit_code == 0);
    CHECK(committed.err == "");
    const auto audit = roles::test::parse_json(committed.out);
    CHECK(audit["project"] == "tinylib");
    CHECK(audit["hats"] == roles::test::parse_json(work_tree.out)["hats"]);
    // A roster that is a symbolic link inside the tree is refused, not followed.
    const auto link = run_shell("cd " + shell_quote(repo) + " && mv ROLES.yaml real.yaml && ln -s /etc/passwd " +
                                "ROLES.yaml && git add -A && " + commit + "link && git push -q " + shell_quote(bare) +
                                " HEAD:main");
    REQUIRE(link.exit_code == 0);
    const auto refused = run_shell(roles_command("audit " + shell_quote(bare) + " --no-cache"));
    CHECK(refused.exit_code == 2);
    CHECK(refused.err ==
          "roles: error: reading 'HEAD:ROLES.yaml': is a symbolic link; roles reads only a regular file there\n");
}

TEST_CASE("control characters in roster names cannot fake a line of the audit", "[e2e][untrusted]") {
    const auto repo = build_example("healthy");
    auto roster = read_file(repo + "/ROLES.yaml");
    roster.replace(roster.find("project: tinylib"), 16, "project: \"tinylib\\ngate: passed\\e[2J\"");
    roster.replace(roster.find("Ada Maintainer"), 14, "\"Ada\\e]0;pwned\\a\\nwarning: none\"");
    std::ofstream(repo + "/ROLES.yaml") << roster;
    const auto run = run_shell(roles_command("audit " + shell_quote(repo) + " --no-cache"));
    CHECK(run.exit_code == 0);
    CHECK(run.out.starts_with("roles audit: tinylib\\x0agate: passed\\x1b[2J"));
    CHECK(run.out.find('\x1b') == std::string::npos);
    // The only line that starts with "gate:" is the verdict, last.
    std::size_t gate_lines = 0;
    for (std::size_t at = 0; (at = run.out.find("\ngate:", at)) != std::string::npos; ++at) ++gate_lines;
    CHECK(gate_lines == 1);
    CHECK(run.out.ends_with("gate: passed (--fail-on vacant)\n"));
    const auto load = run_shell(roles_command("load " + shell_quote(repo) + " --no-cache"));
    CHECK(load.exit_code == 0);
    CHECK(load.out.find('\x1b') == std::string::npos);
    CHECK(load.out.find('\a') == std::string::npos);
}

TEST_CASE("output that cannot be written is exit 2, not a clean run", "[e2e][untrusted]") {
    const auto repo = build_example("healthy");
    // Under 1 KiB: the error only shows when the file is flushed and closed.
    const auto full = run_shell(roles_command("audit " + shell_quote(repo) + " -q --no-cache -o /dev/full"));
    CHECK(full.exit_code == 2);
    CHECK(full.err == "roles: error: writing '/dev/full': no space left on device\n");
    const auto full_stdout = run_shell(roles_command("audit " + shell_quote(repo) + " --no-cache") + " >/dev/full");
    CHECK(full_stdout.exit_code == 2);
    CHECK(full_stdout.err == "roles: error: writing stdout: no space left on device\n");
    // A reader that has gone (its end of the pipe closed before roles writes): EPIPE, exit 2,
    // where a kill by SIGPIPE would be 141.
    const auto rc_file = roles::test::make_temp_dir() + "/rc";
    const auto piped = run_shell("(" + roles_command("audit " + shell_quote(repo) + " --no-cache") + "; echo $? > " +
                                 shell_quote(rc_file) + ") | (exec 0<&-; sleep 2)");
    CHECK(read_file(rc_file) == "2\n");
    CHECK(piped.err == "roles: error: writing stdout: broken pipe\n");
}

TEST_CASE("a repository owned by another user is reported with libgit2's words and the way to allow it",
          "[e2e][untrusted]") {
    if (::geteuid() != 0) {
        WARN("not run: needs root to give the repository to another user");
        return;
    }
    const auto repo = build_example("healthy");
    const auto home = roles::test::make_temp_dir();
    REQUIRE(run_shell("chown -R 65534:65534 " + shell_quote(repo)).exit_code == 0);
    const auto run = run_shell("HOME=" + shell_quote(home) + " " + roles_command("audit " + shell_quote(repo)));
    CHECK(run.exit_code == 2);
    CHECK(run.err.starts_with("roles: error: opening repository '" + repo + "': the repository '" + repo +
                              "' is owned by another user (libgit2: "));
    CHECK(run.err.ends_with("); if you trust it, allow it with: git config --global --add safe.directory " + repo +
                            " (libgit2 1.5 also checks the git dir: git config --global --add safe.directory " +
                            repo + "/.git)\n"));
    // Allowed as the message says, the audit runs.
    for (const auto& dir : {repo, repo + "/.git"}) {
        REQUIRE(run_shell("HOME=" + shell_quote(home) + " git config --global --add safe.directory " + shell_quote(dir))
                    .exit_code == 0);
    }
    const auto allowed =
        run_shell("HOME=" + shell_quote(home) + " " + roles_command("audit " + shell_quote(repo) + " --no-cache"));
    CHECK(allowed.exit_code == 0);
    run_shell("chown -R 0:0 " + shell_quote(repo));
}

TEST_CASE("a FIFO in the history cache is skipped with a warning, never opened blocking", "[e2e][untrusted]") {
    const auto repo = build_example("healthy");
    const auto intact = run_shell(roles_command("audit " + shell_quote(repo) + " --no-cache"));
    REQUIRE(intact.exit_code == 0);
    const auto cache = roles::test::make_temp_dir() + "/cache";
    fs::create_directories(cache);
    REQUIRE(::mkfifo((cache + "/facts-0000.bin").c_str(), 0600) == 0);
    const auto run = run_shell(roles_command("audit " + shell_quote(repo) + " --cache-dir " + shell_quote(cache)));
    CHECK(run.exit_code == 0);
    CHECK(run.out == intact.out);
    CHECK(run.err == "roles: warning: history cache file '" + cache +
                         "/facts-0000.bin' is not a regular file (a FIFO, device or socket); it was skipped unread\n");
    // The FIFO is left where it is; the cache written beside it serves the next run.
    struct stat info {};
    CHECK((::lstat((cache + "/facts-0000.bin").c_str(), &info) == 0 && S_ISFIFO(info.st_mode)));
    const auto warm = run_shell(roles_command("audit " + shell_quote(repo) + " --cache-dir " + shell_quote(cache)));
    CHECK(warm.out == intact.out);
}

TEST_CASE("cache files of another repository or another tip are detected and not used", "[e2e][untrusted]") {
    const auto healthy = build_example("healthy");
    const auto people = build_example("people");
    const auto cache = roles::test::make_temp_dir() + "/cache";
    const auto people_intact = run_shell(roles_command("audit " + shell_quote(people) + " --no-cache"));
    // Filled by healthy, then read for people (two repositories sharing one --cache-dir).
    REQUIRE(run_shell(roles_command("audit " + shell_quote(healthy) + " --cache-dir " + shell_quote(cache)))
                .exit_code == 0);
    const auto shared = run_shell(roles_command("audit " + shell_quote(people) + " --cache-dir " + shell_quote(cache)));
    CHECK(shared.exit_code == people_intact.exit_code);
    CHECK(shared.out == people_intact.out);
    CHECK(shared.err.find("belongs to something else (written for '" + fs::canonical(healthy + "/.git").string()) !=
          std::string::npos);
    CHECK(shared.err.find("it was ignored (give each repository its own --cache-dir)") != std::string::npos);

    // One repository, an order file renamed to another tip's name: its key says which tip it is.
    const auto own = roles::test::make_temp_dir() + "/own";
    const std::string args = "audit " + shell_quote(people) + " --cache-dir " + shell_quote(own);
    REQUIRE(run_shell(roles_command(args)).exit_code == people_intact.exit_code);
    const auto tip = run_shell("git -C " + shell_quote(people) + " rev-parse HEAD").out.substr(0, 40);
    const auto parent = run_shell("git -C " + shell_quote(people) + " rev-parse HEAD~1").out.substr(0, 40);
    fs::rename(own + "/order-" + tip + ".bin", own + "/order-" + parent + ".bin");
    const auto at_parent = run_shell(roles_command(args + " --ref HEAD~1"));
    const auto parent_intact = run_shell(roles_command("audit " + shell_quote(people) + " --no-cache --ref HEAD~1"));
    CHECK(at_parent.out == parent_intact.out);
    CHECK(at_parent.err.find("history cache file '" + own + "/order-" + parent + ".bin' belongs to something else") !=
          std::string::npos);
}
