// `roles whatif`: one project once some people have left (the rule is in whatif.hpp).
#include <algorithm>
#include <iterator>

#include "whatif_parts.hpp"

namespace roles::engine::whatif_detail {
namespace {

bool listed(const std::vector<std::string>& sorted, const std::string& key) {
    return std::ranges::binary_search(sorted, key);
}

bool listed(const std::vector<PersonId>& sorted, PersonId person) { return std::ranges::binary_search(sorted, person); }

std::vector<PersonId> ids_of(const ProjectBase& base, const std::vector<std::string>& keys) {
    std::vector<PersonId> ids;
    for (const auto& key : keys) {
        if (auto person = base.analysis.resolution.find(key)) ids.push_back(*person);
    }
    std::ranges::sort(ids);
    return ids;
}

// The roster's hats with the departing people taken out of the holders: a copy, never the
// user's roster.
std::vector<roster::Hat> hats_without(const std::vector<roster::Hat>& hats, const std::vector<std::string>& leaving) {
    std::vector<roster::Hat> out = hats;
    for (auto& hat : out) {
        std::erase_if(hat.holders, [&](const roster::Holder& holder) { return listed(leaving, holder.person); });
    }
    return out;
}

// The evidence with the departing people credited with none of it; the items stay.
std::vector<HatEvidence> evidence_without(const std::vector<HatEvidence>& evidence, const std::vector<PersonId>& ids) {
    std::vector<HatEvidence> out = evidence;
    for (auto& hat : out) {
        for (auto& item : hat.items) std::erase_if(item.credited, [&](PersonId p) { return listed(ids, p); });
        for (const PersonId person : ids) {
            if (person < hat.by_person.size()) hat.by_person[person] = 0;
        }
    }
    return out;
}

std::vector<std::string> holder_keys(const HatCoverage& hat) {
    std::vector<std::string> keys;
    for (const auto& holder : hat.holders) keys.push_back(holder.key);
    return keys;
}

HatShift hat_shift(const HatCoverage& before, const HatCoverage& after, const ShiftInput& input) {
    HatShift out{before.hat,          before.title,       before.required, before.effort, before.status, after.status,
                 holder_keys(before), holder_keys(after), {},              after.finding, false};
    for (const auto& key : out.holders_before) {
        if (listed(input.leaving, key)) out.leaving.push_back(key);
    }
    out.failed = after.status != before.status && input.fail_on.statuses.contains(after.status);
    return out;
}

std::vector<std::string> labels_of(const std::vector<TruckFactorPerson>& people) {
    std::vector<std::string> out;
    for (const auto& person : people) out.push_back(person.label);
    return out;
}

ScopeShift scope_shift(ScopeKind kind, const ScopedTruckFactor& before, const ScopedTruckFactor& after) {
    ScopeShift out;
    out.kind = kind;
    out.scope = before.scope;
    out.files = before.files;
    out.truck_factor = {before.truck_factor, after.truck_factor};
    out.absence_aware = {before.absent.truck_factor, after.absent.truck_factor};
    out.covered = {before.covered_before, after.covered_before};
    out.orphaned = after.orphaned;
    std::ranges::set_difference(after.absent.orphaned, before.absent.orphaned, std::back_inserter(out.orphaned_active));
    out.key_people_after = labels_of(after.people);
    return out;
}

ConcentrationShift concentration_shift(const ConcentrationFactor& before, const ConcentrationFactor& after) {
    ConcentrationShift out{{before.factor, after.factor}, before.total_commits, after.total_commits, {}};
    for (const auto& group : after.members) out.members_after.push_back(group.label);
    return out;
}

// The truck factors and CHAOSS factors with the departing people absent.
void shift_factors(const ProjectBase& base, const std::vector<PersonId>& ids, ProjectShift& out) {
    const auto& a = base.analysis;
    FactorsInput input{*base.history, a.resolution, a.activity, base.roster.hats(), a.window, base.active_within_days};
    input.without = ids;
    const auto after = compute_project_factors(input, base.classes, base.authorship);
    const auto& before = base.factors;
    out.repository = scope_shift(ScopeKind::repository, before.truck_factor, after.truck_factor);
    for (std::size_t i = 0; i < before.by_directory.size() && i < after.by_directory.size(); ++i) {
        out.areas.push_back(scope_shift(ScopeKind::directory, before.by_directory[i], after.by_directory[i]));
    }
    for (std::size_t i = 0; i < before.by_hat.size() && i < after.by_hat.size(); ++i) {
        out.areas.push_back(scope_shift(ScopeKind::hat_area, before.by_hat[i], after.by_hat[i]));
    }
    out.contributor_absence = concentration_shift(before.contributor_absence, after.contributor_absence);
    out.elephant = concentration_shift(before.elephant, after.elephant);
}

Successor successor(const ProjectBase& base, PersonId person, const HatCoverage& after, const HatEvidence& evidence,
                    const Efforts& efforts) {
    const auto& info = base.analysis.resolution.people[person];
    Successor out;
    out.key = info.key;
    out.label = info.label();
    out.evidence = person < evidence.by_person.size() ? evidence.by_person[person] : 0;
    out.share = evidence.share(person);
    out.holder = std::ranges::any_of(after.holders, [&](const HolderState& h) { return h.person == person; });
    out.capacity = info.capacity > 0.0 ? info.capacity : 1.0;
    const auto effort = efforts.find(info.key);
    out.commitment_before = (effort == efforts.end() ? 0.0 : effort->second) / out.capacity;
    out.commitment_after = out.commitment_before + (out.holder ? 0.0 : after.effort / out.capacity);
    out.over_committed = out.commitment_after > base.roster.thresholds.commitment_max;
    return out;
}

// Everyone who stays and did some of the hat's work, and the holders who stay: most
// evidence first, then key.
std::vector<Successor> successors(const ProjectBase& base, const HatCoverage& after, const HatEvidence& evidence,
                                  const Efforts& efforts) {
    std::vector<Successor> out;
    for (PersonId person = 0; person < base.analysis.resolution.people.size(); ++person) {
        const bool worked = person < evidence.by_person.size() && evidence.by_person[person] > 0;
        const bool holds = std::ranges::any_of(after.holders, [&](const HolderState& h) { return h.person == person; });
        if (worked || holds) out.push_back(successor(base, person, after, evidence, efforts));
    }
    std::ranges::sort(out, [](const Successor& x, const Successor& y) {
        return x.evidence != y.evidence ? x.evidence > y.evidence : x.key < y.key;
    });
    if (out.size() > k_successors) out.resize(k_successors);
    return out;
}

std::uint32_t items_crediting(const HatEvidence& evidence, const std::vector<PersonId>& ids) {
    return static_cast<std::uint32_t>(std::ranges::count_if(evidence.items, [&](const EvidenceItem& item) {
        return std::ranges::any_of(item.credited, [&](PersonId p) { return listed(ids, p); });
    }));
}

// Who of the departing leave the hat: its departing holders, else the departing people
// who did at least the shadowed share of its work (an implicit holder leaving), on evidence
// thick enough for a share to mean something (as nobody shadows a hat on thin evidence).
std::vector<std::string> leavers(const ProjectBase& base, const HatCoverage& before, const HatEvidence& evidence,
                                 const std::vector<PersonId>& ids, bool& held) {
    std::vector<std::string> out;
    for (const auto& holder : before.holders) {
        if (listed(ids, holder.person)) out.push_back(base.analysis.resolution.people[holder.person].label());
    }
    held = !out.empty();
    if (held || is_thin(static_cast<std::uint32_t>(evidence.items.size()), base.roster.thresholds)) return out;
    const auto items = static_cast<double>(evidence.items.size());
    if (items_crediting(evidence, ids) < base.roster.thresholds.shadowed_share * items) return out;
    for (const PersonId person : ids) {
        if (person < evidence.by_person.size() && evidence.by_person[person] > 0) {
            out.push_back(base.analysis.resolution.people[person].label());
        }
    }
    return out;
}

struct HatSides {
    const HatCoverage& before;
    const HatCoverage& after;
    const HatEvidence& evidence;        ///< before
    const HatEvidence& evidence_after;  ///< without the departing people's credit
    const roster::Hat& hat;
};

std::optional<Handover> handover(const ProjectBase& base, const HatSides& sides, const std::vector<PersonId>& ids,
                                 const Efforts& efforts) {
    Handover out;
    out.leaving = leavers(base, sides.before, sides.evidence, ids, out.held);
    if (out.leaving.empty()) return std::nullopt;
    out.hat = sides.before.hat;
    out.title = sides.before.title;
    out.effort = sides.before.effort;
    out.items = static_cast<std::uint32_t>(sides.evidence.items.size());
    out.leaving_items = items_crediting(sides.evidence, ids);
    out.candidates = successors(base, sides.after, sides.evidence_after, efforts);
    const bool anyone = std::ranges::any_of(out.candidates, [](const Successor& s) { return s.evidence > 0; });
    if (sides.hat.def.evidence.empty()) {
        out.note = HandoverNote::no_evidence_rules;
    } else if (!anyone) {
        out.note = HandoverNote::nobody_else;
    } else if (is_thin(out.items, base.roster.thresholds)) {
        out.note = HandoverNote::thin_evidence;
    }
    return out;
}

// The people at high risk after who were not before (only with --fail-on burnout-high).
std::vector<std::string> newly_at_risk(const ProjectBase& base, const std::vector<HatEvidence>& evidence,
                                       const std::vector<HatCoverage>& after, const std::vector<std::string>& leaving) {
    const auto& a = base.analysis;
    std::vector<std::string> out;
    for (const auto& row : assess_people({*base.history, a.resolution, a.activity, evidence, after, a.window,
                                          base.roster.thresholds})) {
        if (row.risk == RiskLevel::high && !listed(base.burnout_high, row.key) && !listed(leaving, row.key)) {
            out.push_back(row.key);
        }
    }
    std::ranges::sort(out);
    return out;
}

}  // namespace

ProjectShift shift_project(const ProjectBase& base, const ShiftInput& input, std::vector<std::string>& failures) {
    const auto& a = base.analysis;
    const auto ids = ids_of(base, input.leaving);
    const auto hats = hats_without(base.roster.hats(), input.leaving);
    const auto evidence = evidence_without(a.evidence, ids);
    const CoverageInput coverage{*base.history, a.resolution,           a.activity,
                                 hats,          evidence,               a.window,
                                 base.roster.stale_after, base.roster.thresholds, base.mode};
    const auto after = assess_coverage(coverage);
    ProjectShift out;
    out.project = base.name;
    out.mode = base.mode;
    const std::string prefix = input.program ? base.name + "/" : std::string();
    for (std::size_t h = 0; h < after.size(); ++h) {
        out.hats.push_back(hat_shift(a.coverage[h], after[h], input));
        if (out.hats.back().failed) failures.push_back(prefix + after[h].hat);
        const HatSides sides{a.coverage[h], after[h], a.evidence[h], evidence[h], hats[h]};
        if (auto moved = handover(base, sides, ids, input.efforts)) out.handovers.push_back(std::move(*moved));
    }
    if (base.mode != RosterMode::roster_only) shift_factors(base, ids, out);
    if (input.fail_on.burnout_high && base.mode != RosterMode::roster_only) {
        out.burnout_high_new = newly_at_risk(base, evidence, after, input.leaving);
        for (const auto& key : out.burnout_high_new) failures.push_back(prefix + "burnout:" + key);
    }
    return out;
}

}  // namespace roles::engine::whatif_detail
