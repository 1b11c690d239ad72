#include <cstdio>

#include "command_table.hpp"
#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/load.hpp"
#include "roles/report/load.hpp"
#include "roles/report/program.hpp"
#include "roles/util/lifetime.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {
namespace {

struct LoadOutput {
    const report::LoadView& view;
    report::Color color;
};

std::string load_text(const LoadOutput& out) { return report::render_load_text(out.view, out.color); }
std::string load_json(const LoadOutput& out) { return report::render_load_json(out.view); }
std::string load_markdown(const LoadOutput& out) { return report::render_load_markdown(out.view); }

// The load format table.
const FormatTable<LoadOutput> k_load_formats{
    {{"text", ""}, load_text},
    {{"json", ""}, load_json},
    {{"markdown", ""}, load_markdown},
};

std::vector<FormatInfo> load_formats() { return format_infos(k_load_formats); }

// --person must name someone in the table; a typo gets a "did you mean".
util::Expected<const engine::PersonLoadRow*> selected_person(const Options& options,
                                                             const engine::LoadResult& result) {
    if (!options.person) return nullptr;
    if (const auto* row = engine::find_person(result, *options.person)) return row;
    std::vector<std::string> keys;
    for (const auto& row : result.people) keys.push_back(row.key);
    const auto suggestion = util::closest_match(*options.person, keys);
    return util::fail(util::ErrorKind::usage, "--person",
                      "no person " + util::quoted(*options.person) +
                          " on the roster or active in the window" +
                          (suggestion ? " (did you mean " + util::quoted(*suggestion) + "?)" : ""));
}

report::Detail detail_of(const Options& options) {
    if (options.quiet) return report::Detail::quiet;
    return options.verbosity > 0 ? report::Detail::verbose : report::Detail::normal;
}

void print_warnings(const Options& options, const std::vector<std::string>& warnings) {
    if (options.quiet) return;
    for (const auto& warning : warnings) std::fprintf(stderr, "roles: warning: %s\n", warning.c_str());
}

// `roles load` on a program roster: each chosen project's load, one after the other (text),
// or one program document (JSON) when there are several.
util::Expected<util::ExitCode> run_program_load(const Options& options, const roster::Roster& roster) {
    std::vector<std::string> warnings;
    auto members = program_members(options, roster, warnings);
    if (!members) return std::unexpected(members.error());
    print_warnings(options, warnings);
    auto row = format_row(k_load_formats, options, "load");
    if (!row) return std::unexpected(row.error());
    std::vector<std::string> documents;
    std::string text;
    std::optional<util::Error> missing;  // --person: shown for the projects they are in
    for (const auto& member : *members) {
        auto request = resolve_window_request(options, *member.history);
        if (!request) return std::unexpected(request.error());
        auto result = engine::run_load(*member.history, member.roster, engine::RosterMode::roster, *request);
        if (!result) return std::unexpected(result.error());
        auto person = selected_person(options, *result);
        if (!person) {
            missing = person.error();
            continue;
        }
        const report::LoadView view{*result, *person, detail_of(options)};
        documents.push_back((*row)->render(LoadOutput{view, color_for(options)}));
        text += (text.empty() ? "" : "\n") + ("project " + member.roster.project + ":\n") + documents.back();
    }
    if (documents.empty() && missing) return std::unexpected(*missing);
    const bool one = documents.size() == 1;
    // Several projects in JSON: one program document; otherwise each project under its name.
    const auto output = options.format != "json" ? text
                        : one ? documents.front()
                              : report::render_program_documents("roles.load/1", roster.file, documents);
    if (auto written = emit(options, output); !written) return std::unexpected(written.error());
    return util::ExitCode::ok;
}

}  // namespace

util::Expected<util::ExitCode> run_load(const Options& options) {
    if (auto row = format_row(k_load_formats, options, "load"); !row) return std::unexpected(row.error());
    PhaseTimer timer;
    auto inputs = load_roster_stage(options, timer);
    if (!inputs) return std::unexpected(inputs.error());
    if (inputs->roster.program) return run_program_load(options, inputs->roster);
    if (options.project) return not_a_program(*inputs);
    if (auto loaded = load_history_stage(options, *inputs, timer); !loaded) return std::unexpected(loaded.error());
    timer.start();
    auto result = engine::run_load(inputs->history, inputs->roster, inputs->mode, inputs->request);
    if (!result) return std::unexpected(result.error());
    timer.stop("analysis");
    auto person = selected_person(options, *result);
    if (!person) return std::unexpected(person.error());
    timer.start();
    const report::LoadView view{*result, *person, detail_of(options)};
    const auto text = render_format(k_load_formats, options, "load", LoadOutput{view, color_for(options)});
    if (!text) return std::unexpected(text.error());
    if (auto written = emit(options, *text); !written) return std::unexpected(written.error());
    timer.stop("render");
    if (options.stats) std::fprintf(stderr, "stats: %s\n", timer.report().c_str());
    util::release_at_exit(std::move(*inputs));
    util::release_at_exit(std::move(*result));
    return util::ExitCode::ok;
}

namespace {

void add_load_options(CommandBuilder& builder) {
    builder.app
        .add_option("--person", builder.options.person,
                    "one person's detail: hour and weekday histograms (local time), streak, evidence per hat")
        ->type_name("KEY");
    add_program_project(builder);
}

}  // namespace

const CommandSpec k_load_command{
    "load",
    "per-person load and burnout signals",
    HistoryOptions::window,
    load_formats,
    add_load_options,
    run_load,
    "Examples:\n  roles load                       # everyone, riskiest first\n"
    "  roles load ../nova --person gibi\n"
    "  roles load --import openstack:projects.yaml --team nova\n"
    "  roles load --format json -o load.json",
};

}  // namespace roles::cli
