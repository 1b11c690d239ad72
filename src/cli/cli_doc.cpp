// The App of `roles` read back as a CliDoc (include/roles/cli/cli_doc.hpp).

#include "roles/cli/cli_doc.hpp"

#include "app_builder.hpp"

namespace roles::cli {
namespace {

OptionDoc option_doc(const CLI::Option& option, const OptionNotes& notes) {
    OptionDoc doc;
    doc.help = option.get_description();
    doc.choices = notes.choices(&option);
    if (!option.nonpositional()) {
        doc.kind = OptionKind::positional;
        doc.names = {option.get_name(true)};
        doc.value = option.get_type_name();
        return doc;
    }
    for (const auto& name : option.get_snames()) doc.names.push_back("-" + name);
    for (const auto& name : option.get_lnames()) doc.names.push_back("--" + name);
    if (option.get_items_expected_max() > 0) {
        doc.kind = OptionKind::value;
        doc.value = option.get_type_name();
    }
    return doc;
}

std::vector<OptionDoc> options_of(const CLI::App& app, const OptionNotes& notes) {
    std::vector<OptionDoc> out;
    for (const auto* option : app.get_options()) out.push_back(option_doc(*option, notes));
    return out;
}

}  // namespace

CliDoc describe_cli() {
    Options options;
    OptionNotes notes;
    ParserCommands parser;
    const auto app = build_app(options, notes, parser);
    CliDoc doc;
    doc.program = app->get_name();
    doc.description = app->get_description();
    doc.version = ROLES_VERSION;
    doc.footer = app->get_footer();
    doc.options = options_of(*app, notes);
    for (const auto* command : visible_commands(*app)) {
        doc.commands.push_back(
            CommandDoc{command->get_name(), command->get_description(), command->get_footer(), options_of(*command, notes)});
    }
    return doc;
}

}  // namespace roles::cli
