#include <cstdio>

#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/load.hpp"
#include "roles/report/load.hpp"
#include "roles/report/program.hpp"
#include "roles/util/lifetime.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {
namespace {

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
        documents.push_back(report::render_load_json(view));
        text += (text.empty() ? "" : "\n") + ("project " + member.roster.project + ":\n") +
                report::render_load_text(view, color_for(options));
    }
    if (documents.empty() && missing) return std::unexpected(*missing);
    const bool one = documents.size() == 1;
    const auto output = options.format != Format::json ? text
                        : one ? documents.front()
                              : report::render_program_documents("roles.load/1", roster.file, documents);
    if (auto written = emit(options, output); !written) return std::unexpected(written.error());
    return util::ExitCode::ok;
}

}  // namespace

util::Expected<util::ExitCode> run_load(const Options& options) {
    if (auto ok = require_format(options, {Format::text, Format::json, Format::markdown}, "load"); !ok)
        return std::unexpected(ok.error());
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
    const auto text = options.format == Format::json       ? report::render_load_json(view)
                      : options.format == Format::markdown ? report::render_load_markdown(view)
                                                           : report::render_load_text(view, color_for(options));
    if (auto written = emit(options, text); !written) return std::unexpected(written.error());
    timer.stop("render");
    if (options.stats) std::fprintf(stderr, "stats: %s\n", timer.report().c_str());
    util::release_at_exit(std::move(*inputs));
    util::release_at_exit(std::move(*result));
    return util::ExitCode::ok;
}

}  // namespace roles::cli
