// `roles report` on a program roster: each project's repositories read (merged when a
// project lists several), its cycle resolved in its own history, then the program report.
#include <filesystem>
#include <optional>

#include <fmt/format.h>

#include "roles/cli/commands.hpp"
#include "roles/cli/format_table.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/program_cycle.hpp"
#include "roles/git/loader.hpp"
#include "roles/git/merge.hpp"
#include "roles/report/program_cycle.hpp"
#include "roles/util/lifetime.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {
namespace {

namespace fs = std::filesystem;

// A project's repositories, relative to the roster's folder.
std::vector<std::string> repo_paths(const roster::Roster& roster, const roster::Project& project) {
    const auto base = roster.file.empty() ? fs::path(".") : fs::path(roster.file).parent_path();
    std::vector<std::string> out;
    for (const auto& repo : project.repos) {
        const fs::path path = fs::path(repo).is_absolute() ? fs::path(repo) : base / repo;
        out.push_back(path.lexically_normal().string());
    }
    return out;
}

// The merged history of a project's readable repositories; a repository that cannot be read
// is a warning on stderr.
std::optional<git::History> project_history(const Options& options, const std::vector<std::string>& paths,
                                            const std::string& project) {
    std::vector<git::History> loaded;
    for (const auto& path : paths) {
        auto load_options = history_options(options, path);
        load_options.cache_dir.clear();  // a cache holds one repository
        auto history = git::load_history(load_options);
        if (!history) {
            std::fprintf(stderr, "roles: warning: project %s: repository %s cannot be read (%s)\n",
                         util::quoted(project).c_str(), util::quoted(path).c_str(), history.error().message().c_str());
            continue;
        }
        loaded.push_back(std::move(*history));
    }
    if (loaded.empty()) return std::nullopt;
    if (loaded.size() == 1) return std::move(loaded.front());
    return git::merge_histories(std::move(loaded));
}

std::string summary_markdown(const engine::ProgramCycleReport& report) {
    return report::render_program_cycle_markdown(report);
}
std::string summary_text(const engine::ProgramCycleReport& report) { return report::render_program_cycle_text(report); }
std::string summary_html(const engine::ProgramCycleReport& report) { return report::render_program_cycle_html(report); }

// The program summary's format table: `roles report` on a program roster without --project
// (JSON gives each project's own report instead, report_command.cpp).
const FormatTable<engine::ProgramCycleReport> k_summary_formats{
    {{"markdown", ""}, summary_markdown},
    {{"text", ""}, summary_text},
    {{"html", ""}, summary_html},
};

}  // namespace

util::Expected<util::ExitCode> run_program_summary(const Options& options, const roster::Roster& roster) {
    if (auto row = format_row(k_summary_formats, options, "report"); !row) {
        return util::fail(util::ErrorKind::usage, "report",
                          "a program report is written as " + format_list(format_infos(k_summary_formats)));
    }
    std::vector<std::optional<git::History>> histories;
    engine::ProgramCycleInput input{roster, {}, {}, options.cycle};
    for (const auto& project : roster.projects) {
        const auto paths = repo_paths(roster, project);
        histories.push_back(project_history(options, paths, project.name));
        input.lookups.push_back(paths.empty() ? engine::RepositoryLookup{} : repository_lookup(paths.front()));
    }
    for (const auto& history : histories) input.histories.push_back(history ? &*history : nullptr);
    auto result = engine::build_program_cycle_report(input);
    if (!result) return std::unexpected(result.error());
    const auto text = render_format(k_summary_formats, options, "report", *result);
    if (!text) return std::unexpected(text.error());
    if (auto written = emit(options, *text); !written) return std::unexpected(written.error());
    util::release_at_exit(std::move(histories));
    util::release_at_exit(std::move(*result));
    return util::ExitCode::ok;
}

}  // namespace roles::cli
