#include <cstdio>

#include "roles/cli/commands.hpp"
#include "roles/cli/output.hpp"
#include "roles/engine/identity_report.hpp"
#include "roles/report/identities.hpp"
#include "roles/util/lifetime.hpp"

namespace roles::cli {

util::Expected<util::ExitCode> run_identities(const Options& options) {
    if (auto ok = require_format(options, {Format::text, Format::json}, "identities"); !ok) {
        return std::unexpected(ok.error());
    }
    PhaseTimer timer;
    auto inputs = load_project_inputs(options, timer);
    if (!inputs) return std::unexpected(inputs.error());
    timer.start();
    const auto resolution = engine::resolve_identities(inputs->history, inputs->roster);
    auto report = engine::report_identities(inputs->history, resolution);
    report.warnings = inputs->roster.warnings;
    for (const auto& warning : inputs->history.warnings) report.warnings.push_back(warning);
    timer.stop("analysis");
    const auto text = options.format == Format::json ? report::render_identities_json(report)
                                                     : report::render_identities_text(report, options.verbosity > 0);
    if (auto written = emit(options, text); !written) return std::unexpected(written.error());
    if (options.stats) std::fprintf(stderr, "stats: %s\n", timer.report().c_str());
    util::release_at_exit(std::move(*inputs));
    return util::ExitCode::ok;
}

}  // namespace roles::cli
