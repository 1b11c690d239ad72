#include "roles/cli/audit_formats.hpp"

#include <filesystem>
#include <map>

#include "codequality_places.hpp"
#include "roles/cli/format_table.hpp"
#include "roles/cli/output.hpp"
#include "roles/git/loader.hpp"
#include "roles/roster/loader.hpp"

namespace roles::cli {
namespace {

namespace fs = std::filesystem;

std::string text(const AuditOutput& out) {
    const auto color = color_for(out.options);
    return out.program ? report::render_program_text(*out.program, color) : report::render_audit_text(*out.project, color);
}

std::string json(const AuditOutput& out) {
    return out.program ? report::render_program_json(*out.program) : report::render_audit_json(*out.project);
}

std::string markdown(const AuditOutput& out) {
    return out.program ? report::render_program_markdown(*out.program) : report::render_audit_markdown(*out.project);
}

std::string codequality(const AuditOutput& out) {
    const auto places = codequality_places(*out.roster);
    return out.program ? report::render_program_codequality(*out.program, places)
                       : report::render_audit_codequality(*out.project, places);
}

std::string sarif(const AuditOutput& out) { return report::render_sarif(out.ci); }

std::string github(const AuditOutput& out) { return report::render_github(out.ci); }

// The audit format table (format -> renderer), for a project and a program roster alike; a new
// audit format is one row here and its renderer in src/report/.
const FormatTable<AuditOutput> k_audit_formats{
    {{"text", ""}, text},     {{"json", ""}, json},     {{"markdown", ""}, markdown},
    {{"sarif", ""}, sarif},   {{"github", "GitHub Actions annotations"}, github},
    {{"codequality", "GitLab Code Quality"}, codequality},
};

// The first search directory that holds a built-in catalog.
std::string builtin_catalog_dir() {
    for (const auto& dir : roster::catalog_search_dirs()) {
        std::error_code error;
        if (fs::is_regular_file(fs::path(dir) / "generic.yaml", error)) {
            return fs::weakly_canonical(fs::absolute(dir, error), error).string();
        }
    }
    return {};
}

}  // namespace

std::vector<FormatInfo> audit_format_infos() { return format_infos(k_audit_formats); }

util::Expected<void> require_audit_format(const Options& options) {
    auto row = format_row(k_audit_formats, options, "audit");
    if (!row) return std::unexpected(row.error());
    return {};
}

util::Expected<std::string> render_audit_output(const AuditOutput& output) {
    return render_format(k_audit_formats, output.options, "audit", output);
}

report::CiView ci_view(const std::string& path, std::vector<const engine::AuditResult*> audits,
                       const std::vector<std::string>& fail_on, bool passed) {
    report::CiView view;
    view.audits = std::move(audits);
    view.fail_on = fail_on;
    view.passed = passed;
    if (auto workdir = git::find_workdir(path); workdir && !workdir->empty()) {
        std::error_code error;
        view.root = fs::weakly_canonical(fs::absolute(*workdir, error), error).string();
    }
    view.catalog_dir = builtin_catalog_dir();
    return view;
}

}  // namespace roles::cli
