#include "roles/engine/coverage.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "roles/util/time.hpp"

namespace roles::engine {
namespace {

constexpr std::array<std::string_view, 7> k_status_names = {
    "vacant", "understaffed", "stale", "single-point", "shadowed", "ok", "unassigned"};

bool is_current(const roster::Holder& holder, std::int64_t at) {
    if (holder.since && holder.since->seconds() > at) return false;
    // `until` is inclusive: the holder serves through the end of that day.
    return !holder.until || at < holder.until->seconds() + 86400;
}

std::string percent(double share) { return fmt::format("{:.0f}%", share * 100.0); }

std::string day(std::int64_t seconds) { return util::format_date(seconds); }

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

std::string items(std::uint32_t count) { return fmt::format("{} item{}", count, count == 1 ? "" : "s"); }

// "alice (62%, 5 items), bob (20%, 2 items)" for the first few non-holders with evidence.
std::string candidate_list(const std::vector<Contributor>& contributors, std::vector<std::string>& people) {
    std::string out;
    int listed = 0;
    for (const auto& c : contributors) {
        if (c.holder || listed == 3) continue;
        out += fmt::format("{}{} ({}, {})", listed == 0 ? "" : ", ", c.label, percent(c.share), items(c.evidence));
        people.push_back(c.key);
        ++listed;
    }
    return out;
}

// "too thin to judge: 1 item of the 5 needed", the words of the thin-evidence finding.
std::string thin_words(const ThinEvidence& thin) {
    return fmt::format("evidence too thin to judge ({} of the {} needed)", items(thin.items), thin.needed);
}

// Marks the hat's evidence as thin (when it is) and returns the words to add to a reason.
std::string note_thin(HatCoverage& hat, const roster::Thresholds& thresholds) {
    if (!is_thin(hat.evidence_items, thresholds) || hat.evidence_items == 0) return {};
    hat.thin_evidence = ThinEvidence{hat.evidence_items, static_cast<std::uint32_t>(thresholds.min_evidence_items)};
    return "; " + thin_words(*hat.thin_evidence);
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
        HolderState state{*person, holder.person, last_active(input.history, input.activity, *person), false,
                          evidence.by_person.at(*person)};
        // Without history nobody can be shown inactive; the roster is taken at its word.
        state.active = input.mode == RosterMode::roster_only ||
                       (state.last_active && *state.last_active >= active_since);
        states.push_back(std::move(state));
    }
    return states;
}

void set(HatCoverage& hat, Status status, std::string reason) {
    hat.status = status;
    hat.reason = std::move(reason);
}

void explain_unassigned(HatCoverage& hat, const CoverageInput& input) {
    const std::string why = input.mode == RosterMode::discovery ? "no roster" : "optional hat, nobody assigned";
    const auto candidates = candidate_list(hat.contributors, hat.people);
    set(hat, Status::unassigned,
        candidates.empty() ? why + "; nobody did its work in the window"
                           : why + "; doing its work: " + candidates + note_thin(hat, input.thresholds));
}

void explain_vacant(HatCoverage& hat, const CoverageInput& input) {
    const auto candidates = candidate_list(hat.contributors, hat.people);
    set(hat, Status::vacant,
        candidates.empty() ? "required hat with no holder and no evidence in the window; appoint someone"
                           : "required hat with no holder; candidates by evidence: " + candidates +
                                 note_thin(hat, input.thresholds));
}

void explain_understaffed(HatCoverage& hat, const CoverageInput& input) {
    for (const auto& h : hat.holders) hat.people.push_back(h.key);
    const auto candidates = candidate_list(hat.contributors, hat.people);
    set(hat, Status::understaffed,
        fmt::format("{} of {} holders needed{}", hat.holders.size(), hat.min,
                    candidates.empty() ? std::string("; nobody else did its work")
                                       : "; candidates by evidence: " + candidates +
                                             note_thin(hat, input.thresholds)));
}

void explain_stale(HatCoverage& hat, const CoverageInput& input) {
    std::string detail;
    for (const auto& h : hat.holders) {
        hat.people.push_back(h.key);
        detail += fmt::format("{}{} {}", detail.empty() ? "" : ", ", h.key,
                              h.last_active ? "last active " + day(*h.last_active) : "never active");
    }
    set(hat, Status::stale,
        fmt::format("every holder inactive for over {}d ({}); confirm or replace them",
                    input.stale_after.days, detail));
}

void explain_single_point(HatCoverage& hat, const HolderState& holder, const CoverageInput& input) {
    hat.people.push_back(holder.key);
    if (input.mode == RosterMode::roster_only) {
        return set(hat, Status::single_point, holder.key + " is the only holder; find a backup");
    }
    if (hat.evidence_items == 0) {
        return set(hat, Status::single_point,
                   holder.key + " is the only active holder and nobody else shares the hat; find a backup");
    }
    if (hat.thin_evidence) {
        return set(hat, Status::single_point,
                   fmt::format("{} is the only active holder; {}, so nobody else's share counts as a backup; "
                               "find a backup",
                               holder.key, thin_words(*hat.thin_evidence)));
    }
    set(hat, Status::single_point,
        fmt::format("{} is the only active holder and nobody else did {} of its {} evidence item{}; "
                    "find a backup",
                    holder.key, percent(input.thresholds.single_point_backup_share), hat.evidence_items,
                    hat.evidence_items == 1 ? "" : "s"));
}

// "kajinamit did 100%" for every non-holder with a shadowing share.
std::string shadowing(const HatCoverage& hat, const roster::Thresholds& thresholds) {
    std::string names;
    for (const auto& c : hat.contributors) {
        if (c.holder || c.share < thresholds.shadowed_share) continue;
        names += fmt::format("{}{} did {} ({})", names.empty() ? "" : ", ", c.label, percent(c.share), items(c.evidence));
    }
    return names;
}

bool explain_shadowed(HatCoverage& hat, const CoverageInput& input) {
    const auto names = shadowing(hat, input.thresholds);
    if (names.empty()) return false;
    for (const auto& c : hat.contributors) {
        if (!c.holder && c.share >= input.thresholds.shadowed_share) hat.people.push_back(c.key);
    }
    set(hat, Status::shadowed,
        names + " of its evidence without holding it; add them as holders or hand the work back");
    return true;
}

void explain_ok(HatCoverage& hat, RosterMode mode) {
    std::size_t active = 0;
    for (const auto& h : hat.holders) {
        hat.people.push_back(h.key);
        active += h.active ? 1 : 0;
    }
    const std::string work = hat.evidence_items == 0
                                 ? std::string("no evidence in the window")
                                 : fmt::format("holders did {} of {} evidence item{}", percent(hat.holder_share),
                                               hat.evidence_items, hat.evidence_items == 1 ? "" : "s");
    if (mode == RosterMode::roster_only) {
        return set(hat, Status::ok, fmt::format("{} holders (no repository: activity not assessed)", active));
    }
    const std::string thin = hat.thin_evidence ? "; " + thin_words(*hat.thin_evidence) : std::string();
    set(hat, Status::ok, fmt::format("{} active holder{}; {}{}", active, active == 1 ? "" : "s", work, thin));
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
    const auto would_shadow = thin ? shadowing(hat, t) : std::string();
    if (!would_shadow.empty()) note_thin(hat, t);
    explain_ok(hat, input.mode);
    if (!would_shadow.empty()) hat.reason += ": " + would_shadow + " without holding it";
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
        decide_status(coverage, input);
        out.push_back(std::move(coverage));
    }
    return out;
}

}  // namespace roles::engine
