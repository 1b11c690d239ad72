#include <algorithm>

#include <fmt/format.h>

#include "roles/report/findings.hpp"
#include "roles/util/time.hpp"
#include "whatif_parts.hpp"

namespace roles::report::whatif_rows {
namespace {

std::string list(const std::vector<std::string>& words, const std::string& none = "-") {
    if (words.empty()) return none;
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : ", ") + word;
    return out;
}

// The first `limit` paths, then "and N more".
std::string paths(const std::vector<std::string>& all, std::size_t limit) {
    std::vector<std::string> shown(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(limit, all.size())));
    std::string out = list(shown);
    if (all.size() > shown.size()) out += fmt::format(" and {} more", all.size() - shown.size());
    return out;
}

std::string items(std::uint32_t count) { return fmt::format("{} item{}", count, count == 1 ? "" : "s"); }

std::string scope_name(const engine::ScopeShift& scope) {
    switch (scope.kind) {
        case engine::ScopeKind::repository: return "repository";
        case engine::ScopeKind::directory: return scope.scope == "." ? "(top-level files)" : scope.scope + "/";
        case engine::ScopeKind::hat_area: return "hat " + scope.scope;
    }
    return scope.scope;
}

bool scope_changes(const engine::ScopeShift& scope) {
    return scope.truck_factor.before != scope.truck_factor.after ||
           scope.absence_aware.before != scope.absence_aware.after || !scope.orphaned.empty() ||
           !scope.orphaned_active.empty();
}

std::string factor_line(const std::string& name, const engine::ConcentrationShift& factor) {
    std::string out = fmt::format("{} {}", name, moved(factor.factor.before, factor.factor.after));
    out += fmt::format(" (after: {} of {} credited commits in the window)", list(factor.members_after, "nobody"),
                       factor.commits_after);
    return out;
}

}  // namespace

std::string moved(std::uint32_t before, std::uint32_t after) {
    return before == after ? std::to_string(before) : fmt::format("{} → {}", before, after);
}

std::string title(const WhatIfView& view) {
    const auto& r = view.result;
    std::string who;
    switch (r.each) {
        case engine::EachKind::affiliation: who = "each affiliation leaves in turn"; break;
        case engine::EachKind::person: who = "each person leaves in turn"; break;
        case engine::EachKind::none:
            who = r.scenarios.empty() ? std::string("nobody leaves") : r.scenarios.front().departure.subject + " leaves";
            break;
    }
    std::string where = r.program ? "program" : (r.scenarios.empty() || r.scenarios.front().projects.empty()
                                                     ? std::string()
                                                     : r.scenarios.front().projects.front().project);
    if (where.empty()) where = r.mode == engine::RosterMode::discovery ? "no roster (discovery mode)" : "project";
    return fmt::format("what if {}: {}, window {} to {}{}", who, where,
                       util::format_date(r.window.begin), util::format_date(r.window.end),
                       r.each == engine::EachKind::none ? "" : fmt::format(" ({} cases, worst first)", r.scenarios.size()));
}

std::string leaving_line(const engine::Scenario& scenario, std::size_t limit) {
    const auto count = scenario.departure.people.size();
    return fmt::format("leaving: {} ({} {})", count == 0 ? std::string("nobody") : paths(scenario.departure.labels, limit),
                       count, count == 1 ? "person" : "people");
}

Row hat_headers() { return {"HAT", "STATUS", "HOLDERS", "REASON NOW"}; }

std::vector<Row> hat_rows(const engine::ProjectShift& project) {
    std::vector<Row> rows;
    for (const auto& hat : project.hats) {
        if (hat.before == hat.after && hat.holders_before == hat.holders_after) continue;
        const std::string status = hat.before == hat.after ? std::string(engine::to_string(hat.after))
                                                           : fmt::format("{} → {}", engine::to_string(hat.before),
                                                                         engine::to_string(hat.after));
        rows.push_back({hat.hat, status, list(hat.holders_before) + " → " + list(hat.holders_after), finding_message(hat.finding_after)});
    }
    return rows;
}

bool changes(const engine::ProjectShift& project) {
    if (!hat_rows(project).empty() || !project.handovers.empty() || !project.burnout_high_new.empty()) return true;
    if (project.mode == engine::RosterMode::roster_only) return false;
    return scope_changes(project.repository) || !area_rows(project).empty() ||
           project.contributor_absence.factor.before != project.contributor_absence.factor.after ||
           project.elephant.factor.before != project.elephant.factor.after;
}

