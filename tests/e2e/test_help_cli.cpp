// End-to-end: `roles help`, and the man page and completion scripts the build generates from
// the binary's own option definitions, checked against --help and against the option lists
// below, written by hand from docs/cli.md.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "e2e/run_binary.hpp"

using roles::test::run_roles;
using roles::test::shell_quote;
using Names = std::set<std::string>;

namespace {

Names joined(std::initializer_list<Names> parts) {
    Names out;
    for (const auto& part : parts) out.insert(part.begin(), part.end());
    return out;
}

const Names k_help{"-h", "--help"};
const Names k_output{"--format", "-o", "--output", "--no-color", "-q", "--quiet", "-v", "--verbose"};
const Names k_runtime{"--ref", "--threads", "--no-cache", "--cache-dir", "--stats"};
const Names k_roster_source{"--roster", "--import", "--team", "--group"};
const Names k_window{"--since", "--until"};
const Names k_history = joined({{"REPO"}, k_roster_source, k_window, k_runtime});

// Every command users see, with every option and positional it takes (docs/cli.md).
const std::map<std::string, Names> k_commands{
    {"audit", joined({k_help, k_history, k_output,
                      {"--require-roster", "--allow-shallow", "--active-within", "--fail-on"}})},
    {"load", joined({k_help, k_history, k_output, {"--person", "--project"}})},
    {"validate", joined({k_help, k_output, {"ROSTER"}})},
    {"hats", joined({k_help, k_output, {"--catalog"}})},
    {"import", joined({k_help, {"KIND", "FILE", "-o", "--output", "--force", "-q", "--quiet", "--team", "--group"}})},
    {"report", joined({k_help, {"REPO"}, k_roster_source, k_runtime, k_output, {"--cycle", "--project"}})},
    {"identities", joined({k_help, k_history, k_output})},
    {"whatif", joined({k_help, k_history, k_output,
                       {"--without", "--without-each", "--active-within", "--allow-shallow", "--fail-on"}})},
    {"init", joined({k_help, {"REPO"}, k_window, k_runtime,
                     {"--catalog", "--project", "-o", "--output", "--force", "-q", "--quiet"}})},
    {"help", joined({k_help, {"COMMAND"}})},
};

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The options and positionals CLI11's --help lists: the first word of each entry line
// ("  -o,--output FILE   ...", "  REPO REPO   ...").
Names help_names(const std::string& help) {
    Names names;
    bool in_list = false;
    for (const auto& line : lines_of(help)) {
        if (!line.empty() && line.back() == ':' && line.front() != ' ') {
            in_list = line == "Positionals:" || line == "Options:";
            continue;
        }
        if (!in_list || !line.starts_with("  ") || line.starts_with("   ")) continue;
        std::stringstream first(line.substr(2, line.find(' ', 2) - 2));
        for (std::string name; std::getline(first, name, ',');) names.insert(name);
    }
    return names;
}

// The option headings of the man page's section for `command`: ".TP" then "\fB\-o\fR, ...".
Names man_names(const std::string& page, const std::string& command) {
    Names names;
    const auto lines = lines_of(page);
    bool in_section = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].starts_with(".SS ") || lines[i].starts_with(".SH ")) in_section = lines[i] == ".SS \"roles " + command + "\"";
        if (!in_section || lines[i] != ".TP" || i + 1 == lines.size()) continue;
        std::string heading;
        for (std::size_t c = 0; c < lines[i + 1].size(); ++c) {
            if (lines[i + 1].compare(c, 2, "\\f") == 0) {
                c += 2;  // a font change
            } else if (lines[i + 1].compare(c, 2, "\\-") == 0) {
                heading += '-';
                ++c;
            } else {
                heading += lines[i + 1][c];
            }
        }
        // "-o, --output FILE": the names up to the value; "REPO": a positional.
        std::stringstream words(heading);
        bool first = true;
        for (std::string word; words >> word; first = false) {
            if (word.ends_with(',')) word.pop_back();
            const bool option = word.starts_with('-');
            if (option || first) names.insert(word);
            if (!option) break;
        }
    }
    return names;
}

// The words of bash's `options='...'` for `command`.
Names bash_names(const std::string& script, const std::string& command) {
    const auto at = script.find("        " + command + ")\n            options='");
    REQUIRE(at != std::string::npos);
    const auto start = script.find('\'', at) + 1;
    std::stringstream words(script.substr(start, script.find('\'', start) - start));
    Names names;
    for (std::string word; words >> word;) names.insert(word);
    return names;
}

Names without_positionals(const Names& names) {
    Names out;
    for (const auto& name : names) {
        if (name.starts_with('-')) out.insert(name);
    }
    return out;
}

}  // namespace

