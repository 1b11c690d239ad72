#include <filesystem>

#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/report/catalog.hpp"
#include "roles/roster/loader.hpp"

namespace roles::cli {

util::Expected<util::ExitCode> run_validate(const Options& options) {
    if (auto ok = require_format(options, {Format::text, Format::json}, "validate"); !ok) {
        return std::unexpected(ok.error());
    }
    const std::string path = options.roster.value_or("ROLES.yaml");
    // No path given: ./ROLES.yaml is the repository's, read by the repository's rules.
    auto roster = load_named_roster(path, options.roster ? PathChoice::user : PathChoice::repository_default);
    if (!roster) {
        // A script asking for JSON gets the verdict as JSON too; the error still goes to stderr.
        if (options.format == Format::json) {
            if (auto written = emit(options, report::render_validate_failure_json(path, roster.error().details));
                !written) {
                return std::unexpected(written.error());
            }
        }
        return std::unexpected(roster.error());
    }
    const auto text = options.format == Format::json ? report::render_validate_json(*roster)
                                                     : report::render_validate_text(*roster);
    if (auto written = emit(options, text); !written) return std::unexpected(written.error());
    return util::ExitCode::ok;
}

util::Expected<util::ExitCode> run_hats(const Options& options) {
    if (auto ok = require_format(options, {Format::text, Format::json}, "hats"); !ok) {
        return std::unexpected(ok.error());
    }
    std::vector<std::string> names =
        options.catalog ? std::vector<std::string>{*options.catalog} : roster::builtin_catalog_names();
    if (names.empty()) {
        return util::fail(util::ErrorKind::input, "listing hats",
                          "no built-in catalogs found (set ROLES_CATALOG_DIR to a folder of catalog files, such as the roles/ folder of the source tree or share/roles/catalogs of an installation)");
    }
    std::vector<roster::Catalog> catalogs;
    for (const auto& name : names) {
        auto catalog = roster::load_catalog(name, std::filesystem::current_path().string());
        if (!catalog) return std::unexpected(catalog.error());
        catalogs.push_back(std::move(*catalog));
    }
    const auto text = options.format == Format::json ? report::render_hats_json(catalogs)
                                                     : report::render_hats_text(catalogs);
    if (auto written = emit(options, text); !written) return std::unexpected(written.error());
    return util::ExitCode::ok;
}

}  // namespace roles::cli