std::vector<std::string> health_lines(const engine::ProjectShift& project, std::size_t limit) {
    if (project.mode == engine::RosterMode::roster_only) return {"no history: only the hats were assessed"};
    const auto& repo = project.repository;
    std::vector<std::string> out;
    out.push_back(fmt::format("truck factor {}, absence-aware {} (key people after: {})",
                              moved(repo.truck_factor.before, repo.truck_factor.after),
                              moved(repo.absence_aware.before, repo.absence_aware.after),
                              repo.key_people_after.empty() ? std::string("nobody") : paths(repo.key_people_after, limit)));
    out.push_back(fmt::format("source files with an author: {} of {}", moved(repo.covered.before, repo.covered.after), repo.files));
    if (!repo.orphaned.empty()) {
        out.push_back(fmt::format("left without an author: {} files: {}", repo.orphaned.size(), paths(repo.orphaned, limit)));
    }
    if (!repo.orphaned_active.empty()) {
        out.push_back(fmt::format("left without an active author: {} files: {}", repo.orphaned_active.size(),
                                  paths(repo.orphaned_active, limit)));
    }
    out.push_back(factor_line("contributor absence factor", project.contributor_absence));
    out.push_back(factor_line("elephant factor", project.elephant));
    if (!project.burnout_high_new.empty()) out.push_back("newly at high burnout risk: " + list(project.burnout_high_new));
    return out;
}

Row area_headers() { return {"AREA", "FILES", "TRUCK FACTOR", "ABSENCE-AWARE", "NO AUTHOR", "NO ACTIVE AUTHOR"}; }

std::vector<Row> area_rows(const engine::ProjectShift& project) {
    std::vector<Row> rows;
    for (const auto& area : project.areas) {
        if (!scope_changes(area)) continue;
        const std::string none = area.covered.after == 0 && area.files > 0 ? " (all)" : "";
        rows.push_back({scope_name(area), std::to_string(area.files), moved(area.truck_factor.before, area.truck_factor.after),
                        moved(area.absence_aware.before, area.absence_aware.after),
                        std::to_string(area.orphaned.size()) + none, std::to_string(area.orphaned_active.size())});
    }
    return rows;
}

std::string handover_heading() {
    return "where their hats' work lands (people who stay, ranked by their evidence for the hat in the window; "
           "commitment = effort of the hats held ÷ capacity, before → if they take this hat):";
}

std::string handover_line(const engine::Handover& handover) {
    return fmt::format("{} (effort {:.2f}): {} {}; {} in the window, {} of them theirs", handover.hat,
                       handover.effort, handover.held ? "held by" : "done mostly by", list(handover.leaving),
                       items(handover.items), handover.leaving_items);
}

std::string handover_note(const engine::Handover& handover) {
    switch (handover.note) {
        case engine::HandoverNote::no_evidence_rules:
            return "its work happens outside the repository (no evidence rules): nobody can be ranked";
        case engine::HandoverNote::nobody_else: return "nobody who stays did any of its work in the window";
        case engine::HandoverNote::thin_evidence:
            return fmt::format("evidence too thin to judge ({}): a weak ranking", items(handover.items));
        case engine::HandoverNote::none: return "";
    }
    return "";
}

Row successor_headers() { return {"CANDIDATE", "EVIDENCE", "COMMITMENT", "NOTE"}; }

std::vector<Row> successor_rows(const engine::Handover& handover) {
    std::vector<Row> rows;
    for (const auto& s : handover.candidates) {
        std::vector<std::string> notes;
        if (s.holder) notes.emplace_back("holds it already");
        if (s.over_committed) notes.emplace_back("over-committed");
        rows.push_back({s.label, fmt::format("{} ({:.0f}%)", items(s.evidence), s.share * 100.0),
                        fmt::format("{:.2f} → {:.2f}", s.commitment_before, s.commitment_after), list(notes, "")});
    }
    return rows;
}

Row case_headers() {
    return {"WHO",       "PEOPLE",       "FAILS",        "VACANT",  "UNDERSTAFFED", "SINGLE-POINT",
            "HATS LEFT", "NO AUTHOR", "COMMITS LOST", "TRUCK FACTOR", "ELEPHANT"};
}

std::vector<Row> case_rows(const engine::WhatIfResult& result) {
    std::vector<Row> rows;
    for (const auto& scenario : result.scenarios) {
        const auto& v = scenario.severity;
        std::string truck = "-";
        std::string elephant = "-";
        if (!result.program && !scenario.projects.empty() && scenario.projects.front().mode != engine::RosterMode::roster_only) {
            const auto& p = scenario.projects.front();
            truck = moved(p.repository.truck_factor.before, p.repository.truck_factor.after);
            elephant = moved(p.elephant.factor.before, p.elephant.factor.after);
        } else if (result.program) {
            truck = v.truck_factor_drop == 0 ? "no drop" : fmt::format("−{} in all", v.truck_factor_drop);
            elephant = v.elephant_drop == 0 ? "no drop" : fmt::format("−{} in all", v.elephant_drop);
        }
        rows.push_back({scenario.departure.subject, std::to_string(scenario.departure.people.size()),
                        std::to_string(v.failures), std::to_string(v.vacant), std::to_string(v.understaffed),
                        std::to_string(v.single_point), std::to_string(v.hats_left), std::to_string(v.orphaned),
                        std::to_string(v.commits_lost), truck, elephant});
    }
    return rows;
}

std::vector<const engine::Scenario*> full_cases(const WhatIfView& view) {
    std::vector<const engine::Scenario*> out;
    for (const auto& scenario : view.result.scenarios) {
        const bool wanted = view.detail == Detail::verbose || out.empty() ||
                            (!scenario.failures.empty() && out.size() < k_full_cases);
        if (wanted) out.push_back(&scenario);
    }
    return out;
}

}  // namespace roles::report::whatif_rows
