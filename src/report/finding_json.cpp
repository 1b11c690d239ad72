#include "finding_json.hpp"

#include "roles/report/findings.hpp"
#include "roles/util/time.hpp"

namespace roles::report {
namespace {

using Json = nlohmann::ordered_json;
using engine::Finding;
using engine::FindingCode;

std::string_view basis_name(engine::FindingBasis basis) {
    switch (basis) {
        case engine::FindingBasis::evidence: return "evidence";
        case engine::FindingBasis::no_evidence: return "no-evidence";
        case engine::FindingBasis::thin_evidence: return "thin-evidence";
        case engine::FindingBasis::roster_only: return "roster-only";
        case engine::FindingBasis::no_roster: return "no-roster";
        case engine::FindingBasis::optional_hat: return "optional-hat";
    }
    return "evidence";
}

// [{"person", "name", "items", "share"}]: candidates, or people doing the work unassigned.
Json shares_json(const Finding& f) {
    Json out = Json::array();
    for (const auto& p : f.people) {
        out.push_back({{"person", p.key}, {"name", p.label}, {"items", p.items}, {"share", p.share}});
    }
    return out;
}

Json thin_json(const Finding& f) {
    if (!f.thin) return nullptr;
    return {{"items", f.thin->items}, {"needed", f.thin->needed}};
}

Json stale_holders(const Finding& f) {
    Json out = Json::array();
    for (const auto& p : f.people) {
        out.push_back({{"person", p.key},
                       {"last_active", p.last_active ? Json(util::format_date(*p.last_active)) : Json(nullptr)},
                       {"last_active_kind", p.last_active ? Json(roster::to_string(p.last_kind)) : Json(nullptr)}});
    }
    return out;
}

Json signals_json(const Finding& f) {
    Json out = Json::array();
    for (const auto signal : f.signals) out.push_back(engine::to_string(signal));
    return out;
}

// The code's arguments; README "Findings" lists them per code, the schema checks them.
Json args_json(const Finding& f) {
    const auto basis = basis_name(f.basis);
    switch (f.code) {
        case FindingCode::vacant: return {{"basis", basis}, {"candidates", shares_json(f)}, {"thin_evidence", thin_json(f)}};
        case FindingCode::understaffed:
            return {{"holders", f.count}, {"min", f.needed}, {"candidates", shares_json(f)}, {"thin_evidence", thin_json(f)}};
        case FindingCode::stale: return {{"stale_after_days", f.days}, {"holders", stale_holders(f)}};
        case FindingCode::single_point:
            return {{"basis", basis},
                    {"holder", f.people.empty() ? Json(nullptr) : Json(f.people.front().key)},
                    {"items", f.items},
                    {"backup_share", f.share},
                    {"thin_evidence", thin_json(f)}};
        case FindingCode::shadowed: return {{"people", shares_json(f)}};
        case FindingCode::ok:
            return {{"basis", basis}, {"active_holders", f.count}, {"items", f.items}, {"holder_share", f.share},
                    {"would_shadow", shares_json(f)}, {"thin_evidence", thin_json(f)}};
        case FindingCode::unassigned:
            return {{"basis", basis}, {"doing_the_work", shares_json(f)}, {"thin_evidence", thin_json(f)}};
        case FindingCode::thin_evidence: return {{"items", f.items}, {"needed", f.needed}};
        case FindingCode::burnout_high:
            return {{"name", f.people.empty() ? f.person : f.people.front().label}, {"signals", signals_json(f)}};
    }
    return Json::object();
}

Json location_json(const engine::FindingLocation& location) {
    if (location.origin == engine::LocationOrigin::none) return nullptr;
    return {{"file", location.pos.file},
            {"line", location.pos.line},
            {"column", location.pos.column},
            {"origin", engine::to_string(location.origin)}};
}

}  // namespace

std::string_view to_string(engine::FindingGrade grade) {
    switch (grade) {
        case engine::FindingGrade::fails_gate: return "fails-gate";
        case engine::FindingGrade::warning: return "warning";
        case engine::FindingGrade::note: return "note";
    }
    return "note";
}

Json findings_json(const std::vector<Finding>& findings) {
    Json out = Json::array();
    for (const auto& f : findings) {
        out.push_back({{"code", engine::to_string(f.code)},
                       {"hat", f.hat.empty() ? Json(nullptr) : Json(f.hat)},
                       {"person", f.person.empty() ? Json(nullptr) : Json(f.person)},
                       {"grade", to_string(f.grade)},
                       {"message", finding_message(f)},
                       {"args", args_json(f)},
                       {"location", location_json(f.location)}});
    }
    return out;
}

}  // namespace roles::report
