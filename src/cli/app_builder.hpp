#pragma once
// Internal to src/cli: the CLI11 App of `roles`, built from the command table. The parser, the
// man page and the completion scripts all read this one App, so they cannot disagree.

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "command_table.hpp"

namespace roles::cli {

/// What the parser's own commands (help and the hidden generate) fill in.
struct ParserCommands {
    std::string help_topic;      ///< `roles help COMMAND`
    std::string generate_what;   ///< `roles generate man|bash|zsh|fish`
};

/// The names of the parser's own commands.
inline constexpr std::string_view k_help_command = "help";
inline constexpr std::string_view k_generate_command = "generate";

/// "roles: ..." with every command of the table, `help [COMMAND]`, the hidden
/// `generate WHAT` (prints the man page or a completion script), --help and --version.
[[nodiscard]] std::unique_ptr<CLI::App> build_app(Options& options, OptionNotes& notes, ParserCommands& parser);

/// The commands of `app` users see (not the hidden generate), in order.
[[nodiscard]] std::vector<const CLI::App*> visible_commands(const CLI::App& app);

}  // namespace roles::cli
