#include <cstdio>
#include <memory>
#include <optional>

#include "command_table.hpp"
#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/cycle.hpp"
#include "roles/git/graph.hpp"
#include "roles/git/loader.hpp"
#include "roles/report/cycle.hpp"
#include "roles/report/program.hpp"
#include "roles/util/lifetime.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {
namespace {

std::string cycle_markdown(const engine::CycleReport& report) { return report::render_cycle_markdown(report); }
std::string cycle_text(const engine::CycleReport& report) { return report::render_cycle_text(report); }
std::string cycle_json(const engine::CycleReport& report) { return report::render_cycle_json(report); }
std::string cycle_html(const engine::CycleReport& report) { return report::render_cycle_html(report); }

// The report format table (one project's cycle report); a program roster's summary has its
// own table (program_report_command.cpp).
const FormatTable<engine::CycleReport> k_report_formats{
    {{"markdown", ""}, cycle_markdown},
    {{"text", "the cycle mail, 72 columns"}, cycle_text},
    {{"json", ""}, cycle_json},
    {{"html", "one self-contained page"}, cycle_html},
};

std::vector<FormatInfo> report_formats() { return format_infos(k_report_formats); }

// -v: which cycle was compared with which, on stderr.
void say_cycle(const Options& options, const engine::Cycle& cycle) {
    if (options.quiet || options.verbosity == 0) return;
    std::fprintf(stderr, "roles: cycle %s against %s%s%s\n", cycle.label.c_str(), cycle.previous_label.c_str(),
                 cycle.picked_by.empty() ? "" : "; ", cycle.picked_by.c_str());
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

namespace {

// The cycle report of one project, rendered.
util::Expected<std::string> report_on(const git::History& history, const roster::Roster& roster, engine::RosterMode mode,
                                      const Options& options) {
    auto cycle = engine::resolve_cycle(history, options.cycle, repository_lookup(history.repo_path));
    if (!cycle) return std::unexpected(cycle.error());
    say_cycle(options, *cycle);
    auto result = engine::build_cycle_report(history, roster, mode, *cycle);
    if (!result) return std::unexpected(result.error());
    auto text = render_format(k_report_formats, options, "report", *result);
    util::release_at_exit(std::move(*result));
    return text;
}

// `roles report --project P` or `--format json` on a program roster: each chosen project's
// report (Markdown one after the other, one JSON program document); HTML is one page, so
// one project.
util::Expected<util::ExitCode> run_program_report(const Options& options, const roster::Roster& roster) {
    std::vector<std::string> warnings;
    auto members = program_members(options, roster, warnings);
    if (!members) return std::unexpected(members.error());
    if (options.format == "html" && members->size() > 1) {
        return util::fail(util::ErrorKind::usage, "report",
                          "an HTML report is one page for one project: pick one with --project P");
    }
    if (!options.quiet) {
        for (const auto& warning : warnings) std::fprintf(stderr, "roles: warning: %s\n", warning.c_str());
    }
    std::vector<std::string> documents;
    for (const auto& member : *members) {
        auto text = report_on(*member.history, member.roster, engine::RosterMode::roster, options);
        if (!text) {
            auto error = text.error();
            error.context = "project " + util::quoted(member.roster.project) + ": " + error.context;
            return std::unexpected(std::move(error));
        }
        documents.push_back(std::move(*text));
    }
    std::string out;
    if (options.format == "json" && documents.size() != 1) {
        out = report::render_program_documents("roles.report/1", roster.file, documents);
    } else {
        for (const auto& document : documents) out += (out.empty() ? "" : "\n") + document;
    }
    if (auto written = emit(options, out); !written) return std::unexpected(written.error());
    return util::ExitCode::ok;
}

}  // namespace

util::Expected<util::ExitCode> run_report(const Options& options) {
    if (auto row = format_row(k_report_formats, options, "report"); !row) return std::unexpected(row.error());
    PhaseTimer timer;
    auto inputs = load_roster_stage(options, timer);
    if (!inputs) return std::unexpected(inputs.error());
    if (inputs->roster.program) {
        // The whole program: its summary and each project's report (Markdown, text, HTML). One
        // project (--project P) or JSON: the projects' own reports.
        if (!options.project && options.format != "json") return run_program_summary(options, inputs->roster);
        return run_program_report(options, inputs->roster);
    }
    if (options.project) return not_a_program(*inputs);
    if (auto loaded = load_history_stage(options, *inputs, timer); !loaded) return std::unexpected(loaded.error());
    timer.start();
    auto text = report_on(inputs->history, inputs->roster, inputs->mode, options);
    if (!text) return std::unexpected(text.error());
    timer.stop("analysis");
    timer.start();
    if (auto written = emit(options, *text); !written) return std::unexpected(written.error());
    timer.stop("render");
    if (!options.quiet && !inputs->note.empty()) std::fprintf(stderr, "%s\n", inputs->note.c_str());
    if (options.stats) std::fprintf(stderr, "stats: %s\n", timer.report().c_str());
    util::release_at_exit(std::move(*inputs));
    return util::ExitCode::ok;
}

namespace {

void add_report_options(CommandBuilder& builder) {
    builder.app
        .add_option("--cycle", builder.options.cycle,
                    "the cycle, which is also the window (the previous cycle is derived from it): A..B with each "
                    "end a tag, branch, commit or YYYY-MM-DD, or 'auto' for the two latest release tags (default: "
                    "auto)")
        ->type_name("A..B");
    add_program_project(builder);
}

}  // namespace

const CommandSpec k_report_command{
    "report",
    "cycle report: hats, load and trends against the previous cycle",
    HistoryOptions::cycle,
    report_formats,
    add_report_options,
    run_report,
    "Examples:\n  roles report                              # the two latest release tags\n"
    "  roles report ../nova --cycle 31.0.0..32.0.0 --format html -o cycle.html\n"
    "  roles report --cycle 2025-04-01..2025-06-30 --format json",
};

}  // namespace roles::cli
