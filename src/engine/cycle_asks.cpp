// The asks: the concrete actions a cycle's findings imply, one sentence each. They are
// findings, so the engine words them and every format prints them as they are.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "roles/engine/cycle.hpp"
#include "roles/util/time.hpp"

namespace roles::engine {
namespace {

constexpr std::size_t k_max_candidates = 3;

std::string percent(double share) { return fmt::format("{:.0f}%", share * 100.0); }

// "Security contact" reads "security contact" inside a sentence; "PTL" stays "PTL".
std::string in_sentence(const std::string& title) {
    std::string out = title;
    if (out.size() > 1 && std::isupper(static_cast<unsigned char>(out[0])) != 0 &&
        std::islower(static_cast<unsigned char>(out[1])) != 0) {
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    }
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string items(std::uint32_t count) { return fmt::format("{} item{}", count, count == 1 ? "" : "s"); }

// "; doing its work this cycle: dee (100%, 6 items)" for the leading non-holders, or
// "; nobody did its work this cycle". Their keys are added to `people`. On thin evidence
// nobody is put forward: the ask names who did the few items and says it is too few.
std::string candidates(const HatCycle& hat, std::vector<std::string>& people) {
    std::vector<std::string> named;
    for (const auto& c : hat.contributors) {
        if (c.holder || named.size() == k_max_candidates) continue;
        named.push_back(fmt::format("{} ({}, {})", c.label, percent(c.share), items(c.evidence)));
        if (!hat.thin_evidence) people.push_back(c.key);
    }
    if (named.empty()) return "; nobody did its work this cycle";
    if (hat.thin_evidence) {
        return fmt::format("; too little evidence to suggest anyone ({} of the {} needed: {})",
                           items(hat.thin_evidence->items), hat.thin_evidence->needed, join(named));
    }
    return "; doing its work this cycle: " + join(named);
}

Ask appoint(const HatCycle& hat) {
    Ask ask{AskKind::appoint, {hat.hat}, {}, {}};
    std::string since;
    for (const auto& former : hat.former_holders) {
        if (former.until) since = " since " + former.key + "'s term ended " + util::format_date(*former.until);
    }
    ask.text = "Appoint someone as " + in_sentence(hat.title) + ": the hat is vacant" + since + candidates(hat, ask.people);
    return ask;
}

Ask add_holders(const HatCycle& hat) {
    Ask ask{AskKind::add_holders, {hat.hat}, {}, {}};
    const auto have = hat.holders.size();
    const auto missing = static_cast<std::size_t>(hat.min) > have ? static_cast<std::size_t>(hat.min) - have : 1;
    ask.text = fmt::format("Find {} more holder{} for {} ({} of {} needed){}", missing, missing == 1 ? "" : "s",
                           in_sentence(hat.title), have, hat.min, candidates(hat, ask.people));
    return ask;
}

Ask confirm_holders(const HatCycle& hat) {
    Ask ask{AskKind::confirm_holders, {hat.hat}, {}, {}};
    std::vector<std::string> holders;
    for (const auto& h : hat.holders) {
        holders.push_back(h.key + (h.last_active ? " (last active " + util::format_date(*h.last_active) + ")"
                                                 : " (never active)"));
        ask.people.push_back(h.key);
    }
    ask.text = "Confirm or replace " + join(holders) + " as " + in_sentence(hat.title) + candidates(hat, ask.people);
    return ask;
}

Ask recognise_holder(const HatCycle& hat, const roster::Thresholds& thresholds) {
    Ask ask{AskKind::recognise_holder, {hat.hat}, {}, {}};
    std::vector<std::string> doing;
    std::vector<std::string> names;
    for (const auto& c : hat.contributors) {
        if (c.holder || c.share < thresholds.shadowed_share) continue;
        doing.push_back(fmt::format("{} did {}", c.label, percent(c.share)));
        names.push_back(c.label);
        ask.people.push_back(c.key);
    }
    ask.text = "Make " + join(names) + " a holder of " + in_sentence(hat.title) + " or hand the work back: " +
               join(doing) + " of its items this cycle without holding it";
    return ask;
}

void hat_asks(const CycleReport& report, const roster::Thresholds& thresholds, std::vector<Ask>& out) {
    for (const auto status : {Status::vacant, Status::understaffed, Status::stale, Status::shadowed}) {
        for (const auto& hat : report.hats) {
            if (hat.status != status) continue;
            switch (status) {
                case Status::vacant: out.push_back(appoint(hat)); break;
                case Status::understaffed: out.push_back(add_holders(hat)); break;
                case Status::stale: out.push_back(confirm_holders(hat)); break;
                default: out.push_back(recognise_holder(hat, thresholds)); break;
            }
        }
    }
}

const HatCycle* hat_named(const CycleReport& report, const std::string& id) {
    const auto found = std::ranges::find(report.hats, id, &HatCycle::hat);
    return found == report.hats.end() ? nullptr : &*found;
}

std::vector<std::string> titles(const CycleReport& report, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids) {
        const auto* hat = hat_named(report, id);
        out.push_back(hat != nullptr ? in_sentence(hat->title) : id);
    }
    return out;
}

std::optional<Ask> check_in(const PersonCycle& person) {
    if (person.risk != RiskLevel::high) return std::nullopt;
    std::vector<std::string> signals;
    for (const auto signal : person.load.signals.active()) signals.emplace_back(to_string(signal));
    const auto commitment = person.load.signals.over_committed
                                ? fmt::format("; commitment {:.2f}", person.commitment.current)
                                : std::string();
    return Ask{AskKind::check_in, {}, {person.key},
               "Check in with " + person.label() + " and lighten their load: high burnout risk (" + join(signals) + ")" +
                   commitment};
}

std::optional<Ask> find_backup(const CycleReport& report, const PersonCycle& person) {
    std::vector<std::string> hats;
    for (const auto& id : person.sole_hats) {
        const auto* hat = hat_named(report, id);
        if (hat != nullptr && hat->status == Status::single_point) hats.push_back(id);
    }
    if (hats.empty()) return std::nullopt;
    const auto named = titles(report, hats);
    const auto text = hats.size() == 1 ? "Find a backup for " + person.label() + " as " + named.front()
                                       : fmt::format("Find a backup for {}'s {} sole hats: {}", person.label(),
                                                     hats.size(), join(named));
    return Ask{AskKind::find_backup, hats, {person.key}, text};
}

std::optional<Ask> rebalance(const PersonCycle& person) {
    if (!person.load.signals.over_committed || person.risk == RiskLevel::high) return std::nullopt;
    return Ask{AskKind::rebalance, person.hats, {person.key},
               fmt::format("Rebalance {}'s hats: commitment {:.2f} is above their capacity", person.label(),
                           person.commitment.current)};
}

void person_asks(const CycleReport& report, std::vector<Ask>& out) {
    for (const auto& person : report.people) {
        for (auto ask : {check_in(person), find_backup(report, person), rebalance(person)}) {
            if (ask) out.push_back(std::move(*ask));
        }
    }
}

std::optional<Ask> spread_knowledge(const CycleReport& report) {
    const auto& figure = report.summary.truck_factor;
    const auto& truck = report.truck_factor;
    const bool fell = figure.trend == Trend::down;
    if (truck.files == 0 || (truck.truck_factor != 1 && !fell)) return std::nullopt;
    Ask ask{AskKind::spread_knowledge, {}, {}, {}};
    std::vector<std::string> authors;
    for (const auto& person : truck.people) {
        authors.push_back(fmt::format("{} authors {} of {} source files", person.label, person.files, truck.files));
        ask.people.push_back(person.key);
    }
    ask.text = fmt::format("Spread knowledge of the code: truck factor {}{}{}", truck.truck_factor,
                           fell ? fmt::format(", down from {:.0f}", *figure.previous) : std::string(),
                           authors.empty() ? std::string() : " (" + join(authors) + ")");
    return ask;
}

std::optional<Ask> diversify(const CycleReport& report) {
    const auto& elephant = report.elephant;
    if (elephant.factor != 1 || elephant.members.empty()) return std::nullopt;
    const auto& group = elephant.members.front();
    return Ask{AskKind::diversify, {}, group.people,
               fmt::format("Broaden the contributor base: {} made {} of this cycle's commits (elephant factor 1)",
                           group.name, percent(group.share))};
}

void leaver_asks(const CycleReport& report, std::vector<Ask>& out) {
    for (const auto& leaver : report.leavers) {
        if (leaver.hats.empty()) continue;
        out.push_back({AskKind::update_roster, leaver.hats, {leaver.key},
                       fmt::format("Ask {} whether they still hold {} (no commit this cycle, last {}) and update "
                                   "the roster",
                                   leaver.key, join(titles(report, leaver.hats)), util::format_date(leaver.last_commit))});
    }
}

}  // namespace

std::vector<Ask> derive_asks(const CycleReport& report, const roster::Thresholds& thresholds) {
    std::vector<Ask> out;
    hat_asks(report, thresholds, out);
    person_asks(report, out);
    if (auto ask = spread_knowledge(report)) out.push_back(std::move(*ask));
    if (auto ask = diversify(report)) out.push_back(std::move(*ask));
    leaver_asks(report, out);
    return out;
}

}  // namespace roles::engine
