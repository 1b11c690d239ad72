#include <fmt/format.h>

#include "markdown_text.hpp"

#include "roles/report/whatif.hpp"
#include "whatif_parts.hpp"

namespace roles::report {
namespace {

namespace rows = whatif_rows;

std::string md(const std::string& text) { return md_cell(text); }

std::string md_table(const rows::Row& headers, const std::vector<rows::Row>& body) {
    std::string out = "|";
    std::string rule = "|";
    for (const auto& header : headers) {
        out += " " + md(header) + " |";
        rule += " --- |";
    }
    out += "\n" + rule + "\n";
    for (const auto& row : body) {
        out += "|";
        for (const auto& cell : row) out += " " + md(cell.empty() ? std::string("—") : cell) + " |";
        out += "\n";
    }
    return out;
}

std::string handovers_md(const engine::ProjectShift& project) {
    if (project.handovers.empty()) return {};
    std::string out = "\n" + md(rows::handover_heading()) + "\n";
    for (const auto& handover : project.handovers) {
        out += "\n- **" + md(rows::handover_line(handover)) + "**\n";
        if (const auto note = rows::handover_note(handover); !note.empty()) out += "  " + md(note) + "\n";
        const auto body = rows::successor_rows(handover);
        if (!body.empty()) out += "\n" + md_table(rows::successor_headers(), body);
    }
    return out;
}

std::string project_md(const engine::ProjectShift& project, bool program, const std::string& level) {
    std::string out;
    if (program) out += "\n" + level + " Project " + md(project.project) + "\n";
    const auto hats = rows::hat_rows(project);
    out += hats.empty() ? std::string("\nNo hat changes status or holders.\n")
                        : "\n" + md_table(rows::hat_headers(), hats);
    out += "\n**Project health, before → after**\n\n";
    for (const auto& line : rows::health_lines(project, 10)) out += "- " + md(line) + "\n";
    if (const auto areas = rows::area_rows(project); !areas.empty()) out += "\n" + md_table(rows::area_headers(), areas);
    return out + handovers_md(project);
}

std::string scenario_md(const engine::Scenario& scenario, const WhatIfView& view, const std::string& level) {
    std::string out = "\n" + md(rows::leaving_line(scenario, 30)) + "\n";
    if (!scenario.failures.empty()) {
        std::string failures;
        for (const auto& failure : scenario.failures) failures += (failures.empty() ? "" : ", ") + failure;
        out += "\n**Fails the gate:** " + md(failures) + "\n";
    }
    for (const auto& project : scenario.projects) {
        if (view.result.program && !rows::changes(project)) continue;
        out += project_md(project, view.result.program, level);
    }
    return out;
}

std::string gate_md(const WhatIfView& view) {
    std::string fail_on;
    for (const auto& value : view.fail_on) fail_on += (fail_on.empty() ? "" : ",") + value;
    if (view.failed.empty()) return fmt::format("\n**Gate: passed** (`--fail-on {}`)\n", fail_on);
    std::string failed;
    for (const auto& failure : view.failed) failed += (failed.empty() ? "" : ", ") + failure;
    return fmt::format("\n**Gate: failed** (`--fail-on {}`): {}\n", fail_on, md(failed));
}

}  // namespace

std::string render_whatif_markdown(const WhatIfView& view) {
    const auto& result = view.result;
    std::string out = "# " + md(rows::title(view)) + "\n";
    if (result.each != engine::EachKind::none) {
        out += "\n" + md_table(rows::case_headers(), rows::case_rows(result));
        for (const auto* scenario : rows::full_cases(view)) {
            out += "\n## " + md(scenario->departure.subject) + "\n" + scenario_md(*scenario, view, "###");
        }
    } else {
        for (const auto& scenario : result.scenarios) out += scenario_md(scenario, view, "##");
    }
    if (!result.warnings.empty()) {
        out += "\n**Warnings**\n\n";
        for (const auto& warning : result.warnings) out += "- " + md(warning) + "\n";
    }
    return out + gate_md(view);
}

}  // namespace roles::report
