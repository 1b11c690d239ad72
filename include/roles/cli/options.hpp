#pragma once
// The parsed command line: what main hands to cli::run.

#include <optional>
#include <string>
#include <vector>

namespace roles::cli {

/// The subcommand to run.
enum class Command : unsigned char { audit, load, validate, hats };

/// Output formats (DESIGN §4); each command says which it supports.
enum class Format { text, json, markdown, html, sarif, github };

/// All options of all commands; each command reads the ones it has.
struct Options {
    Command command = Command::audit;
    std::string repo = ".";                  ///< REPO positional (audit)
    std::optional<std::string> roster;       ///< --roster, or ROSTER positional (validate)
    bool require_roster = false;             ///< --require-roster
    std::vector<std::string> fail_on{"vacant"};
    Format format = Format::text;
    std::optional<std::string> output;       ///< --output FILE
    bool no_color = false;
    bool quiet = false;
    int verbosity = 0;
    std::optional<std::string> since;        ///< --since DATE|REF
    std::optional<std::string> until;        ///< --until DATE|REF
    std::string ref = "HEAD";                ///< --ref
    std::optional<std::string> catalog;      ///< hats --catalog
    std::optional<std::string> person;       ///< load --person KEY
    bool stats = false;                      ///< --stats: per-phase timings on stderr
};

}  // namespace roles::cli
