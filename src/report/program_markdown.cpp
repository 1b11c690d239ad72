// `roles audit --format markdown` on a program roster: the job summary of audit_markdown.cpp
// over every project, failures named PROJECT/HAT.
#include <algorithm>

#include <fmt/format.h>

#include "markdown_text.hpp"
#include "roles/report/program.hpp"

namespace roles::report {
namespace {

bool failed(const ProgramView& view, const std::string& id) {
    return std::ranges::find(view.failed, id) != view.failed.end();
}

std::string failing_table(const ProgramView& view) {
    if (view.failed.empty()) return {};
    std::string out = "| failing | status | holders | reason |\n|---|---|---|---|\n";
    for (const auto& project : view.result.projects) {
        const auto prefix = project.audit.project + "/";
        for (const auto& hat : project.audit.hats) {
            if (failed(view, prefix + hat.hat)) out += md_failing_hat_row(hat, prefix);
        }
        for (const auto& row : project.audit.health.burnout_high) {
            if (failed(view, prefix + "burnout:" + row.key)) out += md_burnout_row(row, prefix);
        }
    }
    return out + "\n";
}

std::string projects_table(const engine::ProgramAuditResult& result) {
    std::string out = "| project | repositories | hats | statuses |\n|---|---|--:|---|\n";
    for (const auto& project : result.projects) {
        const auto& audit = project.audit;
        out += fmt::format("| {} | {} | {} | {} |\n", md_escape(audit.project),
                           md_list(project.repos, "none: roster only"), audit.totals.hats,
                           md_status_counts(audit.totals.by_status));
    }
    return out + "\n";
}

std::string other_hats(const ProgramView& view, std::size_t& shown) {
    std::string rows;
    for (const auto& project : view.result.projects) {
        const auto prefix = project.audit.project + "/";
        for (const auto& hat : project.audit.hats) {
            if (failed(view, prefix + hat.hat)) continue;
            rows += md_hat_row(hat, prefix);
            ++shown;
        }
    }
    if (rows.empty()) return {};
    return "| hat | status | holders | evidence | holders' share | reason |\n|---|---|---|--:|--:|---|\n" +
           rows + "\n";
}

// The cross-project picture: people with seats in more than one project, or over capacity.
std::string seats_table(const engine::ProgramAuditResult& result) {
    std::string rows;
    for (const auto& row : result.people) {
        if (row.projects < 2 && row.commitment <= 1.0) continue;
        rows += fmt::format("| {} | {} | {} | {:.2f} | {:.2f} | {:.2f} |\n", md_escape(row.person),
                            md_list(row.seats), row.projects, row.effort, row.capacity, row.commitment);
    }
    if (rows.empty()) return "Nobody holds seats in more than one project or over their capacity.\n\n";
    return "People with seats in more than one project, or over their capacity:\n\n"
           "| person | seats | projects | effort | capacity | commitment |\n|---|---|--:|--:|--:|--:|\n" +
           rows + "\n";
}

std::string details(const ProgramView& view) {
    std::size_t shown = 0;
    const auto hats = other_hats(view, shown);
    const auto label = view.failed.empty() ? "all " + md_count(shown, "hat", "hats")
                                           : md_count(shown, "other hat", "other hats");
    return fmt::format("<details>\n<summary>Projects, {}, seats across projects</summary>\n\n", label) +
           projects_table(view.result) + hats + seats_table(view.result) + "</details>\n";
}

}  // namespace

std::string render_program_markdown(const ProgramView& view) {
    const auto& result = view.result;
    std::string out = fmt::format("## roles audit: program {}\n\n", md_escape(result.roster_file));
    out += md_gate(view.fail_on, view.failed) + failing_table(view) + md_warnings(result.warnings);
    out += fmt::format("{}, {}: {}.\n\n", md_count(result.projects.size(), "project", "projects"),
                       md_count(result.hats, "hat", "hats"), md_status_counts(result.by_status));
    return view.detail == Detail::quiet ? out : out + details(view);
}

}  // namespace roles::report
