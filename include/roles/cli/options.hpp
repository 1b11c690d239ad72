#pragma once
// The parsed command line: what main hands to cli::run.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace roles::cli {

/// All options of all commands; each command reads the ones it has.
struct Options {
    std::string command = "audit";          ///< the command to run: a name of the command table
    std::string repo = ".";                  ///< REPO positional (the commands that read history)
    std::optional<std::string> roster;       ///< --roster, or ROSTER positional (validate)
    bool require_roster = false;             ///< --require-roster
    bool allow_shallow = false;              ///< audit --allow-shallow: analyse a shallow clone
    std::vector<std::string> fail_on{"vacant"};
    /// --format: a name of the command's format table (docs/output-formats.md, "Formats per
    /// command"); the parser sets it to the table's first format when none is given.
    std::string format = "text";
    std::optional<std::string> output;       ///< --output FILE
    bool no_color = false;
    bool quiet = false;
    int verbosity = 0;
    std::optional<std::string> since;        ///< --since DATE|REF
    std::optional<std::string> until;        ///< --until DATE|REF
    std::optional<std::string> active_within;  ///< audit --active-within DURATION
    std::string ref = "HEAD";                ///< --ref
    std::optional<std::string> catalog;      ///< hats --catalog, init --catalog
    std::optional<std::string> person;       ///< load --person KEY
    bool stats = false;                      ///< --stats: per-phase timings on stderr
    bool no_cache = false;                   ///< --no-cache: neither read nor write the history cache
    std::optional<std::string> cache_dir;    ///< --cache-dir DIR (default: <git dir>/roles-cache)
    unsigned threads = 0;                    ///< --threads N (0: one per hardware thread, at most 4)
    std::string import_kind;                 ///< import KIND (openstack, kubernetes, maintainers, codeowners)
    std::string import_file;                 ///< import FILE
    std::optional<std::string> import_spec;  ///< --import KIND:FILE (the commands that read history)
    /// The pick options of the import kinds given, by option name without dashes ("team" for
    /// --team NAME, "group" for --group NAME): roster::ImportKindInfo::pick.
    std::map<std::string, std::string> picks;
    bool force = false;                      ///< import/init --force: replace an existing -o file
    std::string cycle = "auto";              ///< report --cycle A..B or auto
    std::vector<std::string> without;        ///< whatif --without WHO...: keys, emails, names, @Affiliation
    std::optional<std::string> without_each;  ///< whatif --without-each @|person
    std::optional<std::string> project;      ///< init --project NAME; load/report --project P of a program roster
};

}  // namespace roles::cli
