#include <nlohmann/json.hpp>

#include "json_text.hpp"
#include "roles/report/findings.hpp"
#include "roles/report/whatif.hpp"
#include "roles/util/time.hpp"

namespace roles::report {
namespace {

using Json = nlohmann::ordered_json;

Json shift_json(const engine::Shift& shift) { return {{"before", shift.before}, {"after", shift.after}}; }

Json hat_json(const engine::HatShift& hat) {
    return {{"hat", hat.hat},
            {"title", hat.title},
            {"required", hat.required},
            {"effort", hat.effort},
            {"before", engine::to_string(hat.before)},
            {"after", engine::to_string(hat.after)},
            {"holders_before", hat.holders_before},
            {"holders_after", hat.holders_after},
            {"leaving", hat.leaving},
            {"reason_after", finding_message(hat.finding_after)},
            {"failed", hat.failed}};
}

Json scope_json(const engine::ScopeShift& scope) {
    return {{"kind", engine::to_string(scope.kind)},
            {"scope", scope.scope},
            {"files", scope.files},
            {"truck_factor", shift_json(scope.truck_factor)},
            {"absence_aware", shift_json(scope.absence_aware)},
            {"covered", shift_json(scope.covered)},
            {"orphaned", scope.orphaned},
            {"orphaned_active", scope.orphaned_active},
            {"key_people_after", scope.key_people_after}};
}

Json concentration_json(const engine::ConcentrationShift& factor) {
    return {{"factor", shift_json(factor.factor)},
            {"commits_before", factor.commits_before},
            {"commits_after", factor.commits_after},
            {"members_after", factor.members_after}};
}

Json successor_json(const engine::Successor& s) {
    return {{"person", s.key},
            {"name", s.label},
            {"evidence", s.evidence},
            {"share", s.share},
            {"holder", s.holder},
            {"capacity", s.capacity},
            {"commitment_before", s.commitment_before},
            {"commitment_after", s.commitment_after},
            {"over_committed", s.over_committed}};
}

Json handover_json(const engine::Handover& handover) {
    Json candidates = Json::array();
    for (const auto& candidate : handover.candidates) candidates.push_back(successor_json(candidate));
    return {{"hat", handover.hat},
            {"title", handover.title},
            {"effort", handover.effort},
            {"held", handover.held},
            {"leaving", handover.leaving},
            {"items", handover.items},
            {"leaving_items", handover.leaving_items},
            {"note", engine::to_string(handover.note)},
            {"candidates", candidates}};
}

Json health_json(const engine::ProjectShift& project) {
    if (project.mode == engine::RosterMode::roster_only) return nullptr;
    Json areas = Json::array();
    for (const auto& area : project.areas) areas.push_back(scope_json(area));
    return {{"truck_factor", scope_json(project.repository)},
            {"areas", areas},
            {"contributor_absence", concentration_json(project.contributor_absence)},
            {"elephant", concentration_json(project.elephant)}};
}

Json project_json(const engine::ProjectShift& project) {
    Json hats = Json::array();
    for (const auto& hat : project.hats) hats.push_back(hat_json(hat));
    Json handovers = Json::array();
    for (const auto& handover : project.handovers) handovers.push_back(handover_json(handover));
    return {{"project", project.project}, {"mode", engine::to_string(project.mode)},
            {"hats", hats},               {"health", health_json(project)},
            {"handovers", handovers},     {"burnout_high_new", project.burnout_high_new}};
}

Json severity_json(const engine::Severity& s) {
    return {{"failures", s.failures},         {"vacant", s.vacant},
            {"understaffed", s.understaffed}, {"single_point", s.single_point},
            {"hats_left", s.hats_left},       {"orphaned", s.orphaned},
            {"truck_factor_drop", s.truck_factor_drop}, {"commits_lost", s.commits_lost},
            {"elephant_drop", s.elephant_drop}};
}

Json scenario_json(const engine::Scenario& scenario) {
    Json people = Json::array();
    for (std::size_t i = 0; i < scenario.departure.people.size(); ++i) {
        people.push_back({{"person", scenario.departure.people[i]}, {"name", scenario.departure.labels.at(i)}});
    }
    Json projects = Json::array();
    for (const auto& project : scenario.projects) projects.push_back(project_json(project));
    return {{"subject", scenario.departure.subject}, {"people", people},
            {"failures", scenario.failures},         {"severity", severity_json(scenario.severity)},
            {"projects", projects}};
}

}  // namespace

std::string render_whatif_json(const WhatIfView& view) {
    const auto& r = view.result;
    Json scenarios = Json::array();
    for (const auto& scenario : r.scenarios) scenarios.push_back(scenario_json(scenario));
    const Json out = {
        {"schema", "roles.whatif/1"},
        {"roster", r.roster_file.empty() ? Json(nullptr) : Json(r.roster_file)},
        {"program", r.program},
        {"mode", engine::to_string(r.mode)},
        {"window",
         {{"since", util::format_date(r.window.begin)},
          {"until", util::format_date(r.window.end)},
          {"rule", engine::to_string(r.window_rule)}}},
        {"head", r.head_id.empty() ? Json(nullptr) : Json(r.head_id)},
        {"each", engine::to_string(r.each)},
        {"scenarios", scenarios},
        {"gate", {{"fail_on", view.fail_on}, {"failed", view.failed}, {"passed", view.failed.empty()}}},
        {"warnings", r.warnings}};
    return json_text(out);
}

}  // namespace roles::report
