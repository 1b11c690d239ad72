#include <algorithm>
#include <cstdio>
#include <thread>

#include "command_table.hpp"
#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/whatif.hpp"
#include "roles/report/whatif.hpp"
#include "roles/util/lifetime.hpp"
#include "roles/util/text.hpp"

namespace roles::cli {
namespace {

util::Expected<engine::WhatIfRequest> whatif_request(const Options& options) {
    auto fail_on = engine::parse_fail_on(options.fail_on);
    if (!fail_on) return std::unexpected(fail_on.error());
    engine::WhatIfRequest request;
    request.without = options.without;
    request.fail_on = *fail_on;
    // As the loader: one thread per core, at most 4, unless --threads says otherwise.
    request.threads = options.threads != 0 ? options.threads : std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
    if (options.without_each) {
        request.each = *options.without_each == "@" ? engine::EachKind::affiliation : engine::EachKind::person;
    } else if (options.without.empty()) {
        return util::fail(util::ErrorKind::usage, "whatif",
                          "say who leaves: --without WHO... or --without-each @|person (run 'roles whatif --help')");
    }
    return request;
}

// "SUBJECT: hat" for every case's failures, in case order.
std::vector<std::string> failures_of(const engine::WhatIfResult& result) {
    std::vector<std::string> out;
    for (const auto& scenario : result.scenarios) {
        for (const auto& failure : scenario.failures) out.push_back(scenario.departure.subject + ": " + failure);
    }
    return out;
}

struct WhatIfOutput {
    const report::WhatIfView& view;
    report::Color color;
};

std::string whatif_text(const WhatIfOutput& out) { return report::render_whatif_text(out.view, out.color); }
std::string whatif_json(const WhatIfOutput& out) { return report::render_whatif_json(out.view); }
std::string whatif_markdown(const WhatIfOutput& out) { return report::render_whatif_markdown(out.view); }

// The whatif format table.
const FormatTable<WhatIfOutput> k_whatif_formats{
    {{"text", ""}, whatif_text},
    {{"json", ""}, whatif_json},
    {{"markdown", ""}, whatif_markdown},
};

std::vector<FormatInfo> whatif_formats() { return format_infos(k_whatif_formats); }

util::Expected<util::ExitCode> render(const Options& options, const engine::WhatIfResult& result) {
    const auto detail = options.quiet           ? report::Detail::quiet
                        : options.verbosity > 0 ? report::Detail::verbose
                                                : report::Detail::normal;
    const report::WhatIfView view{result, options.fail_on, failures_of(result), detail};
    const auto text = render_format(k_whatif_formats, options, "whatif", WhatIfOutput{view, color_for(options)});
    if (!text) return std::unexpected(text.error());
    if (auto written = emit(options, *text); !written) return std::unexpected(written.error());
    return view.failed.empty() ? util::ExitCode::ok : util::ExitCode::gate_failed;
}

util::Expected<engine::WhatIfResult> program_whatif(const Options& options, const roster::Roster& roster,
                                                    engine::WhatIfRequest request, PhaseTimer& timer) {
    std::vector<std::string> warnings;
    auto histories = load_program_histories(options, roster, warnings, timer);
    if (!histories) return std::unexpected(histories.error());
    static const git::History k_no_history;
    auto window = resolve_window_request(options, k_no_history);
    if (!window) return std::unexpected(window.error());
    request.window = *window;
    engine::ProgramInput input{roster, {}, *window};
    for (const auto& history : *histories) input.histories.push_back(history ? &*history : nullptr);
    timer.start();
    auto result = engine::run_program_whatif(input, request);
    if (!result) return std::unexpected(result.error());
    timer.stop("analysis");
    result->warnings.insert(result->warnings.begin(), warnings.begin(), warnings.end());
    util::release_at_exit(std::move(*histories));
    return result;
}

}  // namespace

util::Expected<util::ExitCode> run_whatif(const Options& options) {
    if (auto row = format_row(k_whatif_formats, options, "whatif"); !row) return std::unexpected(row.error());
    auto request = whatif_request(options);
    if (!request) return std::unexpected(request.error());
    PhaseTimer timer;
    auto inputs = load_roster_stage(options, timer);
    if (!inputs) return std::unexpected(inputs.error());
    util::Expected<engine::WhatIfResult> result = util::fail(util::ErrorKind::internal, "whatif", "not run");
    if (inputs->roster.program) {
        result = program_whatif(options, inputs->roster, *request, timer);
    } else {
        if (auto loaded = load_history_stage(options, *inputs, timer); !loaded) return std::unexpected(loaded.error());
        const auto deep = refuse_shallow(options, inputs->history, "repository " + util::quoted(options.repo));
        if (!deep) return std::unexpected(deep.error());
        request->window = inputs->request;
        timer.start();
        result = engine::run_whatif(inputs->history, inputs->roster, inputs->mode, *request);
        timer.stop("analysis");
    }
    if (!result) return std::unexpected(result.error());
    timer.start();
    auto code = render(options, *result);
    timer.stop("render");
    if (options.stats) std::fprintf(stderr, "stats: %s\n", timer.report().c_str());
    util::release_at_exit(std::move(*inputs));
    util::release_at_exit(std::move(*result));
    return code;
}

namespace {

void add_whatif_options(CommandBuilder& builder) {
    auto& app = builder.app;
    auto& options = builder.options;
    auto* without = app.add_option("--without", options.without,
                                   "who leaves: person keys, emails, names, or @Affiliation (a roster "
                                   "affiliation or an email domain)")
                        ->type_name("WHO");
    auto* each = app.add_option("--without-each", options.without_each,
                                "each case in turn, worst first: @ (every affiliation) or person")
                     ->check(CLI::IsMember({"@", "person"}))
                     ->excludes(without)
                     ->type_name("@|person");
    builder.notes.set_choices(each, {"@", "person"});
    app.add_option("--active-within", options.active_within,
                   "absence-aware truck factor: authors idle this long before the window's end are gone "
                   "(default 1y)")
        ->type_name("DURATION");
    app.add_flag("--allow-shallow", options.allow_shallow, "analyse a shallow clone anyway (otherwise exit 2)");
    add_fail_on(builder, " when a departure newly causes it");
}

}  // namespace

const CommandSpec k_whatif_command{
    "whatif",
    "the audit once some people or a company have left",
    HistoryOptions::window,
    whatif_formats,
    add_whatif_options,
    run_whatif,
    "Examples:\n  roles whatif --without gibi             # gibi steps down\n"
    "  roles whatif ../nova --without '@Red Hat' --format markdown\n"
    "  roles whatif --without-each @ --fail-on vacant   # CI: no company's leaving empties a hat",
};

}  // namespace roles::cli
