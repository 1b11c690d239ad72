#include <fmt/color.h>
#include <fmt/format.h>

#include "audit_parts.hpp"
#include "roles/report/whatif.hpp"
#include "roles/util/table.hpp"
#include "whatif_parts.hpp"

namespace roles::report {
namespace {

namespace rows = whatif_rows;

std::string indented(const std::string& text, const std::string& by) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        const auto line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        out += (line.empty() ? "" : by) + line + "\n";
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// A status cell's colour follows the status after the arrow.
std::string paint_status(const std::string& cell, Color color) {
    if (color == Color::off) return cell;
    const auto arrow = cell.rfind("→ ");
    const std::string after = arrow == std::string::npos ? cell : cell.substr(arrow + std::string("→ ").size());
    if (after.starts_with("vacant") || after.starts_with("understaffed")) {
        return fmt::format(fmt::fg(fmt::terminal_color::bright_red) | fmt::emphasis::bold, "{}", cell);
    }
    if (after.starts_with("single-point") || after.starts_with("stale") || after.starts_with("shadowed")) {
        return fmt::format(fmt::fg(fmt::terminal_color::yellow), "{}", cell);
    }
    return cell;
}

std::string table(const rows::Row& headers, const std::vector<rows::Row>& body, Color color = Color::off,
                  std::size_t status_column = 99) {
    util::Table t(headers);
    for (const auto& row : body) t.add_row(row);
    return t.render([&](std::size_t row, std::size_t column, const std::string& cell) {
        return row > 0 && column == status_column ? paint_status(cell, color) : cell;
    });
}

std::string handovers_text(const engine::ProjectShift& project) {
    if (project.handovers.empty()) return {};
    std::string out = "\n" + rows::handover_heading() + "\n";
    for (const auto& handover : project.handovers) {
        out += "  " + rows::handover_line(handover) + "\n";
        if (const auto note = rows::handover_note(handover); !note.empty()) out += "    " + note + "\n";
        const auto body = rows::successor_rows(handover);
        if (!body.empty()) out += indented(table(rows::successor_headers(), body), "    ");
    }
    return out;
}

std::string project_text(const engine::ProjectShift& project, const WhatIfView& view, Color color) {
    std::string out;
    if (view.result.program) out += "\nproject " + project.project + ":\n";
    const auto hats = rows::hat_rows(project);
    if (hats.empty()) {
        out += "no hat changes status or holders\n";
    } else {
        out += table(rows::hat_headers(), hats, color, 1);
        const auto unchanged = project.hats.size() - hats.size();
        if (unchanged > 0) out += fmt::format("({} other hat{} unchanged)\n", unchanged, unchanged == 1 ? "" : "s");
    }
    out += "\nproject health, before → after:\n";
    const std::size_t limit = view.detail == Detail::verbose ? 50 : 5;
    for (const auto& line : rows::health_lines(project, limit)) out += "  " + line + "\n";
    if (const auto areas = rows::area_rows(project); !areas.empty()) {
        out += "\n" + table(rows::area_headers(), areas);
    }
    return out + handovers_text(project);
}

std::string scenario_text(const engine::Scenario& scenario, const WhatIfView& view, Color color) {
    std::string out = rows::leaving_line(scenario, view.detail == Detail::verbose ? 1000 : 12) + "\n";
    if (!view.result.program) out += "\n";
    std::size_t unchanged = 0;
    for (const auto& project : scenario.projects) {
        if (view.result.program && !rows::changes(project)) {
            ++unchanged;
            continue;
        }
        out += project_text(project, view, color);
    }
    if (unchanged > 0) out += fmt::format("\n({} other project{} unchanged)\n", unchanged, unchanged == 1 ? "" : "s");
    return out;
}

std::string cases_text(const WhatIfView& view) {
    std::vector<rows::Row> body = rows::case_rows(view.result);
    if (view.detail == Detail::quiet) {
        std::vector<rows::Row> failing;
        for (std::size_t i = 0; i < body.size(); ++i) {
            if (!view.result.scenarios[i].failures.empty()) failing.push_back(body[i]);
        }
        body = std::move(failing);
    }
    return body.empty() ? std::string() : table(rows::case_headers(), body);
}

}  // namespace

std::string render_whatif_text(const WhatIfView& view, Color color) {
    const auto& result = view.result;
    const bool each = result.each != engine::EachKind::none;
    if (view.detail == Detail::quiet) {
        std::string out = each ? cases_text(view) : std::string();
        if (!each && !view.failed.empty()) out += rows::leaving_line(result.scenarios.front(), 12) + "\n";
        return out + gate_line(view.fail_on, view.failed);
    }
    std::string out = rows::title(view) + "\n";
    if (each) {
        out += "\n" + cases_text(view);
        const auto full = rows::full_cases(view);
        out += fmt::format("\nin full: {} of {} case{} (-v: all; JSON has every case)\n", full.size(),
                           result.scenarios.size(), result.scenarios.size() == 1 ? "" : "s");
        for (const auto* scenario : full) out += "\n== " + scenario->departure.subject + " ==\n" + scenario_text(*scenario, view, color);
    } else {
        for (const auto& scenario : result.scenarios) out += scenario_text(scenario, view, color);
    }
    out += "\n";
    for (const auto& warning : result.warnings) out += "warning: " + warning + "\n";
    return out + gate_line(view.fail_on, view.failed);
}

}  // namespace roles::report