TEST_CASE("roles help COMMAND prints what roles COMMAND --help prints", "[e2e][help]") {
    const auto root = run_roles("--help");
    REQUIRE(root.exit_code == 0);
    const auto help = run_roles("help");
    CHECK(help.exit_code == 0);
    CHECK(help.out == root.out);
    for (const auto& [command, names] : k_commands) {
        INFO(command);
        CHECK(root.out.find("\n  " + command + " ") != std::string::npos);
        const auto own = run_roles(command + " --help");
        const auto via_help = run_roles("help " + command);
        CHECK(own.exit_code == 0);
        CHECK(via_help.exit_code == 0);
        CHECK(via_help.out == own.out);
        CHECK(help_names(own.out) == names);
    }
    // The hidden generator is not listed.
    CHECK(root.out.find("generate") == std::string::npos);
}

TEST_CASE("roles help with an unknown command suggests one and exits 2", "[e2e][help]") {
    const auto run = run_roles("help lod");
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err == "roles: error: unknown command 'lod': did you mean 'load'?\n");
}

TEST_CASE("the man page documents every option of every command, as --help does", "[e2e][help]") {
    const auto page = read_file(std::string(ROLES_HELP_DIR) + "/man/roles.1");
    // What the build wrote is what the binary prints.
    CHECK(run_roles("generate man").out == page);
    for (const auto& [command, names] : k_commands) {
        INFO(command);
        CHECK(man_names(page, command) == names);
        CHECK(help_names(run_roles(command + " --help").out) == man_names(page, command));
    }
    // groff renders it without a warning (groff is how man shows it).
    const auto groff = roles::test::run_shell("groff -man -Tutf8 -ww -z " +
                                              shell_quote(std::string(ROLES_HELP_DIR) + "/man/roles.1"));
    CHECK(groff.exit_code == 0);
    CHECK(groff.err.empty());
}

TEST_CASE("the completion scripts offer every command and every option of each", "[e2e][help]") {
    const auto bash = read_file(std::string(ROLES_HELP_DIR) + "/bash/roles");
    const auto zsh = read_file(std::string(ROLES_HELP_DIR) + "/zsh/_roles");
    const auto fish = read_file(std::string(ROLES_HELP_DIR) + "/fish/roles.fish");
    CHECK(run_roles("generate bash").out == bash);
    CHECK(run_roles("generate zsh").out == zsh);
    CHECK(run_roles("generate fish").out == fish);
    for (const auto& [command, names] : k_commands) {
        INFO(command);
        CHECK(bash_names(bash, command) == without_positionals(names));
        const auto block = zsh.find("                " + command + ")\n");
        REQUIRE(block != std::string::npos);
        const auto end = zsh.find(";;", block);
        CHECK(zsh.find("'" + command + ":", 0) != std::string::npos);
        const std::string fish_command = "complete -c roles -n '__fish_seen_subcommand_from " + command + "'";
        CHECK(fish.find("complete -c roles -n __fish_use_subcommand -a " + command + " -d ") != std::string::npos);
        for (const auto& name : without_positionals(names)) {
            INFO(name);
            // zsh names every option in its command's _arguments; fish has a -l/-s for it.
            const auto in_zsh = zsh.find(name + "[", block);
            const auto in_group = zsh.find("{" + name + ",", block);
            const auto in_group_end = zsh.find("," + name + "}", block);
            CHECK(std::min({in_zsh, in_group, in_group_end}) < end);
            const auto flag = name.starts_with("--") ? " -l " + name.substr(2) : " -s " + name.substr(1);
            bool found = false;
            for (const auto& line : lines_of(fish)) {
                if (line.starts_with(fish_command) && (line + " ").find(flag + " ") != std::string::npos) found = true;
            }
            CHECK(found);
        }
    }
}

TEST_CASE("the bash completion completes commands, formats and import kinds", "[e2e][help]") {
    const auto script = std::string(ROLES_HELP_DIR) + "/bash/roles";
    const auto offers = [&](const std::string& words, int cword) {
        return roles::test::run_shell("bash -c " + shell_quote("source " + shell_quote(script) + "; COMP_WORDS=(" + words +
                                                              "); COMP_CWORD=" + std::to_string(cword) +
                                                              "; _roles; echo \"${COMPREPLY[*]}\""))
            .out;
    };
    CHECK(offers("roles wh", 1) == "whatif\n");
    CHECK(offers("roles audit --format ''", 3) == "text json markdown sarif github codequality\n");
    CHECK(offers("roles report --format ''", 3) == "markdown text json html\n");
    CHECK(offers("roles import ''", 2) == "openstack kubernetes maintainers codeowners owners\n");
    CHECK(offers("roles help lo", 2) == "load\n");
    CHECK(offers("roles load --imp", 2) == "--import\n");
}
