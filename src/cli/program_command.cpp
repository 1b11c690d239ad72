#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <system_error>

#include <fmt/format.h>

#include "roles/cli/audit_formats.hpp"
#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/program.hpp"
#include "roles/git/merge.hpp"
#include "roles/report/program.hpp"
#include "roles/roster/loader.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {
namespace {

namespace fs = std::filesystem;

// A cache directory given with --cache-dir is shared by the program's repositories, and a
// cache holds one repository: each gets a subdirectory named after it, with a hash of its
// path that tells apart two checkouts with the same name.
git::LoadOptions program_history_options(const Options& options, const std::string& repo) {
    git::LoadOptions load_options = history_options(options, repo);
    if (!load_options.cache_dir.empty()) {
        std::error_code error;
        const fs::path absolute = fs::absolute(repo, error).lexically_normal();
        const std::string name = fs::path(repo).filename().string();
        load_options.cache_dir = (fs::path(load_options.cache_dir) /
                                  fmt::format("{}-{:016x}", name, std::hash<std::string>{}(absolute.string())))
                                     .string();
    }
    return load_options;
}

// Each distinct repository is read once, however many projects list it.
class HistoryStore {
public:
    HistoryStore(const Options& options, std::string base) : m_options(options), m_base(std::move(base)) {}

    // The project's histories merged, or nullopt when none of its repos could be read.
    std::optional<git::History> project_history(const roster::Project& project, std::vector<std::string>& warnings) {
        std::vector<git::History> loaded;
        for (const auto& repo : project.repos) {
            const auto* history = get(repo, project.name, warnings);
            if (history != nullptr) loaded.push_back(*history);
        }
        if (loaded.empty()) return std::nullopt;
        return git::merge_histories(std::move(loaded));
    }

    [[nodiscard]] std::size_t commits() const {
        std::size_t total = 0;
        for (const auto& [path, history] : m_histories) total += history ? history->commits.size() : 0;
        return total;
    }

private:
    const git::History* get(const std::string& repo, const std::string& project, std::vector<std::string>& warnings) {
        const fs::path path = fs::path(repo).is_absolute() ? fs::path(repo) : fs::path(m_base) / repo;
        const std::string key = path.lexically_normal().string();
        auto [it, added] = m_histories.try_emplace(key);
        if (added) {
            auto history = git::load_history(program_history_options(m_options, key));
            if (history) {
                // What the loader got past (a damaged cache file) is said like the rest.
                for (const std::string& warning : history->warnings) {
                    warnings.push_back(fmt::format("project {}: repository {}: {}", util::quoted(project),
                                                   util::quoted(key), warning));
                }
                it->second = std::move(*history);
            } else {
                warnings.push_back(fmt::format("project {}: repository {} cannot be read ({}); its evidence is missing",
                                               util::quoted(project), util::quoted(key), history.error().message()));
            }
        }
        return it->second ? &*it->second : nullptr;
    }

    const Options& m_options;
    std::string m_base;
    std::map<std::string, std::optional<git::History>> m_histories;
};

report::Detail detail_for(const Options& options) {
    if (options.quiet) return report::Detail::quiet;
    return options.verbosity > 0 ? report::Detail::verbose : report::Detail::normal;
}

// --project must name a project of the roster; a typo gets a "did you mean".
util::Expected<std::vector<std::size_t>> chosen_projects(const Options& options, const roster::Roster& roster) {
    std::vector<std::size_t> chosen;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < roster.projects.size(); ++i) {
        names.push_back(roster.projects[i].name);
        if (!options.project || roster.projects[i].name == *options.project) chosen.push_back(i);
    }
    if (!chosen.empty()) return chosen;
    const auto suggestion = util::closest_match(*options.project, names);
    return util::fail(util::ErrorKind::usage, "--project",
                      "no project " + util::quoted(*options.project) + " in " + util::quoted(roster.file) +
                          (suggestion ? " (did you mean " + util::quoted(*suggestion) + "?)" : ""));
}

}  // namespace

