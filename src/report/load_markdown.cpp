// `roles load --format markdown`: a job summary of the burnout signals. People at high or
// medium risk first, the rest collapsed; people off the roster without a signal only counted,
// so that the summary of a project with hundreds of contributors stays small.
#include <algorithm>

#include <fmt/format.h>

#include "markdown_text.hpp"
#include "roles/report/load.hpp"
#include "roles/util/time.hpp"

namespace roles::report {
namespace {

using engine::RiskLevel;

std::string percent(double share) {
    return fmt::format("{:.0f}%", share * 100.0);
}

// "ana\*" marks a sole hat, as the text table does.
std::string hats_cell(const engine::PersonLoadRow& row) {
    std::vector<std::string> hats;
    for (const auto& hat : row.hats) {
        const bool sole = std::ranges::find(row.sole_hats, hat) != row.sole_hats.end();
        hats.push_back(md_escape(hat) + (sole ? "\\*" : ""));
    }
    if (hats.empty()) return "—";
    std::string out;
    for (const auto& hat : hats) out += (out.empty() ? "" : ", ") + hat;
    return out;
}

std::string person_cell(const engine::PersonLoadRow& row) {
    if (row.name.empty() || row.name == row.key) return md_escape(row.key);
    return md_escape(row.name) + " (" + md_escape(row.key) + ")";
}

constexpr const char* k_table_head =
    "| person | risk | commitment | hats | commits | active days | share | signals |\n"
    "|---|---|--:|---|--:|--:|--:|---|\n";

std::string person_row(const engine::PersonLoadRow& row) {
    return fmt::format("| {} | {} | {:.2f} | {} | {} | {} | {} | {} |\n", person_cell(row),
                       engine::to_string(row.risk), row.commitment, hats_cell(row), row.load.profile.commits,
                       row.load.profile.active_days, percent(row.commit_share),
                       md_escape(signals_brief(row.load)));
}

bool at_risk(const engine::PersonLoadRow& row) {
    return row.risk == RiskLevel::high || row.risk == RiskLevel::medium;
}

std::string overview(const LoadView& view) {
    const auto& r = view.result;
    std::string risky;
    std::string rest;
    std::size_t high = 0, medium = 0, low = 0, rest_rows = 0, uncounted = 0;
    for (const auto& row : r.people) {
        high += row.risk == RiskLevel::high ? 1 : 0;
        medium += row.risk == RiskLevel::medium ? 1 : 0;
        low += row.risk == RiskLevel::low ? 1 : 0;
        if (at_risk(row)) {
            risky += person_row(row);
        } else if (row.risk == RiskLevel::low || row.on_roster) {
            rest += person_row(row);
            ++rest_rows;
        } else {
            ++uncounted;
        }
    }
    std::string out = fmt::format(
        "**{} at high burnout risk, {} at medium, {} at low** (of {}; a signal is a "
        "figure to ask about, never a diagnosis).\n\n",
        md_count(high, "person", "people"), medium, low, md_count(r.people.size(), "person", "people"));
    out += risky.empty() ? "Nobody shows two or more signals.\n\n" : std::string(k_table_head) + risky + "\n";
    out += md_warnings(r.warnings);
    if (view.detail == Detail::quiet) return out;
    out += fmt::format("<details>\n<summary>{} with one signal or on the roster</summary>\n\n",
                       md_count(rest_rows, "other person", "other people"));
    if (!rest.empty()) out += std::string(k_table_head) + rest + "\n";
    if (uncounted > 0) {
        out += fmt::format("And {} active in the window off the roster without a signal.\n\n",
                           md_count(uncounted, "person", "people"));
    }
    return out + "</details>\n";
}

std::string person_detail(const LoadView& view) {
    const auto& row = *view.person;
    std::string out = fmt::format("**{}: risk {}**, signals: {}.\n\n", person_cell(row),
                                  engine::to_string(row.risk), md_escape(signals_brief(row.load)));
    out += std::string(k_table_head) + person_row(row) + "\n";
    if (!row.evidence.empty()) {
        out +=
            "| hat | held | effort | evidence | of items | share | last |\n|---|---|--:|--:|--:|--:|---|\n";
        for (const auto& e : row.evidence) {
            out += fmt::format("| {} | {} | {:.2f} | {} | {} | {} | {} |\n", md_escape(e.hat),
                               e.sole   ? "sole holder"
                               : e.held ? "holder"
                                        : "no",
                               e.effort, e.evidence, e.items, percent(e.share),
                               e.last ? util::format_date(*e.last) : std::string("—"));
        }
        out += "\n";
    }
    return out + md_warnings(view.result.warnings);
}

}  // namespace

std::string render_load_markdown(const LoadView& view) {
    const auto& r = view.result;
    std::string out =
        fmt::format("## roles load: {}\n\n", md_escape(r.project.empty() ? "(unnamed project)" : r.project));
    out += fmt::format("Window {} .. {}, HEAD `{}`: {}.\n\n", util::format_date(r.window.begin),
                       util::format_date(r.window.end), r.head_id.substr(0, 12),
                       md_count(r.commits, "counted commit", "counted commits"));
    return out + (view.person != nullptr ? person_detail(view) : overview(view));
}

}  // namespace roles::report
