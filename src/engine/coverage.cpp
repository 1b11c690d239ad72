#include "roles/engine/coverage.hpp"

#include <algorithm>
#include <array>


namespace roles::engine {
namespace {

constexpr std::array<std::string_view, 7> k_status_names = {
    "vacant", "understaffed", "stale", "single-point", "shadowed", "ok", "unassigned"};

bool is_current(const roster::Holder& holder, std::int64_t at) {
    if (holder.since && holder.since->seconds() > at) return false;
    // `until` is inclusive: the holder serves through the end of that day.
    return !holder.until || at < holder.until->seconds() + 86400;
}

std::vector<Contributor> contributors_of(const HatEvidence& evidence, const Resolution& resolution,
                                         const std::vector<HolderState>& holders) {
    std::vector<Contributor> out;
    for (std::size_t p = 0; p < evidence.by_person.size(); ++p) {
        if (evidence.by_person[p] == 0) continue;
        const auto person = static_cast<PersonId>(p);
        const bool holder = std::any_of(holders.begin(), holders.end(),
                                        [&](const HolderState& h) { return h.person == person; });
        out.push_back({person, resolution.people[p].key, resolution.people[p].label(), evidence.by_person[p], evidence.share(person), holder});
    }
    std::sort(out.begin(), out.end(), [](const Contributor& a, const Contributor& b) {
        return a.evidence != b.evidence ? a.evidence > b.evidence : a.key < b.key;
    });
    return out;
}

double share_of_holders(const HatEvidence& evidence, const std::vector<HolderState>& holders) {
    if (evidence.items.empty()) return 0.0;
    std::size_t covered = 0;
    for (const auto& item : evidence.items) {
        const bool by_holder = std::any_of(item.credited.begin(), item.credited.end(), [&](PersonId p) {
            return std::any_of(holders.begin(), holders.end(), [&](const HolderState& h) { return h.person == p; });
        });
        covered += by_holder ? 1 : 0;
    }
    return static_cast<double>(covered) / static_cast<double>(evidence.items.size());
}

FindingPerson person_of(const Contributor& c) { return {c.key, c.label, c.evidence, c.share, std::nullopt}; }

// The first few non-holders with evidence, most first; their keys join the hat's people.
std::vector<FindingPerson> candidates_of(HatCoverage& hat) {
    std::vector<FindingPerson> out;
    for (const auto& c : hat.contributors) {
        if (c.holder || out.size() == 3) continue;
        out.push_back(person_of(c));
        hat.people.push_back(c.key);
    }
    return out;
}

// Marks the hat's evidence as thin, when it is and has any item (the thin-evidence finding).
void note_thin(HatCoverage& hat, const roster::Thresholds& thresholds) {
    if (!is_thin(hat.evidence_items, thresholds) || hat.evidence_items == 0) return;
    hat.thin_evidence = ThinEvidence{hat.evidence_items, static_cast<std::uint32_t>(thresholds.min_evidence_items)};
}

std::vector<HolderState> holder_states(const roster::Hat& hat, const CoverageInput& input,
                                       const HatEvidence& evidence, HatCoverage& out) {
    std::vector<HolderState> states;
    const std::int64_t active_since = input.window.end - input.stale_after.seconds();
    for (const auto& holder : hat.holders) {
        if (!is_current(holder, input.window.end)) {
            if (holder.until && holder.until->seconds() <= input.window.end) out.former_holders.push_back(holder.person);
            continue;
        }
        const auto person = input.resolution.find(holder.person);
        if (!person) continue;  // the roster loader guarantees holders are people
        const auto last = last_activity(input.activity, *person);
        HolderState state{*person, holder.person, std::nullopt, false, evidence.by_person.at(*person)};
        if (last) {
            state.last_active = last->time;
            state.last_kind = last->kind;
        }
        // Without history nobody can be shown inactive; the roster is taken at its word.
        state.active = input.mode == RosterMode::roster_only ||
                       (state.last_active && *state.last_active >= active_since);
        states.push_back(std::move(state));
    }
    return states;
}

// Sets the status and starts its finding (the arguments are the caller's).
Finding& set(HatCoverage& hat, Status status, FindingBasis basis = FindingBasis::evidence) {
    hat.status = status;
    hat.finding = Finding{};
    hat.finding.code = static_cast<FindingCode>(status);
    hat.finding.basis = basis;
    hat.finding.hat = hat.hat;
    hat.finding.items = hat.evidence_items;
    return hat.finding;
}

void explain_unassigned(HatCoverage& hat, const CoverageInput& input) {
    auto people = candidates_of(hat);
    if (!people.empty()) note_thin(hat, input.thresholds);
    const auto basis = input.mode == RosterMode::discovery ? FindingBasis::no_roster : FindingBasis::optional_hat;
    set(hat, Status::unassigned, basis).people = std::move(people);
}

void explain_vacant(HatCoverage& hat, const CoverageInput& input) {
    auto people = candidates_of(hat);
    if (!people.empty()) note_thin(hat, input.thresholds);
    set(hat, Status::vacant, people.empty() ? FindingBasis::no_evidence : FindingBasis::evidence).people =
        std::move(people);
}

void explain_understaffed(HatCoverage& hat, const CoverageInput& input) {
    for (const auto& h : hat.holders) hat.people.push_back(h.key);
    auto people = candidates_of(hat);
    if (!people.empty()) note_thin(hat, input.thresholds);
    auto& finding = set(hat, Status::understaffed);
    finding.count = static_cast<std::uint32_t>(hat.holders.size());
    finding.needed = static_cast<std::uint32_t>(std::max(hat.min, 0));
    finding.people = std::move(people);
}

void explain_stale(HatCoverage& hat, const CoverageInput& input) {
    auto& finding = set(hat, Status::stale);
    finding.days = input.stale_after.days;
    for (const auto& h : hat.holders) {
        hat.people.push_back(h.key);
        finding.people.push_back({h.key, h.key, h.evidence, 0.0, h.last_active, h.last_kind});
    }
}

void explain_single_point(HatCoverage& hat, const HolderState& holder, const CoverageInput& input) {
    hat.people.push_back(holder.key);
    auto basis = FindingBasis::evidence;
    if (input.mode == RosterMode::roster_only) {
        basis = FindingBasis::roster_only;
    } else if (hat.evidence_items == 0) {
        basis = FindingBasis::no_evidence;
    } else if (hat.thin_evidence) {
        basis = FindingBasis::thin_evidence;
    }
    auto& finding = set(hat, Status::single_point, basis);
    finding.people.push_back({holder.key, holder.key, holder.evidence, 0.0, holder.last_active, holder.last_kind});
    finding.share = input.thresholds.single_point_backup_share;
}

// The non-holders with a shadowing share of the hat's evidence.
std::vector<FindingPerson> shadowing(const HatCoverage& hat, const roster::Thresholds& thresholds) {
    std::vector<FindingPerson> out;
    for (const auto& c : hat.contributors) {
        if (!c.holder && c.share >= thresholds.shadowed_share) out.push_back(person_of(c));
    }
    return out;
}

bool explain_shadowed(HatCoverage& hat, const CoverageInput& input) {
    auto people = shadowing(hat, input.thresholds);
    if (people.empty()) return false;
    for (const auto& p : people) hat.people.push_back(p.key);
    set(hat, Status::shadowed).people = std::move(people);
    return true;
}

// `would_shadow`: who would shadow the hat if its evidence were enough to judge.
void explain_ok(HatCoverage& hat, RosterMode mode, std::vector<FindingPerson> would_shadow) {
    std::uint32_t active = 0;
    for (const auto& h : hat.holders) {
        hat.people.push_back(h.key);
        active += h.active ? 1 : 0;
    }
    const auto basis = mode == RosterMode::roster_only ? FindingBasis::roster_only
                       : hat.evidence_items == 0       ? FindingBasis::no_evidence
                                                       : FindingBasis::evidence;
    auto& finding = set(hat, Status::ok, basis);
    finding.count = active;
    finding.share = hat.holder_share;
    finding.people = std::move(would_shadow);
}

// Nobody but `holder` did a backup's share of the work.
bool without_backup(const HatCoverage& hat, const HolderState& holder, double backup_share) {
    return std::none_of(hat.contributors.begin(), hat.contributors.end(), [&](const Contributor& c) {
        return c.person != holder.person && c.share >= backup_share;
    });
}

void decide_status(HatCoverage& hat, const CoverageInput& input) {
    const bool unheld = hat.holders.empty();
    if (input.mode == RosterMode::discovery || (unheld && !hat.required)) return explain_unassigned(hat, input);
    if (unheld) return explain_vacant(hat, input);
    if (static_cast<int>(hat.holders.size()) < hat.min) return explain_understaffed(hat, input);
    std::vector<const HolderState*> active;
    for (const auto& h : hat.holders) {
        if (h.active) active.push_back(&h);
    }
    if (active.empty()) return explain_stale(hat, input);
    // Someone else's share decides a status only on enough evidence; below the minimum the
    // hat keeps the status its roster implies, and the finding says why.
    const bool thin = is_thin(hat.evidence_items, input.thresholds) && input.mode != RosterMode::roster_only;
    const roster::Thresholds& t = input.thresholds;
    if (active.size() == 1) {
        const bool alone = without_backup(hat, *active.front(), t.single_point_backup_share);
        if (alone || thin) {
            if (!alone) note_thin(hat, t);
            return explain_single_point(hat, *active.front(), input);
        }
    }
    if (!thin && explain_shadowed(hat, input)) return;
    auto would_shadow = thin ? shadowing(hat, t) : std::vector<FindingPerson>();
    if (!would_shadow.empty()) note_thin(hat, t);
    explain_ok(hat, input.mode, std::move(would_shadow));
}

}  // namespace

bool is_thin(std::uint32_t items, const roster::Thresholds& thresholds) {
    return items < static_cast<std::uint32_t>(std::max(thresholds.min_evidence_items, 0));
}

std::string_view to_string(Status status) { return k_status_names.at(static_cast<std::size_t>(status)); }

std::string_view to_string(RosterMode mode) {
    switch (mode) {
        case RosterMode::roster: return "roster";
        case RosterMode::discovery: return "discovery";
        case RosterMode::roster_only: return "roster-only";
    }
    return "roster";
}

std::optional<Status> parse_status(std::string_view text) {
    for (std::size_t i = 0; i < k_status_names.size(); ++i) {
        if (k_status_names[i] == text) return static_cast<Status>(i);
    }
    return std::nullopt;
}

std::vector<HatCoverage> assess_coverage(const CoverageInput& input) {
    std::vector<HatCoverage> out;
    out.reserve(input.hats.size());
    for (std::size_t i = 0; i < input.hats.size(); ++i) {
        const auto& hat = input.hats[i];
        const auto& evidence = input.evidence.at(i);
        HatCoverage coverage;
        coverage.hat = hat.def.id;
        coverage.title = hat.def.title;
        coverage.required = hat.def.required;
        coverage.min = hat.def.min;
        coverage.effort = hat.def.effort;
        coverage.fallback_from = hat.fallback_from;
        coverage.holders = holder_states(hat, input, evidence, coverage);
        coverage.evidence_items = static_cast<std::uint32_t>(evidence.items.size());
        coverage.holder_share = share_of_holders(evidence, coverage.holders);
        coverage.contributors = contributors_of(evidence, input.resolution, coverage.holders);
        coverage.pos = hat.pos;
        decide_status(coverage, input);
        coverage.finding.thin = coverage.thin_evidence;
        out.push_back(std::move(coverage));
    }
    return out;
}

}  // namespace roles::engine
