#include <nlohmann/json.hpp>

#include "finding_json.hpp"
#include "json_text.hpp"
#include "audit_parts.hpp"
#include "roles/roster/automation.hpp"
#include "roles/report/findings.hpp"
#include "roles/report/audit.hpp"
#include "roles/report/load.hpp"
#include "roles/util/time.hpp"

namespace roles::report {
namespace {

using Json = nlohmann::ordered_json;

Json holders_json(const engine::HatCoverage& hat) {
    Json out = Json::array();
    for (const auto& h : hat.holders) {
        out.push_back({{"person", h.key},
                       {"active", h.active},
                       {"last_active", h.last_active ? Json(util::format_date(*h.last_active)) : Json(nullptr)},
                       {"last_active_kind", h.last_active ? Json(roster::to_string(h.last_kind)) : Json(nullptr)},
                       {"evidence", h.evidence}});
    }
    return out;
}

Json contributors_json(const engine::HatCoverage& hat) {
    Json out = Json::array();
    for (const auto& c : hat.contributors) {
        out.push_back({{"person", c.key}, {"name", c.label}, {"evidence", c.evidence}, {"share", c.share}, {"holder", c.holder}});
    }
    return out;
}

// Findings beside the status, as codes with their arguments ([] when there are none).
Json hat_findings_json(const engine::HatCoverage& hat) {
    Json out = Json::array();
    if (hat.thin_evidence) {
        out.push_back({{"code", "thin-evidence"},
                       {"items", hat.thin_evidence->items},
                       {"needed", hat.thin_evidence->needed}});
    }
    return out;
}

Json hat_json(const engine::HatCoverage& hat) {
    return {{"id", hat.hat},
            {"title", hat.title},
            {"required", hat.required},
            {"min", hat.min},
            {"effort", hat.effort},
            {"status", engine::to_string(hat.status)},
            {"reason", finding_message(hat.finding)},
            {"findings", hat_findings_json(hat)},
            {"people", hat.people},
            {"holders", holders_json(hat)},
            {"former_holders", hat.former_holders},
            {"fallback_from", hat.fallback_from.empty() ? Json(nullptr) : Json(hat.fallback_from)},
            {"evidence", {{"items", hat.evidence_items}, {"holder_share", hat.holder_share}}},
            {"contributors", contributors_json(hat)}};
}

Json totals_json(const engine::AuditTotals& totals) {
    Json by_status = Json::object();
    for (std::size_t s = 0; s < std::size(totals.by_status); ++s) {
        by_status[std::string(engine::to_string(static_cast<engine::Status>(s)))] = totals.by_status[s];
    }
    return {{"commits", totals.commits}, {"merges", totals.merges},     {"bot_commits", totals.bot_commits},
            {"contributors", totals.contributors}, {"hats", totals.hats}, {"by_status", by_status}};
}

Json truck_people_json(const std::vector<engine::TruckFactorPerson>& people) {
    Json out = Json::array();
    for (const auto& p : people) {
        out.push_back({{"person", p.key}, {"name", p.label}, {"files", p.files}, {"changes", p.changes}});
    }
    return out;
}

Json truck_json(const engine::ScopedTruckFactor& scope) {
    Json out = {{"scope", scope.scope},
                {"truck_factor", scope.truck_factor},
                {"files", scope.files},
                {"covered_before", scope.covered_before},
                {"covered_after", scope.covered_after},
                {"people", truck_people_json(scope.people)},
                {"absence_aware", {{"truck_factor", scope.absent.truck_factor},
                                   {"covered_before", scope.absent.covered_before},
                                   {"covered_after", scope.absent.covered_after},
                                   {"people", truck_people_json(scope.absent.people)},
                                   {"orphaned", scope.absent.orphaned}}}};
    if (!scope.area.empty()) out["area"] = scope.area;
    return out;
}

Json scopes_json(const std::vector<engine::ScopedTruckFactor>& scopes) {
    Json out = Json::array();
    for (const auto& scope : scopes) out.push_back(truck_json(scope));
    return out;
}

std::string_view kind_name(engine::GroupKind kind) {
    switch (kind) {
        case engine::GroupKind::person: return "person";
        case engine::GroupKind::organisation: return "organisation";
        case engine::GroupKind::independent: return "independent";
    }
    return "person";
}

Json factor_json(const engine::ConcentrationFactor& factor) {
    Json members = Json::array();
    for (const auto& m : factor.members) {
        members.push_back({{"name", m.name}, {"kind", kind_name(m.kind)}, {"commits", m.commits},
                           {"share", m.share}, {"people", m.people}, {"label", m.label}, {"people_names", m.labels}});
    }
    return {{"factor", factor.factor}, {"total_commits", factor.total_commits}, {"members", members}};
}

Json burnout_json(const engine::ProjectHealth& health) {
    Json out = Json::array();
    for (const auto& row : health.burnout_high) {
        Json signals = Json::array();
        Json figures = Json::array();
        for (const auto signal : row.load.signals.active()) {
            signals.push_back(engine::to_string(signal));
            figures.push_back(signal_brief(row.load.signals, row.load.profile, signal));
        }
        out.push_back({{"person", row.key}, {"risk", engine::to_string(row.risk)}, {"signals", signals},
                       {"figures", figures}, {"commitment", row.commitment}});
    }
    return out;
}

Json automation_json(const engine::AutomationSummary& summary) {
    Json rules = Json::array();
    for (const auto& rule : summary.rules) {
        rules.push_back({{"rule", rule.rule}, {"kind", roster::to_string(rule.kind)}, {"origin", rule.origin},
                         {"identities", rule.identities}, {"authored", rule.authored}, {"removed", rule.removed},
                         {"co_authored", rule.co_authored}, {"committed", rule.committed}});
    }
    return {{"assisted_commits", summary.assisted_commits}, {"assisted_by_trailer", summary.assisted_by_trailer},
            {"rules", rules}};
}

Json health_json(const engine::ProjectHealth& health) {
    const auto& f = health.factors;
    return {{"truck_factor", truck_json(f.truck_factor)},
            {"active_within", {{"days", f.active_within_days},
                               {"since", util::format_date(f.active_since)},
                               {"gone_authors", f.gone_authors}}},
            {"truck_factor_by_directory", scopes_json(f.by_directory)},
            {"truck_factor_by_hat", scopes_json(f.by_hat)},
            {"files", {{"at_head", f.files_at_head}, {"not_source", f.files_not_source},
                       {"without_people", f.files_without_people}}},
            {"contributor_absence_factor", factor_json(f.contributor_absence)},
            {"elephant_factor", factor_json(f.elephant)},
            {"burnout_high", burnout_json(health)}};
}

}  // namespace

nlohmann::ordered_json audit_json_object(const AuditView& view) {
    const auto& r = view.result;
    Json hats = Json::array();
    for (const auto& hat : r.hats) hats.push_back(hat_json(hat));
    return {{"project", r.project},
            {"roster", r.roster_file.empty() ? Json(nullptr) : Json(r.roster_file)},
            {"mode", engine::to_string(r.mode)},
            {"window", {{"since", util::format_date(r.window.begin)}, {"until", util::format_date(r.window.end)},
                        {"since_epoch", r.window.begin}, {"until_epoch", r.window.end},
                        {"rule", engine::to_string(r.window_rule)}}},
            {"head", r.head_id},
            {"shallow", r.shallow},
            {"rename_fallbacks", r.rename_fallbacks},
            {"missing_objects", r.missing_objects},
            {"totals", totals_json(r.totals)},
            {"hats", hats},
            {"findings", findings_json(r.findings)},
            {"health", health_json(r.health)},
            {"automation", automation_json(r.automation)},
            {"warnings", r.warnings}};
}

std::string render_audit_json(const AuditView& view) {
    Json out = {{"schema", "roles.audit/1"}};
    out.update(audit_json_object(view));
    out["gate"] = {{"fail_on", view.fail_on}, {"failed", view.failed_hats}, {"passed", view.failed_hats.empty()}};
    out["note"] = view.note;
    return json_text(out);
}

}  // namespace roles::report
