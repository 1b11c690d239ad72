#include <filesystem>

#include "command_table.hpp"
#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/report/catalog.hpp"
#include "roles/roster/loader.hpp"

namespace roles::cli {
namespace {

// What `validate` renders: the roster, or why it does not load.
struct ValidateOutput {
    const std::string& path;
    const roster::Roster* roster = nullptr;  ///< null when it does not load
    const util::Error* failure = nullptr;
};

// A roster that does not load: the error goes to stderr, text prints nothing more.
std::string validate_text(const ValidateOutput& out) {
    return out.roster != nullptr ? report::render_validate_text(*out.roster) : std::string();
}

// A script asking for JSON gets the verdict as JSON either way.
std::string validate_json(const ValidateOutput& out) {
    return out.roster != nullptr ? report::render_validate_json(*out.roster)
                                 : report::render_validate_failure_json(out.path, out.failure->details);
}

// The validate format table.
const FormatTable<ValidateOutput> k_validate_formats{
    {{"text", ""}, validate_text},
    {{"json", ""}, validate_json},
};

std::vector<FormatInfo> validate_formats() { return format_infos(k_validate_formats); }

std::string hats_text(const std::vector<roster::Catalog>& catalogs) { return report::render_hats_text(catalogs); }
std::string hats_json(const std::vector<roster::Catalog>& catalogs) { return report::render_hats_json(catalogs); }

// The hats format table.
const FormatTable<std::vector<roster::Catalog>> k_hats_formats{
    {{"text", ""}, hats_text},
    {{"json", ""}, hats_json},
};

std::vector<FormatInfo> hats_formats() { return format_infos(k_hats_formats); }

}  // namespace

util::Expected<util::ExitCode> run_validate(const Options& options) {
    auto row = format_row(k_validate_formats, options, "validate");
    if (!row) return std::unexpected(row.error());
    const std::string path = options.roster.value_or("ROLES.yaml");
    // No path given: ./ROLES.yaml is the repository's, read by the repository's rules.
    auto roster = load_named_roster(path, options.roster ? PathChoice::user : PathChoice::repository_default);
    const auto text = (*row)->render(roster ? ValidateOutput{path, &*roster, nullptr}
                                            : ValidateOutput{path, nullptr, &roster.error()});
    if (!text.empty()) {
        if (auto written = emit(options, text); !written) return std::unexpected(written.error());
    }
    if (!roster) return std::unexpected(roster.error());
    return util::ExitCode::ok;
}

util::Expected<util::ExitCode> run_hats(const Options& options) {
    if (auto row = format_row(k_hats_formats, options, "hats"); !row) return std::unexpected(row.error());
    std::vector<std::string> names =
        options.catalog ? std::vector<std::string>{*options.catalog} : roster::builtin_catalog_names();
    if (names.empty()) {
        return util::fail(util::ErrorKind::input, "listing hats",
                          "no built-in catalogs found (set ROLES_CATALOG_DIR to a folder of catalog files, such as the "
                          "roles/ folder of the source tree or share/roles/catalogs of an installation)");
    }
    std::vector<roster::Catalog> catalogs;
    for (const auto& name : names) {
        auto catalog = roster::load_catalog(name, std::filesystem::current_path().string());
        if (!catalog) return std::unexpected(catalog.error());
        catalogs.push_back(std::move(*catalog));
    }
    const auto text = render_format(k_hats_formats, options, "hats", catalogs);
    if (!text) return std::unexpected(text.error());
    if (auto written = emit(options, *text); !written) return std::unexpected(written.error());
    return util::ExitCode::ok;
}

namespace {

void add_validate_options(CommandBuilder& builder) {
    builder.app.add_option("ROSTER", builder.options.roster, "roster file (default: ./ROLES.yaml)")->type_name("ROSTER");
}

void add_hats_options(CommandBuilder& builder) {
    builder.app.add_option("--catalog", builder.options.catalog, "one catalog, by built-in name or path")
        ->type_name("CATALOG");
}

}  // namespace

const CommandSpec k_validate_command{
    "validate",  "check a roster without analysing history", HistoryOptions::none, validate_formats,
    add_validate_options, run_validate, "Example:\n  roles validate ROLES.yaml",
};

const CommandSpec k_hats_command{
    "hats",           "list the hats of the built-in catalogs",
    HistoryOptions::none, hats_formats,
    add_hats_options, run_hats,
    "Examples:\n  roles hats\n  roles hats --catalog openstack --format json",
};

}  // namespace roles::cli
