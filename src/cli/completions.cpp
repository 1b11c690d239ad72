// Shell completion scripts rendered from the CliDoc: bash, zsh and fish. Each offers the
// commands, each command's options, the values of options that name them (--format, KIND),
// and files or directories where a value is a path.

#include <fmt/format.h>

#include "roles/cli/cli_doc.hpp"

namespace roles::cli {
namespace {

enum class ValueKind : unsigned char { none, file, directory, choice };

ValueKind value_kind(const OptionDoc& option) {
    if (!option.choices.empty()) return ValueKind::choice;
    if (option.value == "REPO" || option.value == "DIR") return ValueKind::directory;
    if (option.value == "FILE" || option.value == "ROSTER" || option.value == "CATALOG") return ValueKind::file;
    return ValueKind::none;
}

std::string joined(const std::vector<std::string>& words, const std::string& separator = " ") {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : separator) + word;
    return out;
}

// Single-quoted for sh-like shells ('it'\''s').
std::string sh_quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::vector<std::string> option_names(const CommandDoc& command) {
    std::vector<std::string> out;
    for (const auto& option : command.options) {
        if (option.kind != OptionKind::positional) out.insert(out.end(), option.names.begin(), option.names.end());
    }
    return out;
}

const OptionDoc* first_positional(const CommandDoc& command) {
    for (const auto& option : command.options) {
        if (option.kind == OptionKind::positional) return &option;
    }
    return nullptr;
}

std::string bash_values(ValueKind kind, const std::vector<std::string>& choices) {
    switch (kind) {
        case ValueKind::choice: return "COMPREPLY=( $(compgen -W " + sh_quoted(joined(choices)) + " -- \"$cur\") )";
        case ValueKind::directory: return "COMPREPLY=( $(compgen -d -- \"$cur\") )";
        case ValueKind::file: return "COMPREPLY=( $(compgen -f -- \"$cur\") )";
        case ValueKind::none: break;
    }
    return "COMPREPLY=()";
}

std::string bash_command(const CommandDoc& command) {
    std::string out = "        " + command.name + ")\n            options=" + sh_quoted(joined(option_names(command))) +
                      "\n            case $prev in\n";
    for (const auto& option : command.options) {
        if (option.kind != OptionKind::value) continue;
        out += "                " + joined(option.names, "|") + ") " +
               bash_values(value_kind(option), option.choices) + "; return ;;\n";
    }
    out += "            esac\n";
    if (const auto* positional = first_positional(command)) {
        const auto kind = value_kind(*positional);
        out += "            if [[ $cur != -* ]]; then\n                if (( COMP_CWORD == 2 )); then " +
               bash_values(kind == ValueKind::none ? ValueKind::file : kind, positional->choices) +
               "; else COMPREPLY=( $(compgen -f -- \"$cur\") ); fi\n                return\n            fi\n";
    }
    return out + "            ;;\n";
}

// zsh: in an _arguments spec, ']' ends an explanation ("--x[...]") and ':' a message
// (":FILE:_files"); each is quoted with a backslash where it would end one.
std::string zsh_escaped(const std::string& text, std::string_view specials) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || specials.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string zsh_explanation(const std::string& text) { return zsh_escaped(text, "[]"); }
std::string zsh_message(const std::string& text) { return zsh_escaped(text, ":[]"); }

std::string zsh_action(const OptionDoc& option) {
    switch (value_kind(option)) {
        case ValueKind::choice: return "(" + joined(option.choices) + ")";
        case ValueKind::directory: return "_files -/";
        case ValueKind::file: return "_files";
        case ValueKind::none: break;
    }
    return " ";
}

std::string zsh_spec(const OptionDoc& option, int& position) {
    const auto help = zsh_explanation(option.help);
    if (option.kind == OptionKind::positional) {
        return sh_quoted(fmt::format("{}:{}:{}", ++position, zsh_message(option.names.front()), zsh_action(option)));
    }
    const auto value = option.kind == OptionKind::value
                           ? ":" + zsh_message(option.value.empty() ? "VALUE" : option.value) + ":" + zsh_action(option)
                           : std::string();
    if (option.names.size() == 1) return sh_quoted(option.names.front() + "[" + help + "]" + value);
    return sh_quoted("(" + joined(option.names) + ")") + "{" + joined(option.names, ",") + "}" +
           sh_quoted("[" + help + "]" + value);
}

std::string zsh_command(const CommandDoc& command) {
    std::string out = "                " + command.name + ")\n                    _arguments";
    int position = 0;
    for (const auto& option : command.options) out += " \\\n                        " + zsh_spec(option, position);
    return out + "\n                    ;;\n";
}

std::string fish_quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string fish_option(const std::string& condition, const OptionDoc& option) {
    std::string out = "complete -c roles -n " + condition;
    if (option.kind == OptionKind::positional) {
        const auto kind = value_kind(option);
        if (kind == ValueKind::choice) return out + " -x -a " + fish_quoted(joined(option.choices)) + "\n";
        if (kind == ValueKind::directory) return out + " -x -a '(__fish_complete_directories)'\n";
        return out + " -F\n";
    }
    for (const auto& name : option.names) out += (name.starts_with("--") ? " -l " + name.substr(2) : " -s " + name.substr(1));
    out += " -d " + fish_quoted(option.help);
    if (option.kind == OptionKind::value) {
        const auto kind = value_kind(option);
        out += kind == ValueKind::choice      ? " -x -a " + fish_quoted(joined(option.choices))
               : kind == ValueKind::directory ? std::string(" -x -a '(__fish_complete_directories)'")
               : kind == ValueKind::none      ? std::string(" -x")
                                              : std::string(" -r -F");
    }
    return out + "\n";
}

}  // namespace

