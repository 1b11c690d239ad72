// roles(1), rendered from the CliDoc (man(7) macros): every command with every option, in the
// words of --help.

#include <fmt/format.h>

#include "roles/cli/cli_doc.hpp"

namespace roles::cli {
namespace {

// Text safe in roff: backslashes and dashes escaped, a leading '.' or '\'' kept literal.
std::string roff(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
    }
    return out;
}

std::string roff_line(const std::string& text) {
    const auto escaped = roff(text);
    return (!escaped.empty() && (escaped.front() == '.' || escaped.front() == '\'')) ? "\\&" + escaped : escaped;
}

// "\fB\-o\fR, \fB\-\-output\fR \fIFILE\fR", or "\fIREPO\fR" for a positional.
std::string option_heading(const OptionDoc& option) {
    if (option.kind == OptionKind::positional) return "\\fI" + roff(option.names.front()) + "\\fR";
    std::string out;
    for (const auto& name : option.names) out += (out.empty() ? "" : ", ") + ("\\fB" + roff(name) + "\\fR");
    if (option.kind == OptionKind::value && !option.value.empty()) out += " \\fI" + roff(option.value) + "\\fR";
    return out;
}

std::string options_block(const std::vector<OptionDoc>& options) {
    std::string out;
    for (const auto& option : options) {
        out += ".TP\n" + option_heading(option) + "\n" + roff_line(option.help) + "\n";
        if (!option.choices.empty() && option.help.find(option.choices.back()) == std::string::npos) {
            std::string values;
            for (const auto& choice : option.choices) values += (values.empty() ? "" : ", ") + choice;
            out += "One of: " + roff(values) + ".\n";
        }
    }
    return out;
}

// "[REPO] [OPTIONS]": the positionals, then the options.
std::string synopsis(const CommandDoc& command) {
    std::string out = ".B roles " + roff(command.name) + "\n";
    for (const auto& option : command.options) {
        if (option.kind == OptionKind::positional) out += ".RI [ " + roff(option.names.front()) + " ]\n";
    }
    return out + ".RI [ OPTIONS ]\n";
}

// The footer's "Examples:" block, as it is.
std::string examples(const std::string& footer) {
    if (footer.empty()) return {};
    std::string out = ".PP\n.nf\n";
    std::size_t start = 0;
    while (start < footer.size()) {
        const auto end = footer.find('\n', start);
        const auto line = footer.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!line.empty()) out += roff_line(line) + "\n";
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out + ".fi\n";
}

std::string command_section(const CommandDoc& command) {
    return ".SS \"roles " + roff(command.name) + "\"\n" + roff_line(command.description) + ".\n.PP\n" + synopsis(command) +
           options_block(command.options) + examples(command.footer);
}

constexpr const char* k_closing = R"(.SH EXIT STATUS
.TP
.B 0
success; for audit and whatif, nothing matched \fB\-\-fail\-on\fR
.TP
.B 1
a hat matched \fB\-\-fail\-on\fR (audit, whatif)
.TP
.B 2
bad usage or bad input: an unknown command or option, an invalid roster, a path that is no repository
.SH ENVIRONMENT
.TP
.B NO_COLOR
when set and not empty, text output is never coloured (as \fB\-\-no\-color\fR)
.TP
.B ROLES_CATALOG_DIR
a folder of catalog files to use instead of the built-in catalogs
.SH FILES
.TP
.I ROLES.yaml
the roster, at the root of the repository's work tree
.TP
.I share/roles/catalogs/*.yaml
the built-in hat catalogs of an installation
.SH SEE ALSO
.BR git (1)
)";

}  // namespace

std::string render_man_page(const CliDoc& doc) {
    std::string description = doc.description;
    if (description.starts_with(doc.program + ": ")) description.erase(0, doc.program.size() + 2);
    std::string out = fmt::format(".TH ROLES 1 \"\" \"roles {}\" \"User Commands\"\n.SH NAME\nroles \\- {}\n",
                                  roff(doc.version), roff(description));
    out += ".SH SYNOPSIS\n.B roles\n.I COMMAND\n.RI [ OPTIONS ]\n.br\n.B roles help\n.RI [ COMMAND ]\n";
    out += ".SH DESCRIPTION\n.B roles\nreads a repository's git history and its roster of hats (ROLES.yaml) and says "
           "which hats are covered, by whom, and who carries too much.\n" +
           roff_line(doc.footer) + "\n";
    out += ".SH OPTIONS\n" + options_block(doc.options);
    out += ".SH COMMANDS\n";
    for (const auto& command : doc.commands) out += command_section(command);
    return out + k_closing;
}

}  // namespace roles::cli
