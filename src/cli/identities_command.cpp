#include <cstdio>

#include "command_table.hpp"
#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/identity_report.hpp"
#include "roles/report/identities.hpp"
#include "roles/util/lifetime.hpp"

namespace roles::cli {
namespace {

struct IdentitiesOutput {
    const engine::IdentityReport& report;
    const Options& options;
};

std::string identities_text(const IdentitiesOutput& out) {
    return report::render_identities_text(out.report, out.options.verbosity > 0);
}
std::string identities_json(const IdentitiesOutput& out) { return report::render_identities_json(out.report); }

// The identities format table.
const FormatTable<IdentitiesOutput> k_identities_formats{
    {{"text", ""}, identities_text},
    {{"json", ""}, identities_json},
};

std::vector<FormatInfo> identities_formats() { return format_infos(k_identities_formats); }

}  // namespace

util::Expected<util::ExitCode> run_identities(const Options& options) {
    if (auto row = format_row(k_identities_formats, options, "identities"); !row) return std::unexpected(row.error());
    PhaseTimer timer;
    auto inputs = load_project_inputs(options, timer);
    if (!inputs) return std::unexpected(inputs.error());
    timer.start();
    const auto resolution = engine::resolve_identities(inputs->history, inputs->roster);
    auto report = engine::report_identities(inputs->history, resolution);
    report.warnings = inputs->roster.warnings;
    for (const auto& warning : inputs->history.warnings) report.warnings.push_back(warning);
    timer.stop("analysis");
    const auto text = render_format(k_identities_formats, options, "identities", IdentitiesOutput{report, options});
    if (!text) return std::unexpected(text.error());
    if (auto written = emit(options, *text); !written) return std::unexpected(written.error());
    if (options.stats) std::fprintf(stderr, "stats: %s\n", timer.report().c_str());
    util::release_at_exit(std::move(*inputs));
    return util::ExitCode::ok;
}

const CommandSpec k_identities_command{
    "identities",
    "who is who: the identities behind each person, and tools",
    HistoryOptions::window,
    identities_formats,
    nullptr,
    run_identities,
    "Examples:\n  roles identities                 # people with several identities, tools, likely merges\n"
    "  roles identities ../nova -v      # everyone\n"
    "  roles identities --import openstack:projects.yaml --team nova\n"
    "  roles identities --format json -o identities.json",
};

}  // namespace roles::cli
