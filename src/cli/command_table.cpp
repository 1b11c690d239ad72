// The command table: every command of `roles`, in the order `roles --help` lists them. A row is
// defined in the command's own file (name, description, shared option groups, format table,
// own options, run function, examples); a new command is its files plus one line here
// (CONTRIBUTING.md, "Extension points").

#include <algorithm>
#include <array>

#include "command_table.hpp"

namespace roles::cli {
namespace {

const std::array<const CommandSpec*, 9> k_commands{
    &k_audit_command,  &k_load_command,       &k_validate_command, &k_hats_command, &k_import_command,
    &k_report_command, &k_identities_command, &k_whatif_command,   &k_init_command,
};

}  // namespace

std::span<const CommandSpec* const> command_table() { return k_commands; }

const CommandSpec* find_command(std::string_view name) {
    const auto* found = std::ranges::find(k_commands, name, &CommandSpec::name);
    return found == k_commands.end() ? nullptr : *found;
}

}  // namespace roles::cli
