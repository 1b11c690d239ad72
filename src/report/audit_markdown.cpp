// `roles audit --format markdown`: a job summary for $GITHUB_STEP_SUMMARY or a merge-request
// comment. The gate first, then what failed it with the reasons, then the rest collapsed.
#include <algorithm>

#include <fmt/format.h>

#include "audit_parts.hpp"
#include "markdown_text.hpp"
#include "roles/report/audit.hpp"
#include "roles/report/load.hpp"
#include "roles/util/time.hpp"

namespace roles::report {
namespace {

bool failed(const AuditView& view, const std::string& id) {
    return std::ranges::find(view.failed_hats, id) != view.failed_hats.end();
}

const engine::PersonLoadRow* burnout_row(const engine::AuditResult& r, const std::string& id) {
    for (const auto& row : r.health.burnout_high) {
        if ("burnout:" + row.key == id) return &row;
    }
    return nullptr;
}

std::string failing_table(const AuditView& view) {
    if (view.failed_hats.empty()) return {};
    std::string out = "| failing | status | holders | reason |\n|---|---|---|---|\n";
    for (const auto& hat : view.result.hats) {
        if (failed(view, hat.hat)) out += md_failing_hat_row(hat, "");
    }
    for (const auto& id : view.failed_hats) {
        if (const auto* row = burnout_row(view.result, id)) out += md_burnout_row(*row, "");
    }
    return out + "\n";
}

std::string context_line(const engine::AuditResult& r) {
    const auto hats =
        fmt::format("{}: {}.", md_count(r.totals.hats, "hat", "hats"), md_status_counts(r.totals.by_status));
    if (r.mode == engine::RosterMode::roster_only)
        return "No repository: coverage from the roster alone. " + hats + "\n\n";
    return fmt::format("Window {} .. {}, HEAD `{}`: {} by {}. {}\n\n", util::format_date(r.window.begin),
                       util::format_date(r.window.end), r.head_id.substr(0, 12),
                       md_count(r.totals.commits, "commit", "commits"),
                       md_count(r.totals.contributors, "person", "people"), hats);
}

std::string truck_words(const engine::ProjectFactors& f) {
    const auto& tf = f.truck_factor;
    if (tf.files == 0) return "no source file at HEAD";
    std::vector<std::string> people;
    for (const auto& p : tf.people) people.push_back(p.label);
    return fmt::format("{} ({}; {} source files), absence-aware {}", tf.truck_factor,
                       md_list(people, "nobody"), tf.files, tf.absent.truck_factor);
}

std::string health_lines(const engine::ProjectHealth& health) {
    const auto& f = health.factors;
    if (f.files_at_head == 0 && f.contributor_absence.total_commits == 0 && health.burnout_high.empty())
        return {};
    std::vector<std::string> risky;
    for (const auto& row : health.burnout_high)
        risky.push_back(row.key + " (" + signals_brief(row.load) + ")");
    return fmt::format(
        "**Project health:** truck factor {}; contributor absence factor {}; elephant factor {} "
        "(of {} credited commits); high burnout risk: {}.\n\n",
        truck_words(f), f.contributor_absence.factor, f.elephant.factor, f.contributor_absence.total_commits,
        md_list(risky, "nobody"));
}

std::string details(const AuditView& view) {
    const auto& r = view.result;
    std::string rows;
    std::size_t shown = 0;
    for (const auto& hat : r.hats) {
        if (failed(view, hat.hat)) continue;
        rows += md_hat_row(hat, "");
        ++shown;
    }
    const auto health = health_lines(r.health);
    if (shown == 0 && health.empty()) return {};
    auto label = view.failed_hats.empty() ? "All " + md_count(shown, "hat", "hats")
                                          : md_count(shown, "other hat", "other hats");
    if (!health.empty()) label += ", project health";
    std::string out = "<details>\n<summary>" + label + "</summary>\n\n";
    if (shown > 0)
        out +=
            "| hat | status | holders | evidence | holders' share | reason |\n|---|---|---|--:|--:|---|\n" +
            rows + "\n";
    return out + health + "</details>\n";
}

}  // namespace

std::string render_audit_markdown(const AuditView& view) {
    const auto& r = view.result;
    std::string out =
        fmt::format("## roles audit: {}\n\n", md_escape(r.project.empty() ? "(unnamed project)" : r.project));
    out += md_gate(view.fail_on, view.failed_hats) + failing_table(view) + md_warnings(r.warnings);
    if (!view.note.empty() && view.detail != Detail::quiet) out += "> " + md_escape(view.note) + "\n\n";
    out += context_line(r);
    return view.detail == Detail::quiet ? out : out + details(view);
}

}  // namespace roles::report
