#include "roles/engine/finding.hpp"

#include <array>

#include "roles/engine/audit.hpp"
#include "roles/engine/program.hpp"

namespace roles::engine {
namespace {

constexpr std::array<std::string_view, k_finding_codes> k_code_names = {
    "vacant", "understaffed", "stale", "single-point", "shadowed", "ok", "unassigned", "thin-evidence",
    "burnout-high"};

// A hat is located where the roster names it; a hat it never names keeps its catalog's mark.
FindingLocation hat_location(const HatCoverage& hat, const roster::Roster& roster) {
    if (hat.pos.file.empty()) return {};
    const bool in_roster = !roster.file.empty() && hat.pos.file == roster.file;
    return {hat.pos, in_roster ? LocationOrigin::roster : LocationOrigin::catalog};
}

// A person is located at their `people:` entry; someone the roster does not list, at the top
// of the roster file (the place to add them), or nowhere without a roster.
FindingLocation person_location(const std::string& key, const roster::Roster& roster) {
    if (const auto it = roster.people.find(key); it != roster.people.end() && !it->second.pos.file.empty()) {
        return {it->second.pos, LocationOrigin::roster};
    }
    if (roster.file.empty()) return {};
    return {roster::SourcePos{roster.file, 1, 1}, LocationOrigin::roster};
}

Finding thin_finding(const HatCoverage& hat, const FindingLocation& location) {
    Finding out;
    out.code = FindingCode::thin_evidence;
    out.basis = FindingBasis::thin_evidence;
    out.hat = hat.hat;
    out.items = hat.thin_evidence->items;
    out.needed = hat.thin_evidence->needed;
    out.location = location;
    return out;
}

Finding burnout_finding(const PersonLoadRow& row, const roster::Roster& roster) {
    Finding out;
    out.code = FindingCode::burnout_high;
    out.person = row.key;
    out.people.push_back({row.key, row.name.empty() ? row.key : row.name, 0, 0.0, std::nullopt});
    out.signals = row.load.signals.active();
    out.location = person_location(row.key, roster);
    return out;
}

FindingGrade grade_of(const Finding& finding, const FailOn& fail_on) {
    switch (finding.code) {
        case FindingCode::burnout_high:
            return fail_on.burnout_high ? FindingGrade::fails_gate : FindingGrade::warning;
        case FindingCode::ok:
        case FindingCode::unassigned:
        case FindingCode::thin_evidence: return FindingGrade::note;
        default: break;
    }
    const auto status = static_cast<Status>(finding.code);
    return fail_on.statuses.contains(status) ? FindingGrade::fails_gate : FindingGrade::warning;
}

}  // namespace

std::string_view to_string(FindingCode code) { return k_code_names.at(static_cast<std::size_t>(code)); }

std::string_view to_string(LocationOrigin origin) {
    switch (origin) {
        case LocationOrigin::roster: return "roster";
        case LocationOrigin::catalog: return "catalog";
        case LocationOrigin::none: return "none";
    }
    return "none";
}

std::vector<Finding> collect_findings(const AuditResult& result, const roster::Roster& roster) {
    std::vector<Finding> out;
    for (const auto& hat : result.hats) {
        const auto location = hat_location(hat, roster);
        if (hat.status != Status::ok) {
            out.push_back(hat.finding);
            out.back().location = location;
        }
        if (hat.thin_evidence) out.push_back(thin_finding(hat, location));
    }
    for (const auto& row : result.health.burnout_high) out.push_back(burnout_finding(row, roster));
    return out;
}

void grade_findings(AuditResult& result, const FailOn& fail_on) {
    for (auto& finding : result.findings) finding.grade = grade_of(finding, fail_on);
}

void grade_findings(ProgramAuditResult& result, const FailOn& fail_on) {
    for (auto& project : result.projects) grade_findings(project.audit, fail_on);
}

}  // namespace roles::engine
