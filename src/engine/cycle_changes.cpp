// What changed on each hat between the previous cycle and this one.
#include <algorithm>

#include <fmt/format.h>

#include "roles/engine/cycle.hpp"
#include "roles/util/time.hpp"

namespace roles::engine {
namespace {

std::string percent(double share) { return fmt::format("{:.0f}%", share * 100.0); }

const roster::Holder* roster_holder(const roster::Hat& hat, const std::string& key) {
    const auto found = std::ranges::find(hat.holders, key, &roster::Holder::person);
    return found == hat.holders.end() ? nullptr : &*found;
}

bool holds(const HatCoverage& coverage, const std::string& key) {
    return std::ranges::find(coverage.holders, key, &HolderState::key) != coverage.holders.end();
}

const Contributor* contributor(const HatCoverage& coverage, const std::string& key) {
    const auto found = std::ranges::find(coverage.contributors, key, &Contributor::key);
    return found == coverage.contributors.end() ? nullptr : &*found;
}

void status_change(const HatCoverage& now, const HatCoverage& before, std::vector<HatChange>& out) {
    if (now.status == before.status) return;
    const auto kind = now.status == Status::vacant ? HatChange::Kind::became_vacant : HatChange::Kind::status_changed;
    out.push_back({kind, {}, fmt::format("{} (was {})", to_string(now.status), to_string(before.status))});
}

void holder_changes(const HatCoverage& now, const HatCoverage& before, const roster::Hat& hat,
                    std::vector<HatChange>& out) {
    for (const auto& holder : now.holders) {
        if (holds(before, holder.key)) continue;
        const auto* entry = roster_holder(hat, holder.key);
        const auto since = entry != nullptr && entry->since ? " since " + util::format_date(entry->since->seconds()) : "";
        out.push_back({HatChange::Kind::holder_added, holder.key, holder.key + " became a holder" + since});
    }
    for (const auto& holder : before.holders) {
        if (holds(now, holder.key)) continue;
        const auto* entry = roster_holder(hat, holder.key);
        const auto text = entry != nullptr && entry->until
                              ? holder.key + "'s term ended " + util::format_date(entry->until->seconds())
                              : holder.key + " is no longer a holder";
        out.push_back({HatChange::Kind::holder_left, holder.key, text});
    }
}

void quiet_holders(const HatCoverage& now, const HatCoverage& before, std::vector<HatChange>& out) {
    for (const auto& holder : now.holders) {
        const auto* was = contributor(before, holder.key);
        if (holder.evidence > 0 || was == nullptr || was->evidence == 0) continue;
        out.push_back({HatChange::Kind::holder_went_quiet, holder.key,
                       fmt::format("{}: {} item{} last cycle, none this cycle", holder.key, was->evidence,
                                   was->evidence == 1 ? "" : "s")});
    }
}

void implicit_holders(const HatCoverage& now, const HatCoverage& before, const roster::Thresholds& thresholds,
                      std::vector<HatChange>& out) {
    if (is_thin(now.evidence_items, thresholds)) return;  // a share of too few items says nothing
    for (const auto& c : now.contributors) {
        if (c.holder || c.share < thresholds.shadowed_share) continue;
        const auto* was = contributor(before, c.key);
        if (was != nullptr && !was->holder && was->share >= thresholds.shadowed_share) continue;
        out.push_back({HatChange::Kind::new_implicit_holder, c.key,
                       fmt::format("{} did {} of its items ({} of {}) without holding it", c.label, percent(c.share),
                                   c.evidence, now.evidence_items)});
    }
}

std::vector<FormerHolder> former_holders(const HatCoverage& now, const roster::Hat& hat) {
    std::vector<FormerHolder> out;
    for (const auto& key : now.former_holders) {
        const auto* entry = roster_holder(hat, key);
        out.push_back({key, entry != nullptr && entry->until ? std::optional(entry->until->seconds()) : std::nullopt});
    }
    return out;
}

HatCycle hat_cycle(const HatCoverage& now, const HatCoverage* before, const roster::Hat& hat,
                   const roster::Thresholds& thresholds) {
    HatCycle out;
    out.hat = now.hat;
    out.title = now.title;
    out.required = now.required;
    out.min = now.min;
    out.status = now.status;
    out.holders = now.holders;
    out.former_holders = former_holders(now, hat);
    out.people = now.people;
    out.holder_share = now.holder_share;
    out.contributors = now.contributors;
    out.finding = now.finding;
    out.thin_evidence = now.thin_evidence;
    std::optional<double> previous_items;
    if (before != nullptr) {
        out.previous_status = before->status;
        for (const auto& holder : before->holders) out.previous_holders.push_back(holder.key);
        previous_items = before->evidence_items;
        out.changes = hat_changes(now, *before, hat, thresholds);
    }
    out.evidence = make_figure(now.evidence_items, previous_items, Polarity::neutral);
    return out;
}

}  // namespace

std::vector<HatChange> hat_changes(const HatCoverage& now, const HatCoverage& before, const roster::Hat& hat,
                                   const roster::Thresholds& thresholds) {
    std::vector<HatChange> out;
    status_change(now, before, out);
    holder_changes(now, before, hat, out);
    quiet_holders(now, before, out);
    implicit_holders(now, before, thresholds, out);
    return out;
}

std::vector<HatCycle> hat_cycles(const std::vector<HatCoverage>& now, const std::vector<HatCoverage>* before,
                                 const std::vector<roster::Hat>& hats, const roster::Thresholds& thresholds,
                                 RosterMode mode) {
    std::vector<HatCycle> out;
    for (std::size_t i = 0; i < now.size() && i < hats.size(); ++i) {
        const HatCoverage* was = before != nullptr && i < before->size() ? &(*before)[i] : nullptr;
        out.push_back(hat_cycle(now[i], was, hats[i], thresholds));
        if (mode == RosterMode::discovery) {
            std::erase_if(out.back().changes, [](const HatChange& change) {
                return change.kind == HatChange::Kind::new_implicit_holder;
            });
        }
    }
    return out;
}

}  // namespace roles::engine
