#include <cstdio>
#include <memory>
#include <optional>

#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/cycle.hpp"
#include "roles/git/graph.hpp"
#include "roles/git/loader.hpp"
#include "roles/report/cycle.hpp"
#include "roles/util/lifetime.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {
namespace {

std::string render(const engine::CycleReport& report, Format format) {
    switch (format) {
        case Format::json: return report::render_cycle_json(report);
        case Format::html: return report::render_cycle_html(report);
        case Format::text: return report::render_cycle_text(report);
        default: return report::render_cycle_markdown(report);
    }
}

}  // namespace

engine::RepositoryLookup repository_lookup(const std::string& path) {
    // Opened on first use and shared by both lookups; most cycles never need it.
    auto graph = std::make_shared<std::optional<util::Expected<git::RepositoryGraph>>>();
    const auto open = [graph, path]() -> const util::Expected<git::RepositoryGraph>& {
        if (!graph->has_value()) graph->emplace(git::RepositoryGraph::open(path));
        return **graph;
    };
    engine::RepositoryLookup lookup;
    lookup.ref = [open](const std::string& ref) -> util::Expected<engine::RefPoint> {
        const auto& repo = open();
        if (!repo) return std::unexpected(repo.error());
        auto point = repo->resolve(ref);
        if (!point) return std::unexpected(point.error());
        return engine::RefPoint{point->id, point->time};
    };
    lookup.fork = [open](const std::string& a, const std::string& b) -> util::Expected<std::optional<std::string>> {
        const auto& repo = open();
        if (!repo) return std::unexpected(repo.error());
        return repo->merge_base(a, b);
    };
    return lookup;
}

util::Expected<util::ExitCode> run_report(const Options& options) {
    const auto format = options.format;
    if (format != Format::markdown && format != Format::json && format != Format::html && format != Format::text) {
        return util::fail(util::ErrorKind::usage, "report", "supported formats: markdown, text, json, html");
    }
    PhaseTimer timer;
    auto roster = load_roster_stage(options, timer);
    if (!roster) return std::unexpected(roster.error());
    if (roster->roster.program) return run_program_report(options, roster->roster);
    auto inputs = load_project_inputs(options, timer);
    if (!inputs) return std::unexpected(inputs.error());
    timer.start();
    auto cycle = engine::resolve_cycle(inputs->history, options.cycle, repository_lookup(inputs->history.repo_path));
    if (!cycle) return std::unexpected(cycle.error());
    auto result = engine::build_cycle_report(inputs->history, inputs->roster, inputs->mode, *cycle);
    if (!result) return std::unexpected(result.error());
    timer.stop("analysis");
    timer.start();
    if (auto written = emit(options, render(*result, format)); !written) return std::unexpected(written.error());
    timer.stop("render");
    if (!options.quiet && !inputs->note.empty()) std::fprintf(stderr, "%s\n", inputs->note.c_str());
    if (options.stats) std::fprintf(stderr, "stats: %s\n", timer.report().c_str());
    util::release_at_exit(std::move(*inputs));
    util::release_at_exit(std::move(*result));
    return util::ExitCode::ok;
}

}  // namespace roles::cli
