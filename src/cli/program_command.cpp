#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <system_error>

#include <fmt/format.h>

#include "codequality_places.hpp"
#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/program.hpp"
#include "roles/git/merge.hpp"
#include "roles/report/program.hpp"
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

std::string render_program(const Options& options, const report::ProgramView& view,
                           const roster::Roster& roster) {
    switch (options.format) {
        case Format::json: return report::render_program_json(view);
        case Format::markdown: return report::render_program_markdown(view);
        case Format::codequality:
            return report::render_program_codequality(view, codequality_places(roster, options.import_spec));
        default: return report::render_program_text(view, color_for(options));
    }
}

}  // namespace

util::Expected<util::ExitCode> run_program_audit(const Options& options, const roster::Roster& roster,
                                                 const engine::FailOn& fail_on, PhaseTimer& timer) {
    timer.start();
    const std::string base = roster.file.empty() ? std::string(".") : fs::path(roster.file).parent_path().string();
    HistoryStore store(options, base.empty() ? "." : base);
    std::vector<std::string> warnings;
    std::vector<std::optional<git::History>> histories;
    for (const auto& project : roster.projects) {
        histories.push_back(store.project_history(project, warnings));
        if (!histories.back()) continue;
        auto deep = refuse_shallow(options, *histories.back(), "project " + util::quoted(project.name));
        if (!deep) return std::unexpected(deep.error());
    }
    timer.stop("history");
    timer.note(fmt::format("{} commits", store.commits()));
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
    report::ProgramView view{*result, options.fail_on, engine::gate_failures(*result, fail_on), detail_for(options)};
    const auto text = render_program(options, view, roster);
    if (auto written = emit(options, text); !written) return std::unexpected(written.error());
    if (options.stats) std::fprintf(stderr, "stats: %s\n", timer.report().c_str());
    return view.failed.empty() ? util::ExitCode::ok : util::ExitCode::gate_failed;
}

}  // namespace roles::cli
