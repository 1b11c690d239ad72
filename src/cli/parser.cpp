// The command line: CLI11 parses into Options with the App of app_builder.cpp; this file adds
// what CLI11 does not say well (a misspelled command or option, with "did you mean" and the
// command's own --help) and answers `roles help [COMMAND]` and the hidden `roles generate WHAT`.

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>

#include "app_builder.hpp"
#include "roles/cli/app.hpp"
#include "roles/cli/cli_doc.hpp"
#include "roles/cli/output.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {
namespace {

// The command named `name`, or nullptr (CLI11's own lookup throws for an unknown name).
const CLI::App* subcommand(const CLI::App& app, const std::string& name) {
    const auto found = app.get_subcommands([&name](const CLI::App* sub) { return sub->get_name() == name; });
    return found.empty() ? nullptr : found.front();
}

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const auto* sub : visible_commands(app)) names.push_back(sub->get_name());
    return names;
}

util::Error unknown_command(const std::string& word, const CLI::App& app) {
    const auto names = command_names(app);
    const auto suggestion = util::closest_match(word, names);
    return util::Error{util::ErrorKind::usage, "unknown command " + util::quoted(word),
                       suggestion ? "did you mean " + util::quoted(*suggestion) + "?" : "run 'roles --help' for the list",
                       {}};
}

// CLI11 would report a misspelled command as an unexpected positional; say what it is.
std::optional<util::Error> check_command_name(const std::vector<std::string>& args, const CLI::App& app) {
    if (args.empty() || args.front().starts_with('-')) return std::nullopt;
    if (subcommand(app, args.front()) != nullptr) return std::nullopt;
    return unknown_command(args.front(), app);
}

// The names a command's options go by ("--format", "-o") and whether each takes a value.
std::map<std::string, bool> option_names(const CLI::App& command) {
    std::map<std::string, bool> names;
    for (const auto* option : command.get_options()) {
        const bool value = option->get_items_expected_max() > 0;
        for (const auto& name : option->get_lnames()) names["--" + name] = value;
        for (const auto& name : option->get_snames()) names["-" + name] = value;
    }
    return names;
}

// The first word after the command that names none of its options (option values skipped):
// "--formt", "-x", or the "-x" of a cluster "-qx".
std::optional<std::string> unknown_option(const CLI::App& command, const std::vector<std::string>& args) {
    const auto names = option_names(command);
    for (std::size_t i = 1; i < args.size(); ++i) {
        const auto& word = args[i];
        if (word == "--") break;
        if (word.starts_with("--")) {
            const auto name = word.substr(0, word.find('='));
            const auto found = names.find(name);
            if (found == names.end()) return name;
            if (found->second && name.size() == word.size()) ++i;
            continue;
        }
        if (!word.starts_with('-') || word.size() < 2 || std::isdigit(static_cast<unsigned char>(word[1]))) continue;
        for (std::size_t c = 1; c < word.size(); ++c) {
            const auto found = names.find(std::string("-") + word[c]);
            if (found == names.end()) return c == 1 ? word : std::string("-") + word[c];
            if (found->second) {
                if (c + 1 == word.size()) ++i;  // "-o FILE"; "-oFILE" holds its value
                break;
            }
        }
    }
    return std::nullopt;
}

// "unknown option '--formt' (did you mean '--format'?)", or the commands that have it.
std::string unknown_option_cause(const std::string& word, const CLI::App& command, const CLI::App& app) {
    std::vector<std::string> candidates;
    for (const auto& [name, value] : option_names(command)) candidates.push_back(name);
    auto cause = "unknown option " + util::quoted(word) + " for 'roles " + command.get_name() + "'";
    // Any one-letter flag is one edit from any other: only longer names get a suggestion.
    const auto suggestion = word.size() > 2 ? util::closest_match(word, candidates) : std::nullopt;
    if (suggestion) {
        return cause + " (did you mean " + util::quoted(*suggestion) + "?)";
    }
    std::string owners;
    for (const auto* other : visible_commands(app)) {
        if (option_names(*other).contains(word)) owners += (owners.empty() ? "" : ", ") + other->get_name();
    }
    return owners.empty() ? cause : cause + " (it is an option of " + owners + ")";
}

// CLI11 capitalises its messages; an upper-case word such as a KIND placeholder stays as is.
std::string lowercase_first(std::string text) {
    const bool word_in_capitals = text.size() > 1 && std::isupper(static_cast<unsigned char>(text[1]));
    if (!text.empty() && !word_in_capitals) {
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    }
    return text;
}

// A usage error, pointing at the help of the command it happened in.
util::Error usage_error(const CLI::ParseError& error, const CLI::App& app, const std::vector<std::string>& args) {
    const CLI::App* command = args.empty() ? nullptr : subcommand(app, args.front());
    const std::string help = command != nullptr ? "run 'roles " + command->get_name() + " --help'" : "run 'roles --help'";
    std::string cause = lowercase_first(error.what());
    if (command != nullptr) {
        if (const auto word = unknown_option(*command, args)) cause = unknown_option_cause(*word, *command, app);
    }
    return util::Error{util::ErrorKind::usage, "bad usage", cause + "; " + help, {}};
}

void print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

// `roles help [COMMAND]`: the text of `roles COMMAND --help` (or `roles --help`).
util::Expected<ParseOutcome> answer_help(const CLI::App& app, const std::string& topic) {
    if (topic.empty()) {
        // app.help() would print the help of the command parsed, `help` itself.
        print(app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal));
        return ParseOutcome{std::nullopt, util::ExitCode::ok};
    }
    const auto* command = subcommand(app, topic);
    if (command == nullptr || command->get_group().empty()) return std::unexpected(unknown_command(topic, app));
    print(command->help(app.get_name()));
    return ParseOutcome{std::nullopt, util::ExitCode::ok};
}

// `roles generate WHAT [-o FILE]`: the man page or a completion script (CMakeLists.txt).
util::Expected<ParseOutcome> answer_generate(const Options& options, const std::string& what) {
    const auto doc = describe_cli();
    const auto text = what == "man"    ? render_man_page(doc)
                      : what == "bash" ? render_bash_completion(doc)
                      : what == "zsh"  ? render_zsh_completion(doc)
                                       : render_fish_completion(doc);
    if (auto written = emit(options, text); !written) return std::unexpected(written.error());
    return ParseOutcome{std::nullopt, util::ExitCode::ok};
}

}  // namespace

util::Expected<ParseOutcome> parse_command_line(int argc, const char* const* argv) {
    Options options;
    OptionNotes notes;
    ParserCommands parser;
    const auto app = build_app(options, notes, parser);
    const std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
    if (auto error = check_command_name(args, *app)) return std::unexpected(*error);
    try {
        app->parse(argc, argv);
    } catch (const CLI::Success& success) {
        std::ostringstream out, err;
        app->exit(success, out, err);
        print(out.str());
        return ParseOutcome{std::nullopt, util::ExitCode::ok};
    } catch (const CLI::ParseError& error) {
        return std::unexpected(usage_error(error, *app, args));
    }
    if (options.command == k_help_command) return answer_help(*app, parser.help_topic);
    if (options.command == k_generate_command) return answer_generate(options, parser.generate_what);
    options.format = util::to_lower_ascii(options.format);  // --format is case-insensitive
    return ParseOutcome{options, util::ExitCode::ok};
}

}  // namespace roles::cli
