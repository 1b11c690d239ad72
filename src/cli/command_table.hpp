#pragma once
// Internal to src/cli: the command table (command_table.cpp) and what one row declares. A new
// command is a row there plus its own files (CONTRIBUTING.md, "Extension points").

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "roles/cli/format_table.hpp"
#include "roles/cli/options.hpp"
#include "roles/util/error.hpp"

namespace roles::cli {

/// Which of the shared history options a command takes (app_builder.cpp, add_history).
enum class HistoryOptions : unsigned char {
    none,    ///< reads no history
    window,  ///< REPO, --roster, --import KIND:FILE and its picks, --ref, --since, --until, --threads,
             ///< --no-cache, --cache-dir, --stats
    cycle,   ///< the same but --since/--until: the command's --cycle is its window
    draft,   ///< window but --roster/--import: the command writes the roster
};

/// What the generated help (man page, completions) needs beyond CLI11's own data: the values an
/// option accepts.
class OptionNotes {
public:
    void set_choices(const CLI::Option* option, std::vector<std::string> values) {
        m_choices[option] = std::move(values);
    }
    [[nodiscard]] std::vector<std::string> choices(const CLI::Option* option) const {
        const auto found = m_choices.find(option);
        return found == m_choices.end() ? std::vector<std::string>{} : found->second;
    }

private:
    std::map<const CLI::Option*, std::vector<std::string>> m_choices;
};

/// What a command's add_options function gets: its own App, the options to fill, the notes.
struct CommandBuilder {
    CLI::App& app;
    Options& options;
    OptionNotes& notes;
};

/// One row of the command table.
struct CommandSpec {
    std::string_view name;
    std::string_view description;  ///< one line, for `roles --help`, the man page and completions
    HistoryOptions history = HistoryOptions::none;
    /// The formats the command writes (its format table; the first is the default). With one,
    /// the command takes the shared output options --format, -o, --no-color, -q, -v; nullptr
    /// for a command that writes a roster (it declares its own -o and -q).
    std::vector<FormatInfo> (*formats)() = nullptr;
    void (*add_options)(CommandBuilder& builder) = nullptr;  ///< the command's own options
    util::Expected<util::ExitCode> (*run)(const Options& options) = nullptr;
    std::string_view footer;  ///< "Examples:" shown by --help
};

/// Every command, in the order `roles --help` lists them.
[[nodiscard]] std::span<const CommandSpec* const> command_table();

/// The row named `name`, or nullptr.
[[nodiscard]] const CommandSpec* find_command(std::string_view name);

/// `--NAME VALUE` accepting only `choices` (case ignored), recorded for the generated help.
CLI::Option* add_choice_option(CommandBuilder& builder, const std::string& name, std::string& target,
                               const std::string& help, const std::vector<std::string>& choices);

/// Each import kind's pick option (--team, --group: roster::ImportKindInfo::pick), into
/// Options::picks.
void add_import_picks(CommandBuilder& builder);

/// The `--fail-on` gate option of audit and whatif, its help saying `when` a hat fails it.
void add_fail_on(CommandBuilder& builder, const std::string& when);

/// `--project NAME` of load and report: one project of a program roster.
void add_program_project(CommandBuilder& builder);

/// The rows of each command, defined in the command's own file.
extern const CommandSpec k_audit_command;
extern const CommandSpec k_load_command;
extern const CommandSpec k_validate_command;
extern const CommandSpec k_hats_command;
extern const CommandSpec k_import_command;
extern const CommandSpec k_report_command;
extern const CommandSpec k_identities_command;
extern const CommandSpec k_whatif_command;
extern const CommandSpec k_init_command;

}  // namespace roles::cli
