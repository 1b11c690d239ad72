#pragma once
// A small command line written by hand, for the man page and completion tests.

#include "roles/cli/cli_doc.hpp"

namespace roles::cli::test {

inline CliDoc small_doc() {
    CliDoc doc;
    doc.description = "roles: count hats";
    doc.version = "9.8.7";
    doc.footer = "Run 'roles help COMMAND'.";
    doc.options = {{OptionKind::flag, {"-h", "--help"}, "", "Print this help message and exit", {}}};
    CommandDoc audit{"audit", "coverage of every hat", "Examples:\n  roles audit \\", {}};
    audit.options = {
        {OptionKind::positional, {"REPO"}, "REPO", "repository", {}},
        {OptionKind::value, {"--format"}, "FORMAT", "output format: text (default) or json", {"text", "json"}},
        {OptionKind::value, {"-o", "--output"}, "FILE", "write to FILE, - for stdout", {}},
        {OptionKind::flag, {"--stats"}, "", ".hidden files too", {}},
        {OptionKind::value, {"--gate"}, "WHAT", "what fails", {"vacant", "stale"}},
    };
    CommandDoc import{"import", "turn a file into a roster", "", {}};
    import.options = {
        {OptionKind::positional, {"KIND"}, "KIND", "what FILE is", {"openstack", "codeowners"}},
        {OptionKind::positional, {"FILE"}, "FILE", "the file", {}},
        {OptionKind::flag, {"-q", "--quiet"}, "", "say less", {}},
    };
    doc.commands = {audit, import};
    return doc;
}

}  // namespace roles::cli::test
