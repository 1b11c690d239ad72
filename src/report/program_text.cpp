#include <cctype>

#include <fmt/format.h>

#include "audit_parts.hpp"
#include "roles/util/text.hpp"
#include "roles/report/program.hpp"
#include "roles/util/table.hpp"

namespace roles::report {
namespace {

// The failures of one project, without the "project/" prefix, for its own audit view.
std::vector<std::string> failures_of(const std::string& project, const std::vector<std::string>& failed) {
    std::vector<std::string> out;
    const std::string prefix = project + "/";
    for (const auto& failure : failed) {
        if (failure.starts_with(prefix)) out.push_back(failure.substr(prefix.size()));
    }
    return out;
}

std::string project_text(const engine::ProjectAudit& project, const ProgramView& view, Color color) {
    AuditView audit{project.audit, view.fail_on, failures_of(project.audit.project, view.failed), "", view.detail};
    std::string body = audit_body_text(audit, color);
    if (view.detail == Detail::quiet) return body.empty() ? body : util::printable(project.audit.project) + ":\n" + body;
    return body + "\n";
}

std::string seats_table(const std::vector<engine::SeatRow>& people) {
    util::Table table({"PERSON", "SEATS", "PROJECTS", "EFFORT", "CAPACITY", "COMMITMENT", "HATS"});
    for (const auto& row : people) {
        std::string seats;
        for (const auto& seat : row.seats) seats += (seats.empty() ? "" : ", ") + seat;
        table.add_row({row.person, std::to_string(row.seats.size()), std::to_string(row.projects),
                       fmt::format("{:.2f}", row.effort), fmt::format("{:.2f}", row.capacity),
                       fmt::format("{:.2f}", row.commitment), seats});
    }
    return table.render();
}

std::string summary(const engine::ProgramAuditResult& result) {
    std::string out = fmt::format("{} projects, {} hats:", result.projects.size(), result.hats);
    bool first = true;
    for (std::size_t s = 0; s < std::size(result.by_status); ++s) {
        if (result.by_status[s] == 0) continue;
        out += fmt::format("{} {} {}", first ? "" : ",", result.by_status[s], engine::to_string(static_cast<engine::Status>(s)));
        first = false;
    }
    return out + "\n";
}

std::vector<std::string> status_cells(std::uint32_t hats, const std::uint32_t (&by_status)[7]) {
    std::vector<std::string> cells{std::to_string(hats)};
    for (const auto count : by_status) cells.push_back(count == 0 ? "-" : std::to_string(count));
    return cells;
}

// One row per project: how many of its hats have each status, then the program's totals.
std::string status_table(const engine::ProgramAuditResult& result) {
    std::vector<std::string> headers{"PROJECT", "HATS"};
    for (std::size_t s = 0; s < std::size(result.by_status); ++s) {
        std::string name(engine::to_string(static_cast<engine::Status>(s)));
        for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        headers.push_back(std::move(name));
    }
    util::Table table(headers);
    for (const auto& project : result.projects) {
        auto cells = status_cells(project.audit.totals.hats, project.audit.totals.by_status);
        cells.insert(cells.begin(), project.audit.project);
        table.add_row(std::move(cells));
    }
    auto total = status_cells(result.hats, result.by_status);
    total.insert(total.begin(), "all projects");
    table.add_row(std::move(total));
    return table.render();
}

}  // namespace

namespace {

std::string program_body(const ProgramView& view, Color color) {
    const auto& result = view.result;
    std::string out;
    if (view.detail != Detail::quiet) out += status_table(result) + "\n";
    for (const auto& project : result.projects) out += project_text(project, view, color);
    if (view.detail == Detail::quiet) return out + gate_line(view.fail_on, view.failed);
    out += "cross-project load (seats held now, commitment = effort of all seats / capacity):\n";
    out += result.people.empty() ? std::string("  nobody holds a hat\n") : seats_table(result.people);
    out += "\n" + summary(result);
    for (const auto& warning : result.warnings) out += "warning: " + warning + "\n";
    return out + gate_line(view.fail_on, view.failed);
}

}  // namespace

std::string render_program_text(const ProgramView& view, Color color) {
    // As render_load_text: every line without colour, the table cells with.
    auto text = program_body(view, color);
    return color == Color::off ? util::printable_lines(text) : text;
}

}  // namespace roles::report
