#include <cstdio>

#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/load.hpp"
#include "roles/report/load.hpp"
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

}  // namespace

util::Expected<util::ExitCode> run_load(const Options& options) {
    if (auto ok = require_format(options, {Format::text, Format::json, Format::markdown}, "load"); !ok)
        return std::unexpected(ok.error());
    PhaseTimer timer;
    auto inputs = load_project_inputs(options, timer);
    if (!inputs) return std::unexpected(inputs.error());
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
