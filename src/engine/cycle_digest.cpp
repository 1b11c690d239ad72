// digest_cycle: which people and names the short formats and the charts show.
#include <algorithm>
#include <numeric>
#include <string>

#include "roles/engine/cycle.hpp"
#include "roles/engine/cycle_digest.hpp"

namespace roles::engine {
namespace {

// The first `limit` of `order` shown, the rest counted.
Shown first_of(const std::vector<std::size_t>& order, std::size_t limit) {
    Shown shown;
    const auto count = std::min(limit, order.size());
    shown.items.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count));
    shown.more = static_cast<std::uint32_t>(order.size() - count);
    return shown;
}

std::vector<std::size_t> indexes(std::size_t size) {
    std::vector<std::size_t> out(size);
    std::iota(out.begin(), out.end(), std::size_t{0});
    return out;
}

bool is_hat_ask(AskKind kind) {
    return kind == AskKind::appoint || kind == AskKind::add_holders || kind == AskKind::confirm_holders ||
           kind == AskKind::recognise_holder;
}

HatDigest hat_digest(const HatCycle& hat, const std::vector<Ask>& asks, const DigestLimits& limits) {
    HatDigest digest{first_of(indexes(hat.holders.size()), limits.holders_per_cell),
                     first_of(indexes(hat.contributors.size()), limits.workers_per_hat), false, {}};
    digest.needs_someone = hat.status != Status::ok && hat.status != Status::unassigned;
    for (std::size_t i = 0; i < asks.size(); ++i) {
        if (is_hat_ask(asks[i].kind) && !asks[i].hats.empty() && asks[i].hats.front() == hat.hat) digest.asks.push_back(i);
    }
    digest.idle = hat.holders.empty() && hat.former_holders.empty() && hat.contributors.empty() && hat.changes.empty();
    const bool other_change = std::ranges::any_of(hat.changes, [](const HatChange& c) {
        return c.kind != HatChange::Kind::status_changed && c.kind != HatChange::Kind::became_vacant;
    });
    digest.explain = other_change || (digest.needs_someone && digest.asks.empty());
    return digest;
}

// Keys of the people who matter for some hat: its current holders, and its top workers with
// a meaningful share.
std::vector<std::string> matrix_keys(const CycleReport& report, const DigestLimits& limits) {
    std::vector<std::string> keys;
    for (const auto& hat : report.hats) {
        for (const auto& holder : hat.holders) keys.push_back(holder.key);
        const auto top = std::min(limits.workers_per_hat, hat.contributors.size());
        for (std::size_t i = 0; i < top; ++i) {
            if (hat.contributors[i].share >= limits.meaningful_share) keys.push_back(hat.contributors[i].key);
        }
    }
    std::ranges::sort(keys);
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

bool listed_in_load_table(const PersonCycle& p) {
    return !p.hats.empty() || p.risk != RiskLevel::none || (p.previous_risk && *p.previous_risk != RiskLevel::none);
}

Shown newcomers_shown(const CycleReport& report, std::size_t limit) {
    auto order = indexes(report.newcomers.size());
    std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
        const auto& x = report.newcomers[a];
        const auto& y = report.newcomers[b];
        return x.commits != y.commits ? x.commits > y.commits : x.key < y.key;
    });
    return first_of(order, limit);
}

Shown leavers_shown(const CycleReport& report, std::size_t limit) {
    auto order = indexes(report.leavers.size());
    std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
        const auto& x = report.leavers[a];
        const auto& y = report.leavers[b];
        if (x.hats.empty() != y.hats.empty()) return !x.hats.empty();
        return x.previous_commits != y.previous_commits ? x.previous_commits > y.previous_commits : x.key < y.key;
    });
    return first_of(order, limit);
}

std::vector<std::size_t> checkins_listed(const CycleReport& report) {
    std::vector<std::size_t> disagreeing;
    std::vector<std::size_t> others;
    for (std::size_t i = 0; i < report.people.size(); ++i) {
        const auto& checkin = report.people[i].checkin;
        if (!checkin) continue;
        const auto answer = checkin->checkin.answer;
        if (checkin->disagrees()) {
            disagreeing.push_back(i);
        } else if (answer == roster::CheckinAnswer::too_much || answer == roster::CheckinAnswer::not_enough) {
            others.push_back(i);
        }
    }
    disagreeing.insert(disagreeing.end(), others.begin(), others.end());
    return disagreeing;
}

}  // namespace

CycleDigest digest_cycle(const CycleReport& report, const DigestLimits& limits) {
    CycleDigest digest;
    digest.limits = limits;
    const auto keys = matrix_keys(report, limits);
    for (std::size_t i = 0; i < report.people.size(); ++i) {
        const auto& person = report.people[i];
        if (std::ranges::binary_search(keys, person.key)) digest.matrix_people.push_back(i);
        if (person.effort > 0.0) digest.load_rows.push_back(i);
        if (listed_in_load_table(person)) {
            digest.load_table.items.push_back(i);
        } else {
            ++digest.load_table.more;
        }
    }
    digest.matrix_left_out = static_cast<std::uint32_t>(report.people.size() - digest.matrix_people.size());
    digest.load_left_out = static_cast<std::uint32_t>(report.people.size() - digest.load_rows.size());
    std::vector<bool> placed(report.asks.size(), false);
    for (const auto& hat : report.hats) {
        digest.hats.push_back(hat_digest(hat, report.asks, limits));
        for (const auto i : digest.hats.back().asks) placed[i] = true;
    }
    for (std::size_t i = 0; i < placed.size(); ++i) {
        if (!placed[i]) digest.other_asks.push_back(i);
    }
    digest.newcomers = newcomers_shown(report, limits.people_per_list);
    digest.leavers = leavers_shown(report, limits.people_per_list);
    digest.checkins = checkins_listed(report);
    digest.truck_people = first_of(indexes(report.truck_factor.people.size()), limits.workers_per_hat);
    return digest;
}

}  // namespace roles::engine
