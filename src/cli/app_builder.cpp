// The App of `roles` (docs/cli.md): the command table's rows, each with the shared option
// groups it declares (history, output), then its own options.

#include "app_builder.hpp"

#include "roles/roster/import.hpp"

namespace roles::cli {
namespace {

// "openstack (OpenStack governance projects.yaml), kubernetes (...), ..." from the import table.
std::string import_kinds_help() {
    std::string out;
    const auto kinds = roster::import_kinds();
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ") + std::string(kinds[i].name) + " (" +
               std::string(kinds[i].source) + ")";
    }
    return out;
}

}  // namespace

// Each import kind's pick (--team, --group), once.
void add_import_picks(CommandBuilder& builder) {
    for (const auto& kind : roster::import_kinds()) {
        if (kind.pick.empty()) continue;
        const std::string pick(kind.pick);
        builder.app
            .add_option_function<std::string>(
                "--" + pick, [&options = builder.options, pick](const std::string& value) { options.picks[pick] = value; },
                std::string(kind.pick_help))
            ->type_name("NAME");
    }
}

namespace {

void add_import_source(CommandBuilder& builder, CLI::Option* roster) {
    auto* spec = builder.app
                     .add_option("--import", builder.options.import_spec,
                                 "read a published roster instead of ROLES.yaml: KIND:FILE, KIND one of " +
                                     import_kinds_help())
                     ->type_name("KIND:FILE");
    spec->excludes(roster);
    add_import_picks(builder);
}

void add_history(CommandBuilder& builder, HistoryOptions history) {
    if (history == HistoryOptions::none) return;
    auto& app = builder.app;
    auto& options = builder.options;
    app.add_option("REPO", options.repo, "repository (any path inside it; default: .)")->type_name("REPO");
    if (history != HistoryOptions::draft) {
        auto* roster = app.add_option("--roster", options.roster,
                                      "roster file (default: ROLES.yaml at the repository root)")
                           ->type_name("FILE");
        add_import_source(builder, roster);
    }
    if (history != HistoryOptions::cycle) {
        app.add_option("--since", options.since, "window start: YYYY-MM-DD, a tag or a commit id")->type_name("WHEN");
        app.add_option("--until", options.until, "window end: YYYY-MM-DD, a tag or a commit id (default: HEAD's time)")
            ->type_name("WHEN");
    }
    app.add_option("--ref", options.ref, "what to analyse (default: HEAD)")->type_name("REF");
    app.add_option("--threads", options.threads, "threads reading history (default: one per core, at most 4)")
        ->check(CLI::Range(0U, 256U))
        ->type_name("N");
    app.add_flag("--no-cache", options.no_cache, "neither read nor write the history cache");
    app.add_option("--cache-dir", options.cache_dir, "where to keep the history cache (default: roles-cache in the git dir)")
        ->type_name("DIR");
    app.add_flag("--stats", options.stats, "print per-phase timings and loader counts to stderr");
}

// "text (default), json or markdown", with each format's note.
std::string format_help(const std::vector<FormatInfo>& formats) {
    std::string out;
    for (std::size_t i = 0; i < formats.size(); ++i) {
        std::string notes = i == 0 ? "default" : "";
        if (!formats[i].note.empty()) notes += (notes.empty() ? "" : ", ") + std::string(formats[i].note);
        out += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + std::string(formats[i].name) +
               (notes.empty() ? "" : " (" + notes + ")");
    }
    return out;
}

void add_output(CommandBuilder& builder, const std::vector<FormatInfo>& formats) {
    std::vector<std::string> names;
    for (const auto& format : formats) names.emplace_back(format.name);
    add_choice_option(builder, "--format", builder.options.format, "output format: " + format_help(formats), names);
    auto& app = builder.app;
    app.add_option("-o,--output", builder.options.output, "write the output to FILE instead of stdout")->type_name("FILE");
    app.add_flag("--no-color", builder.options.no_color, "never colour the output (NO_COLOR is honoured too)");
    app.add_flag("-q,--quiet", builder.options.quiet, "print only what needs attention; no notes on stderr");
    app.add_flag("-v,--verbose", builder.options.verbosity, "more detail; repeat for more");
}

void add_command(CLI::App& root, const CommandSpec& spec, Options& options, OptionNotes& notes) {
    auto* app = root.add_subcommand(std::string(spec.name), std::string(spec.description));
    CommandBuilder builder{*app, options, notes};
    add_history(builder, spec.history);
    std::string first = "text";
    if (spec.formats != nullptr) {
        const auto formats = spec.formats();
        first = std::string(formats.front().name);
        add_output(builder, formats);
    }
    if (spec.add_options != nullptr) spec.add_options(builder);
    if (!spec.footer.empty()) app->footer(std::string(spec.footer));
    // Before the command's own arguments are read: its name, and its default format.
    app->preparse_callback([&options, name = std::string(spec.name), first](std::size_t) {
        options.command = name;
        options.format = first;
    });
}

void add_parser_commands(CLI::App& root, Options& options, OptionNotes& notes, ParserCommands& parser) {
    auto* help = root.add_subcommand(std::string(k_help_command), "print a command's help: roles help COMMAND");
    std::vector<std::string> names;
    for (const auto* spec : command_table()) names.emplace_back(spec->name);
    notes.set_choices(help->add_option("COMMAND", parser.help_topic, "the command (default: the list of commands)")
                          ->type_name("COMMAND"),
                      names);
    help->footer("Examples:\n  roles help\n  roles help audit        # the same as 'roles audit --help'");
    help->preparse_callback([&options](std::size_t) { options.command = std::string(k_help_command); });
    // Hidden: the build runs it to write the man page and the completion scripts (CMakeLists.txt).
    auto* generate = root.add_subcommand(std::string(k_generate_command), "print the man page or a completion script");
    generate->group("");
    generate->add_option("WHAT", parser.generate_what, "man, bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember({"man", "bash", "zsh", "fish"}));
    generate->add_option("-o,--output", options.output, "write to FILE instead of stdout")->type_name("FILE");
    generate->preparse_callback([&options](std::size_t) { options.command = std::string(k_generate_command); });
}

}  // namespace

CLI::Option* add_choice_option(CommandBuilder& builder, const std::string& name, std::string& target,
                               const std::string& help, const std::vector<std::string>& choices) {
    auto* option = builder.app.add_option(name, target, help)->check(CLI::IsMember(choices, CLI::ignore_case));
    option->type_name(name == "--format" ? "FORMAT" : "VALUE");
    builder.notes.set_choices(option, choices);
    return option;
}

void add_program_project(CommandBuilder& builder) {
    builder.app
        .add_option("--project", builder.options.project, "program roster: only this project (default: every project)")
        ->type_name("NAME");
}

void add_fail_on(CommandBuilder& builder, const std::string& when) {
    builder.app
        .add_option("--fail-on", builder.options.fail_on,
                    "what fails the gate (exit 1)" + when +
                        ": vacant, understaffed, stale, single-point, shadowed, burnout-high, any, none (default: "
                        "vacant)")
        ->delimiter(',')
        ->type_name("WHAT");
}

std::unique_ptr<CLI::App> build_app(Options& options, OptionNotes& notes, ParserCommands& parser) {
    auto app = std::make_unique<CLI::App>("roles: maintainer workload and role coverage from git history and a roster",
                                          "roles");
    app->set_version_flag("--version", std::string("roles ") + ROLES_VERSION);
    app->require_subcommand(1);
    for (const auto* spec : command_table()) add_command(*app, *spec, options, notes);
    add_parser_commands(*app, options, notes, parser);
    app->footer("Run 'roles help COMMAND' or 'roles COMMAND --help' for a command's options and examples.");
    return app;
}

std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
    std::vector<const CLI::App*> out;
    for (const auto* sub : app.get_subcommands([](const CLI::App* candidate) { return !candidate->get_group().empty(); })) {
        out.push_back(sub);
    }
    return out;
}

std::string format_list(const std::vector<FormatInfo>& formats) {
    std::string out;
    for (std::size_t i = 0; i < formats.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + std::string(formats[i].name);
    }
    return out;
}

}  // namespace roles::cli
