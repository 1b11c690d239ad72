#include <cstdio>

#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/cycle.hpp"
#include "roles/git/loader.hpp"
#include "roles/report/cycle.hpp"
#include "roles/util/lifetime.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {
namespace {

// The commit a history's HEAD names, with its author time (the time windows compare).
util::Expected<engine::RefPoint> head_point(const git::History& history, const std::string& ref) {
    for (const auto& commit : history.commits) {
        if (commit.id == history.head_id) return engine::RefPoint{commit.id, commit.time};
    }
    return util::fail(util::ErrorKind::input, "--cycle", util::quoted(ref) + " names no commit");
}

// Branches and other revisions (`main`, `HEAD~3`) need libgit2: the analysed ref is
// answered from the loaded history, anything else by loading that ref (the cache, when on,
// makes this cheap).
engine::RefLookup ref_lookup(const Options& options, const git::History& history) {
    return [&options, &history](const std::string& ref) -> util::Expected<engine::RefPoint> {
        if (ref == options.ref) return head_point(history, ref);
        git::LoadOptions load;
        load.path = options.repo;
        load.ref = ref;
        load.threads = options.threads;
        load.cache = options.no_cache ? git::CacheMode::off : git::CacheMode::use;
        load.cache_dir = options.cache_dir.value_or("");
        auto other = git::load_history(load);
        if (!other) return std::unexpected(other.error());
        return head_point(*other, ref);
    };
}

std::string render(const engine::CycleReport& report, Format format) {
    switch (format) {
        case Format::json: return report::render_cycle_json(report);
        case Format::html: return report::render_cycle_html(report);
        default: return report::render_cycle_markdown(report);
    }
}

}  // namespace

util::Expected<util::ExitCode> run_report(const Options& options) {
    const auto format = options.format == Format::text ? Format::markdown : options.format;
    if (format != Format::markdown && format != Format::json && format != Format::html) {
        return util::fail(util::ErrorKind::usage, "report", "supported formats: markdown, json, html");
    }
    PhaseTimer timer;
    auto inputs = load_project_inputs(options, timer);
    if (!inputs) return std::unexpected(inputs.error());
    timer.start();
    auto cycle = engine::resolve_cycle(inputs->history, options.cycle, ref_lookup(options, inputs->history));
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
