#pragma once
// The command line as data, read from the same CLI11 App that parses it and prints --help: the
// man page and the shell completion scripts are rendered from it (`roles generate WHAT`, run by
// the build), so they cannot disagree with --help.

#include <string>
#include <vector>

namespace roles::cli {

/// What an option takes.
enum class OptionKind : unsigned char { flag, value, positional };

/// One option or positional of a command.
struct OptionDoc {
    OptionKind kind = OptionKind::flag;
    std::vector<std::string> names;    ///< "-o", "--output"; the placeholder ("REPO") for a positional
    std::string value;                 ///< "FILE"; empty for a flag
    std::string help;
    std::vector<std::string> choices;  ///< the values it accepts, when it names them
};

/// One command: `roles NAME ...`.
struct CommandDoc {
    std::string name;
    std::string description;
    std::string footer;  ///< "Examples:\n  roles ..."
    std::vector<OptionDoc> options;
};

/// The whole command line.
struct CliDoc {
    std::string program = "roles";
    std::string description;
    std::string version;
    std::string footer;
    std::vector<OptionDoc> options;  ///< the program's own (--help, --version)
    std::vector<CommandDoc> commands;  ///< every command users see, in --help order
};

/// The command line of this program.
[[nodiscard]] CliDoc describe_cli();

/// One man page, roles(1), with every command (roff, man(7) macros).
[[nodiscard]] std::string render_man_page(const CliDoc& doc);

/// Completion scripts: bash (`complete -F`), zsh (`#compdef`, `_arguments`) and fish (`complete -c`).
[[nodiscard]] std::string render_bash_completion(const CliDoc& doc);
[[nodiscard]] std::string render_zsh_completion(const CliDoc& doc);
[[nodiscard]] std::string render_fish_completion(const CliDoc& doc);

}  // namespace roles::cli
