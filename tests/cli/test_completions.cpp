// The completion scripts of a hand-built CliDoc: bash run for real (it is installed on every
// machine the suite runs on), zsh and fish checked line by line.
#include <catch2/catch.hpp>

#include <fstream>

#include "cli/cli_doc_fixture.hpp"
#include "e2e/run_binary.hpp"
#include "support/temp_dir.hpp"

using namespace roles::cli;
using roles::test::shell_quote;

namespace {

// What the bash completion offers for the words `line` (the last one being completed).
std::string bash_offers(const std::string& script, const std::string& words, int cword) {
    const auto file = roles::test::make_temp_dir() + "/roles.bash";
    std::ofstream(file) << script;
    const auto run = roles::test::run_shell("bash -c " + shell_quote("source " + shell_quote(file) + "; COMP_WORDS=(" +
                                                                     words + "); COMP_CWORD=" + std::to_string(cword) +
                                                                     "; _roles; echo \"${COMPREPLY[*]}\""));
    REQUIRE(run.exit_code == 0);
    return run.out;
}

}  // namespace

TEST_CASE("the bash completion offers commands, options and their values", "[cli][completion]") {
    const auto script = render_bash_completion(roles::cli::test::small_doc());
    CHECK(script.ends_with("complete -F _roles roles\n"));
    CHECK(bash_offers(script, "roles ''", 1) == "audit import -h --help\n");
    CHECK(bash_offers(script, "roles audit --", 2) == "--format --output --stats --gate\n");
    CHECK(bash_offers(script, "roles audit --format ''", 3) == "text json\n");
    CHECK(bash_offers(script, "roles audit --gate s", 3) == "stale\n");
    // A positional with choices is completed from them; the command's options still follow '-'.
    CHECK(bash_offers(script, "roles import c", 2) == "codeowners\n");
    CHECK(bash_offers(script, "roles import -", 2) == "-q --quiet\n");
}

TEST_CASE("the zsh completion declares every command and option for _arguments", "[cli][completion]") {
    const auto script = render_zsh_completion(roles::cli::test::small_doc());
    CHECK(script.starts_with("#compdef roles\n"));
    CHECK(script.ends_with("_roles \"$@\"\n"));
    CHECK(script.find("                'audit:coverage of every hat'\n") != std::string::npos);
    CHECK(script.find("                'import:turn a file into a roster'\n") != std::string::npos);
    // Options with two names are exclusive of each other; values name their completion.
    CHECK(script.find("'(-o --output)'{-o,--output}'[write to FILE, - for stdout]:FILE:_files'") !=
          std::string::npos);
    CHECK(script.find("'--format[output format: text (default) or json]:FORMAT:(text json)'") != std::string::npos);
    CHECK(script.find("'1:REPO:_files -/'") != std::string::npos);
    CHECK(script.find("'1:KIND:(openstack codeowners)' \\\n                        '2:FILE:_files'") !=
          std::string::npos);
    CHECK(script.find("'--stats[.hidden files too]'") != std::string::npos);
}

TEST_CASE("the fish completion has one complete line per command and option", "[cli][completion]") {
    const auto script = render_fish_completion(roles::cli::test::small_doc());
    CHECK(script.find("complete -c roles -n __fish_use_subcommand -a audit -d 'coverage of every hat'\n") !=
          std::string::npos);
    const std::string audit = "complete -c roles -n '__fish_seen_subcommand_from audit'";
    CHECK(script.find(audit + " -l format -d 'output format: text (default) or json' -x -a 'text json'\n") !=
          std::string::npos);
    CHECK(script.find(audit + " -s o -l output -d 'write to FILE, - for stdout' -r -F\n") != std::string::npos);
    CHECK(script.find(audit + " -l stats -d '.hidden files too'\n") != std::string::npos);
    CHECK(script.find("complete -c roles -n '__fish_seen_subcommand_from import' -x -a 'openstack codeowners'\n") !=
          std::string::npos);
}