util::Expected<util::ExitCode> not_a_program(const ProjectInputs& inputs) {
    const auto file = inputs.roster.file.empty() ? std::string("the discovery roster") : util::quoted(inputs.roster.file);
    return util::fail(util::ErrorKind::usage, "--project",
                      "picks a project of a program roster (one with 'projects:'); " + file + " has one project");
}

util::Expected<std::vector<ProgramMember>> program_members(const Options& options, const roster::Roster& roster,
                                                           std::vector<std::string>& warnings) {
    auto chosen = chosen_projects(options, roster);
    if (!chosen) return std::unexpected(chosen.error());
    const std::string base = roster.file.empty() ? std::string(".") : fs::path(roster.file).parent_path().string();
    HistoryStore store(options, base.empty() ? "." : base);
    std::vector<ProgramMember> members;
    for (const auto index : *chosen) {
        ProgramMember member{roster::single_project(roster, index), store.project_history(roster.projects[index], warnings)};
        if (!member.history) {
            warnings.push_back(fmt::format("project {} has no repository that could be read: left out",
                                           util::quoted(roster.projects[index].name)));
            continue;
        }
        members.push_back(std::move(member));
    }
    return members;
}

util::Expected<std::vector<std::optional<git::History>>> load_program_histories(const Options& options,
                                                                                const roster::Roster& roster,
                                                                                std::vector<std::string>& warnings,
                                                                                PhaseTimer& timer) {
    timer.start();
    const std::string base = roster.file.empty() ? std::string(".") : fs::path(roster.file).parent_path().string();
    HistoryStore store(options, base.empty() ? "." : base);
    std::vector<std::optional<git::History>> histories;
    for (const auto& project : roster.projects) {
        histories.push_back(store.project_history(project, warnings));
        if (!histories.back()) continue;
        auto deep = refuse_shallow(options, *histories.back(), "project " + util::quoted(project.name));
        if (!deep) return std::unexpected(deep.error());
    }
    timer.stop("history");
    timer.note(fmt::format("{} commits", store.commits()));
    return histories;
}

util::Expected<util::ExitCode> run_program_audit(const Options& options, const roster::Roster& roster,
                                                 const engine::FailOn& fail_on, PhaseTimer& timer) {
    std::vector<std::string> warnings;
    auto loaded = load_program_histories(options, roster, warnings, timer);
    if (!loaded) return std::unexpected(loaded.error());
    const auto& histories = *loaded;
    static const git::History k_no_history;
    auto request = resolve_window_request(options, k_no_history);
    if (!request) return std::unexpected(request.error());
    timer.start();
    engine::ProgramInput input{roster, {}, *request};
    for (const auto& history : histories) input.histories.push_back(history ? &*history : nullptr);
    auto result = engine::run_program_audit(input);
    if (!result) return std::unexpected(result.error());
    result->warnings.insert(result->warnings.begin(), warnings.begin(), warnings.end());
    timer.stop("analysis");
    engine::grade_findings(*result, fail_on);
    report::ProgramView view{*result, options.fail_on, engine::gate_failures(*result, fail_on), detail_for(options)};
    std::vector<const engine::AuditResult*> audits;
    for (const auto& project : result->projects) audits.push_back(&project.audit);
    const std::string base = roster.file.empty() ? std::string(".") : fs::path(roster.file).parent_path().string();
    auto ci = ci_view(base.empty() ? "." : base, std::move(audits), options.fail_on, view.failed.empty());
    ci.program = true;
    const auto text = render_audit_output(AuditOutput{options, nullptr, &view, ci, &roster});
    if (!text) return std::unexpected(text.error());
    if (auto written = emit(options, *text); !written) return std::unexpected(written.error());
    if (options.stats) std::fprintf(stderr, "stats: %s\n", timer.report().c_str());
    return view.failed.empty() ? util::ExitCode::ok : util::ExitCode::gate_failed;
}

}  // namespace roles::cli
