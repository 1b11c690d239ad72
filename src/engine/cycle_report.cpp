// build_cycle_report: both windows analysed as `roles audit` and `roles load` would, then
// the summary, people, newcomers, leavers, releases and weeks. Hat changes and asks live in
// cycle_changes.cpp and cycle_asks.cpp.
#include <algorithm>
#include <memory>

#include "roles/engine/cycle.hpp"
#include "roles/engine/evidence.hpp"
#include "roles/engine/identity.hpp"
#include "roles/engine/load.hpp"
#include "roles/util/time.hpp"

namespace roles::engine {
namespace {

constexpr std::int64_t k_week = 7 * 86400;

// One window analysed. `history` points at the loaded history, or at `owned` when later
// commits had to be cut off (heap-held so that moving the state keeps the pointer valid).
struct WindowState {
    std::unique_ptr<git::History> owned;
    const git::History* history = nullptr;
    Window window;
    Activity activity;
    std::vector<HatEvidence> evidence;
    std::vector<HatCoverage> coverage;
    std::vector<PersonLoadRow> people;
    CheckinSummary checkins;
    ProjectFactors factors;
    std::uint32_t commits = 0;
};

const std::vector<roster::Hat>& hats_of(const roster::Roster& roster) {
    static const std::vector<roster::Hat> k_no_hats;
    return roster.projects.empty() ? k_no_hats : roster.hats();
}

bool has_later(const git::History& history, std::int64_t end) {
    return std::ranges::any_of(history.commits, [&](const git::Commit& c) { return c.time > end; }) ||
           std::ranges::any_of(history.tags, [&](const git::Tag& t) { return t.time > end; });
}

// The history as it was at the window's end: the ancestors of the end commit when the
// window ends at a ref, else what was committed and tagged by its end time.
std::unique_ptr<git::History> history_at_end(const git::History& history, const Window& window,
                                             const std::string& end_commit) {
    if (!end_commit.empty()) {
        const auto index = commit_index(history, end_commit);
        if (index && (*index != 0 || has_later(history, window.end))) {
            return std::make_unique<git::History>(history_at(history, *index, window.end));
        }
        return nullptr;
    }
    if (!has_later(history, window.end)) return nullptr;
    return std::make_unique<git::History>(history_until(history, window.end));
}

util::Expected<WindowState> analyse_window(const git::History& history, const Resolution& resolution,
                                           const roster::Roster& roster, RosterMode mode, const Window& window,
                                           const std::string& end_commit) {
    WindowState state;
    state.window = window;
    state.history = &history;
    state.owned = history_at_end(history, window, end_commit);
    if (state.owned) state.history = state.owned.get();
    const auto& h = *state.history;
    const auto& hats = hats_of(roster);
    state.activity = collect_activity(h, resolution);
    auto evidence = collect_evidence(h, resolution, state.activity, hats, window);
    if (!evidence) return std::unexpected(evidence.error());
    state.evidence = std::move(*evidence);
    state.coverage = assess_coverage({h, resolution, state.activity, hats, state.evidence, window, roster.stale_after,
                                      roster.thresholds, mode});
    state.people = assess_people(
        {h, resolution, state.activity, state.evidence, state.coverage, window, roster.thresholds});
    state.checkins = attach_checkins(state.people, roster, window);
    auto factors = compute_project_factors({h, resolution, state.activity, hats, window});
    if (!factors) return std::unexpected(factors.error());
    state.factors = std::move(*factors);
    state.commits = counted_commits_in(state.activity, h, window);
    return state;
}

// Hats per status group, as the summary counts them.
struct StatusCounts {
    double ok = 0, at_risk = 0, vacant = 0, unassigned = 0;
};

StatusCounts count_statuses(const std::vector<HatCoverage>& coverage) {
    StatusCounts counts;
    for (const auto& hat : coverage) {
        switch (hat.status) {
            case Status::ok: ++counts.ok; break;
            case Status::vacant: ++counts.vacant; break;
            case Status::unassigned: ++counts.unassigned; break;
            default: ++counts.at_risk; break;
        }
    }
    return counts;
}

double contributors_of(const WindowState& state) {
    return static_cast<double>(std::ranges::count_if(state.people, [](const PersonLoadRow& r) {
        return r.load.profile.commits > 0;
    }));
}

double high_risk_of(const WindowState& state) {
    return static_cast<double>(
        std::ranges::count_if(state.people, [](const PersonLoadRow& r) { return r.risk == RiskLevel::high; }));
}

double releases_in(const git::History& history, const Window& window) {
    return static_cast<double>(std::ranges::count_if(history.tags, [&](const git::Tag& tag) {
        return window.contains(tag.time) && looks_like_release(tag.name);
    }));
}

// `previous` is null when there was no previous cycle: every figure is then new.
CycleSummary summarise(const git::History& history, const WindowState& now, const WindowState* previous) {
    auto prev = [&](auto get) -> std::optional<double> {
        return previous != nullptr ? std::optional<double>(get(*previous)) : std::nullopt;
    };
    const auto counts = count_statuses(now.coverage);
    const auto before = previous != nullptr ? count_statuses(previous->coverage) : StatusCounts{};
    const auto was = [&](double value) { return previous != nullptr ? std::optional<double>(value) : std::nullopt; };
    CycleSummary s;
    s.hats = static_cast<std::uint32_t>(now.coverage.size());
    s.hats_ok = make_figure(counts.ok, was(before.ok), Polarity::higher_is_better);
    s.hats_at_risk = make_figure(counts.at_risk, was(before.at_risk), Polarity::lower_is_better);
    s.hats_vacant = make_figure(counts.vacant, was(before.vacant), Polarity::lower_is_better);
    s.hats_unassigned = make_figure(counts.unassigned, was(before.unassigned), Polarity::neutral);
    const auto truck = [](const WindowState& w) { return static_cast<double>(w.factors.truck_factor.truck_factor); };
    const auto absence = [](const WindowState& w) { return static_cast<double>(w.factors.contributor_absence.factor); };
    const auto elephant = [](const WindowState& w) { return static_cast<double>(w.factors.elephant.factor); };
    s.truck_factor = make_figure(truck(now), prev(truck), Polarity::higher_is_better);
    s.contributor_absence = make_figure(absence(now), prev(absence), Polarity::higher_is_better);
    s.elephant = make_figure(elephant(now), prev(elephant), Polarity::higher_is_better);
    s.commits = make_figure(now.commits, prev([](const WindowState& w) { return double(w.commits); }), Polarity::neutral);
    s.contributors = make_figure(contributors_of(now), prev(contributors_of), Polarity::higher_is_better);
    const auto releases = [&](const WindowState& w) { return releases_in(history, w.window); };
    s.releases = make_figure(releases(now), prev(releases), Polarity::neutral);
    s.high_risk = make_figure(high_risk_of(now), prev(high_risk_of), Polarity::lower_is_better);
    return s;
}

// Earliest and latest credited commit of each person in a window state's history.
struct PersonSpan {
    std::optional<std::int64_t> first;
    std::optional<std::int64_t> last;
    bool first_in_window = false;  ///< whether the earliest commit is in the window
};

std::vector<PersonSpan> person_spans(const WindowState& state) {
    std::vector<PersonSpan> spans(state.activity.commits_by_person.size());
    for (std::size_t p = 0; p < spans.size(); ++p) {
        for (const auto index : state.activity.commits_by_person[p]) {
            const auto time = state.history->commits[index].time;
            if (!spans[p].first || time < *spans[p].first) {
                spans[p].first = time;
                spans[p].first_in_window = state.window.holds(state.history->commits[index]);
            }
            if (!spans[p].last || time > *spans[p].last) spans[p].last = time;
        }
    }
    return spans;
}

const PersonLoadRow* row_of(const WindowState* state, const std::string& key) {
    if (state == nullptr) return nullptr;
    const auto found = std::ranges::find(state->people, key, &PersonLoadRow::key);
    return found == state->people.end() ? nullptr : &*found;
}

// Whether the person existed at the previous end: on the roster, or committed by then.
bool existed_before(const PersonLoadRow& row, const PersonSpan& span, const WindowState* previous) {
    if (previous == nullptr) return false;
    return row.on_roster || (span.first && *span.first <= previous->window.end);
}

PersonCycle person_cycle(const PersonLoadRow& row, const PersonLoadRow* before, bool existed) {
    PersonCycle p;
    p.key = row.key;
    p.name = row.name;
    p.on_roster = row.on_roster;
    p.affiliation = row.affiliation;
    p.capacity = row.capacity;
    p.effort = row.effort;
    p.hats = row.hats;
    p.sole_hats = row.sole_hats;
    p.risk = row.risk;
    p.load = row.load;
    p.checkin = row.checkin;
    const auto prev = [&](auto get) -> std::optional<double> {
        if (before != nullptr) return get(*before);
        return existed ? std::optional<double>(0.0) : std::nullopt;
    };
    p.commitment = make_figure(row.commitment, prev([](const PersonLoadRow& r) { return r.commitment; }),
                               Polarity::neutral, Scale::ratio);
    p.commits = make_figure(row.load.profile.commits,
                            prev([](const PersonLoadRow& r) { return double(r.load.profile.commits); }), Polarity::neutral);
    p.active_days = make_figure(row.load.profile.active_days,
                                prev([](const PersonLoadRow& r) { return double(r.load.profile.active_days); }),
                                Polarity::neutral);
    if (before != nullptr || existed) p.previous_risk = before != nullptr ? before->risk : RiskLevel::none;
    if (p.previous_risk) {
        const auto risk = make_figure(double(p.risk), double(*p.previous_risk), Polarity::lower_is_better);
        p.risk_trend = risk.trend;
        p.risk_assessment = risk.assessment;
    }
    return p;
}

std::vector<PersonCycle> people_of(const WindowState& now, const WindowState* previous,
                                   const std::vector<PersonSpan>& spans) {
    std::vector<PersonCycle> out;
    for (const auto& row : now.people) {
        out.push_back(person_cycle(row, row_of(previous, row.key), existed_before(row, spans[row.person], previous)));
    }
    return out;
}

std::vector<Newcomer> newcomers_of(const WindowState& now, const std::vector<PersonSpan>& spans) {
    std::vector<Newcomer> out;
    for (const auto& row : now.people) {
        const auto& span = spans[row.person];
        if (!span.first || !span.first_in_window) continue;
        out.push_back({row.key, row.name, *span.first, row.load.profile.commits});
    }
    std::ranges::sort(out, [](const Newcomer& a, const Newcomer& b) {
        return a.first_commit != b.first_commit ? a.first_commit < b.first_commit : a.key < b.key;
    });
    return out;
}

std::vector<std::string> hats_held_by(const std::string& key, const std::vector<HatCoverage>& coverage) {
    std::vector<std::string> hats;
    for (const auto& hat : coverage) {
        if (std::ranges::find(hat.holders, key, &HolderState::key) != hat.holders.end()) hats.push_back(hat.hat);
    }
    return hats;
}

std::vector<Leaver> leavers_of(const WindowState& now, const WindowState& previous, const std::vector<PersonSpan>& spans) {
    std::vector<Leaver> out;
    for (const auto& before : previous.people) {
        if (before.load.profile.commits == 0) continue;
        const auto* row = row_of(&now, before.key);
        if (row != nullptr && row->load.profile.commits > 0) continue;
        const auto& span = spans[before.person];
        out.push_back({before.key, before.name, span.last.value_or(0), before.load.profile.commits,
                       hats_held_by(before.key, now.coverage)});
    }
    std::ranges::sort(out, [](const Leaver& a, const Leaver& b) { return a.key < b.key; });
    return out;
}

std::string tagger_of(const git::Tag& tag, const git::History& history, const Resolution& resolution) {
    if (!tag.tagger) return {};
    const auto& person = resolution.person_of_identity.at(*tag.tagger);
    return person ? resolution.people[*person].label() : history.identities.at(*tag.tagger).name;
}

// A range cycle's tags are those on its commits, and its end tag when a release branch carries
// it: rails' v8.1.0 sits on 8-1-stable and the cycle ends at its fork point, so neither its
// commit nor its date (after the fork) is inside, while v8.0.0, the start, was tagged after
// its own fork point and would be by date. A cycle of dates takes the tags of its dates.
bool tag_in_cycle(const git::Tag& tag, const Cycle& cycle) {
    const auto& window = cycle.window;
    if (!window.commits) return window.contains(tag.time);
    if (window.commits->contains(tag.target)) return true;
    const auto dots = cycle.label.find("..");
    return dots != std::string::npos && cycle.label.substr(dots + 2) == tag.name;
}

std::vector<Release> releases_of(const git::History& history, const Resolution& resolution, const Cycle& cycle) {
    std::vector<Release> out;
    for (const auto& tag : history.tags) {
        if (!tag_in_cycle(tag, cycle)) continue;
        out.push_back({tag.name, tag.target, tag.time, tagger_of(tag, history, resolution), looks_like_release(tag.name)});
    }
    std::ranges::sort(out, [](const Release& a, const Release& b) {
        return a.time != b.time ? a.time < b.time : a.tag < b.tag;
    });
    return out;
}

std::vector<WeekBucket> weeks_of(const WindowState& now) {
    const auto& w = now.window;
    const auto count = static_cast<std::size_t>((w.end - w.begin + k_week) / k_week);  // ceil(length / week)
    std::vector<WeekBucket> weeks(count);
    for (std::size_t i = 0; i < count; ++i) weeks[i].begin = w.begin + static_cast<std::int64_t>(i) * k_week;
    for (const auto index : now.activity.counted_commits) {
        const auto time = now.history->commits[index].time;
        if (!w.holds(now.history->commits[index])) continue;
        // A range holds commits authored before its start (merged later): the first week.
        const auto clamped = std::clamp(time, w.begin, w.end);
        ++weeks[static_cast<std::size_t>((clamped - w.begin) / k_week)].commits;
    }
    return weeks;
}

std::vector<std::string> warnings_of(const git::History& history, const roster::Roster& roster,
                                     const Cycle& cycle, bool previous_exists, std::uint32_t commits) {
    auto warnings = roster.warnings;
    for (auto& warning : cycle_warnings(cycle, commits, history.head_time)) warnings.push_back(std::move(warning));
    if (history.shallow) {
        warnings.emplace_back("shallow clone: history is truncated, so activity and evidence before the cut are "
                              "missing (run 'git fetch --unshallow')");
    }
    if (!previous_exists) {
        const std::string where = cycle.previous.commits ? "in the previous cycle " + cycle.previous_label
                                                         : "on or before " + util::format_date(cycle.previous.end);
        warnings.push_back("no commit " + where + ": there is no previous cycle to compare with, so every trend is 'new'");
    }
    return warnings;
}

// A previous cycle exists when its window holds a commit (a range) or history reaches back
// to its end (dates).
bool previous_exists(const git::History& history, const Cycle& cycle) {
    if (cycle.previous.commits) return !cycle.previous.commits->empty();
    return std::ranges::any_of(history.commits, [&](const git::Commit& c) { return c.time <= cycle.previous.end; });
}

}  // namespace

util::Expected<CycleReport> build_cycle_report(const git::History& history, const roster::Roster& roster,
                                               RosterMode mode, const Cycle& cycle) {
    const auto resolution = resolve_identities(history, roster);
    auto now = analyse_window(history, resolution, roster, mode, cycle.window, cycle.to.commit);
    if (!now) return std::unexpected(now.error());
    CycleReport report;
    report.previous_exists = previous_exists(history, cycle);
    std::optional<WindowState> previous;
    if (report.previous_exists) {
        auto analysed = analyse_window(history, resolution, roster, mode, cycle.previous, cycle.previous_end_commit);
        if (!analysed) return std::unexpected(analysed.error());
        previous = std::move(*analysed);
    }
    const WindowState* before = previous ? &*previous : nullptr;
    report.project = roster.projects.empty() ? std::string() : roster.projects.front().name;
    report.roster_file = roster.file;
    report.mode = mode;
    report.head_id = now->history->head_id;
    report.cycle = cycle;
    report.summary = summarise(history, *now, before);
    report.checkins = now->checkins;
    report.truck_factor = now->factors.truck_factor;
    report.contributor_absence = now->factors.contributor_absence;
    report.elephant = now->factors.elephant;
    report.hats = hat_cycles(now->coverage, before ? &before->coverage : nullptr, hats_of(roster), roster.thresholds,
                             mode);
    const auto spans = person_spans(*now);
    report.people = people_of(*now, before, spans);
    report.newcomers = newcomers_of(*now, spans);
    if (before != nullptr) report.leavers = leavers_of(*now, *before, spans);
    // A range's end tag may sit on a release branch, off the history as of the window's end.
    report.releases = releases_of(cycle.window.commits ? history : *now->history, resolution, cycle);
    report.weeks = weeks_of(*now);
    report.warnings = warnings_of(history, roster, cycle, report.previous_exists, now->commits);
    report.asks = derive_asks(report, roster.thresholds);
    DigestLimits limits;
    limits.meaningful_share = roster.thresholds.single_point_backup_share;
    report.digest = digest_cycle(report, limits);
    return report;
}

}  // namespace roles::engine