std::string render_bash_completion(const CliDoc& doc) {
    std::vector<std::string> commands;
    for (const auto& command : doc.commands) commands.push_back(command.name);
    std::string top = joined(commands);
    for (const auto& option : doc.options) top += " " + joined(option.names);
    std::string out = "# bash completion for roles " + doc.version +
                      ": generated by `roles generate bash` from the options of --help; do not edit.\n"
                      "_roles() {\n    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} options\n"
                      "    if (( COMP_CWORD == 1 )); then\n        COMPREPLY=( $(compgen -W " +
                      sh_quoted(top) + " -- \"$cur\") )\n        return\n    fi\n    case ${COMP_WORDS[1]} in\n";
    for (const auto& command : doc.commands) out += bash_command(command);
    out += "        *) return ;;\n    esac\n    COMPREPLY=( $(compgen -W \"$options\" -- \"$cur\") )\n}\n"
           "complete -F _roles roles\n";
    return out;
}

std::string render_zsh_completion(const CliDoc& doc) {
    std::string out = "#compdef roles\n# zsh completion for roles " + doc.version +
                      ": generated by `roles generate zsh` from the options of --help; do not edit.\n"
                      "_roles() {\n    local curcontext=\"$curcontext\" state line\n    typeset -A opt_args\n"
                      "    _arguments -C";
    int position = 0;
    for (const auto& option : doc.options) out += " \\\n        " + zsh_spec(option, position);
    out += " \\\n        '1: :->command' \\\n        '*:: :->args'\n    case $state in\n        command)\n"
           "            local -a commands\n            commands=(\n";
    for (const auto& command : doc.commands) {
        out += "                " + sh_quoted(command.name + ":" + command.description) + "\n";
    }
    out += "            )\n            _describe -t commands 'roles command' commands\n            ;;\n"
           "        args)\n            case $words[1] in\n";
    for (const auto& command : doc.commands) out += zsh_command(command);
    out += "            esac\n            ;;\n    esac\n}\n_roles \"$@\"\n";
    return out;
}

std::string render_fish_completion(const CliDoc& doc) {
    std::string out = "# fish completion for roles " + doc.version +
                      ": generated by `roles generate fish` from the options of --help; do not edit.\n"
                      "complete -c roles -f\n";
    for (const auto& option : doc.options) out += fish_option("__fish_use_subcommand", option);
    for (const auto& command : doc.commands) {
        out += "complete -c roles -n __fish_use_subcommand -a " + command.name + " -d " +
               fish_quoted(command.description) + "\n";
    }
    for (const auto& command : doc.commands) {
        const auto condition = fish_quoted("__fish_seen_subcommand_from " + command.name);
        for (const auto& option : command.options) out += fish_option(condition, option);
    }
    return out;
}

}  // namespace roles::cli
