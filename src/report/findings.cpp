#include "roles/report/findings.hpp"

#include <array>

#include <fmt/format.h>

#include "roles/util/time.hpp"

#ifndef ROLES_HOMEPAGE
#define ROLES_HOMEPAGE ""
#endif

namespace roles::report {
namespace {

using engine::Finding;
using engine::FindingBasis;
using engine::FindingCode;

std::string percent(double share) { return fmt::format("{:.0f}%", share * 100.0); }

std::string items(std::uint32_t count) { return fmt::format("{} item{}", count, count == 1 ? "" : "s"); }

// "evidence too thin to judge (1 item of the 5 needed)".
std::string thin_words(const engine::ThinEvidence& thin) {
    return fmt::format("evidence too thin to judge ({} of the {} needed)", items(thin.items), thin.needed);
}

std::string thin_note(const Finding& f) { return f.thin ? "; " + thin_words(*f.thin) : std::string(); }

// "alice (62%, 5 items), bob (20%, 2 items)".
std::string shares(const Finding& f) {
    std::string out;
    for (const auto& p : f.people) {
        out += fmt::format("{}{} ({}, {})", out.empty() ? "" : ", ", p.label, percent(p.share), items(p.items));
    }
    return out;
}

// "kajinamit did 100% (6 items), bob did 50% (3 items)".
std::string did_shares(const Finding& f) {
    std::string out;
    for (const auto& p : f.people) {
        out += fmt::format("{}{} did {} ({})", out.empty() ? "" : ", ", p.label, percent(p.share), items(p.items));
    }
    return out;
}

std::string vacant(const Finding& f) {
    if (f.people.empty()) return "required hat with no holder and no evidence in the window; appoint someone";
    return "required hat with no holder; candidates by evidence: " + shares(f) + thin_note(f);
}

std::string understaffed(const Finding& f) {
    const auto rest = f.people.empty() ? std::string("; nobody else did its work")
                                       : "; candidates by evidence: " + shares(f) + thin_note(f);
    return fmt::format("{} of {} holders needed{}", f.count, f.needed, rest);
}

std::string stale(const Finding& f) {
    std::string detail;
    for (const auto& p : f.people) {
        const auto kind = p.last_kind == roster::ActivityKind::authored
                              ? std::string()
                              : fmt::format(" ({})", roster::to_string(p.last_kind));
        detail += fmt::format("{}{} {}", detail.empty() ? "" : ", ", p.key,
                              p.last_active ? "last active " + util::format_date(*p.last_active) + kind
                                            : std::string("never active"));
    }
    return fmt::format("every holder inactive for over {}d ({}); confirm or replace them", f.days, detail);
}

std::string single_point(const Finding& f) {
    const std::string key = f.people.empty() ? std::string("?") : f.people.front().key;
    switch (f.basis) {
        case FindingBasis::roster_only: return key + " is the only holder; find a backup";
        case FindingBasis::no_evidence:
            return key + " is the only active holder and nobody else shares the hat; find a backup";
        case FindingBasis::thin_evidence:
            return fmt::format("{} is the only active holder; {}, so nobody else's share counts as a backup; "
                               "find a backup",
                               key, f.thin ? thin_words(*f.thin) : std::string("evidence too thin to judge"));
        default: break;
    }
    return fmt::format("{} is the only active holder and nobody else did {} of its {} evidence item{}; find a backup",
                       key, percent(f.share), f.items, f.items == 1 ? "" : "s");
}

std::string shadowed(const Finding& f) {
    return did_shares(f) + " of its evidence without holding it; add them as holders or hand the work back";
}

std::string ok(const Finding& f) {
    if (f.basis == FindingBasis::roster_only) {
        return fmt::format("{} holders (no repository: activity not assessed)", f.count);
    }
    const std::string work = f.items == 0 ? std::string("no evidence in the window")
                                          : fmt::format("holders did {} of {} evidence item{}", percent(f.share),
                                                        f.items, f.items == 1 ? "" : "s");
    std::string out = fmt::format("{} active holder{}; {}{}", f.count, f.count == 1 ? "" : "s", work, thin_note(f));
    if (!f.people.empty()) out += ": " + did_shares(f) + " without holding it";
    return out;
}

std::string unassigned(const Finding& f) {
    const std::string why = f.basis == FindingBasis::no_roster ? "no roster" : "optional hat, nobody assigned";
    if (f.people.empty()) return why + "; nobody did its work in the window";
    return why + "; doing its work: " + shares(f) + thin_note(f);
}

std::string thin_evidence(const Finding& f) {
    return fmt::format("{} of the {} evidence items needed for anyone's share to decide the status; the status "
                       "follows the roster alone",
                       f.items, f.needed);
}

std::string burnout_high(const Finding& f) {
    std::string signals;
    for (const auto signal : f.signals) signals += (signals.empty() ? "" : ", ") + std::string(engine::to_string(signal));
    const auto& label = f.people.empty() ? f.person : f.people.front().label;
    const auto who = label == f.person ? f.person : label + " [" + f.person + "]";
    return fmt::format("{} is at high burnout risk (signals: {}); see 'roles load --person {}'", who,
                       signals.empty() ? std::string("none") : signals, f.person);
}

constexpr std::array<FindingWords, engine::k_finding_codes> k_table = {{
    {FindingCode::vacant, "VacantHat", "A required hat has no current holder.",
     "A required hat of the roster has no current holder: nobody is appointed to do its work.",
     "Appoint a holder under the hat's `holders:` in ROLES.yaml; the finding lists who did the hat's work in the "
     "window, by evidence, as candidates.",
     vacant},
    {FindingCode::understaffed, "UnderstaffedHat", "A hat has fewer current holders than its `min`.",
     "A hat has fewer current holders than the `min` its catalog or the roster asks for.",
     "Add holders until the hat has `min` of them, or lower `min` in ROLES.yaml if fewer are enough.", understaffed},
    {FindingCode::stale, "StaleHat", "Every current holder of a hat has been inactive for too long.",
     "Every current holder of the hat has no activity of any kind (commits, reviews, sign-offs, tags) for longer "
     "than `stale_after` (90 days by default) before the end of the window.",
     "Confirm the holders are still doing the hat's work, or replace them; give holders who moved on an `until:` "
     "date.",
     stale},
    {FindingCode::single_point, "SinglePointHat", "A hat depends on one active person.",
     "Exactly one current holder of the hat is active, and nobody else did a backup's share of its evidence "
     "(`single_point_backup_share`, 10% by default).",
     "Find a backup: add a second holder and let them do some of the hat's work.", single_point},
    {FindingCode::shadowed, "ShadowedHat", "Someone without the hat does most of its work.",
     "A person who does not hold the hat did at least `shadowed_share` (50% by default) of its evidence in the "
     "window.",
     "Add them as holders of the hat, or hand the work back to the holders.", shadowed},
    {FindingCode::ok, "CoveredHat", "A hat is covered.",
     "The hat has enough active holders, a backup, and its holders do its work.", "Nothing to do.", ok},
    {FindingCode::unassigned, "UnassignedHat", "Nobody is assigned a hat.",
     "An optional hat nobody holds, or any hat in discovery mode (no ROLES.yaml): the finding names who does its "
     "work.",
     "Write a ROLES.yaml naming the holders (discovery mode), or assign the optional hat if the project needs it.",
     unassigned},
    {FindingCode::thin_evidence, "ThinEvidence", "A hat has too little evidence to judge shares.",
     "The hat has fewer evidence items in the window than `min_evidence_items` (5 by default): nobody's share of "
     "them decides its status, so a would-be backup does not count and nobody shadows it.",
     "Nothing may be wrong: check the hat's evidence rules match how the project does that work, or lower "
     "`thresholds: min_evidence_items`.",
     thin_evidence},
    {FindingCode::burnout_high, "BurnoutHigh", "A person shows a high burnout risk.",
     "A person shows several burnout signals at once (after-hours or weekend work above their baseline, long "
     "streaks, rising load, over-commitment, many hats, sole holder): figures, never a diagnosis.",
     "Talk with them; share their hats or lighten their load. 'roles load --person KEY' shows the figures.",
     burnout_high},
}};

}  // namespace

std::span<const FindingWords> finding_table() { return k_table; }

const FindingWords& finding_words(FindingCode code) { return k_table.at(static_cast<std::size_t>(code)); }

std::string finding_message(const Finding& finding) { return finding_words(finding.code).message(finding); }

std::string_view project_uri() { return ROLES_HOMEPAGE; }

std::string finding_help_uri(FindingCode code, std::string_view homepage) {
    if (homepage.empty()) return {};
    return fmt::format("{}#finding-{}", homepage, engine::to_string(code));
}

}  // namespace roles::report
