#include "roles/engine/load.hpp"

#include <algorithm>
#include <tuple>

#include "roles/engine/audit.hpp"

#include "result_header.hpp"

namespace roles::engine {
namespace {

std::int64_t item_time(const EvidenceItem& item, const git::History& history) {
    return item.kind == EvidenceItem::Kind::commit ? history.commits[item.index].time
                                                   : history.tags[item.index].time;
}

// Items are newest first, so the first one crediting the person is their latest.
std::optional<std::int64_t> last_item(const HatEvidence& evidence, PersonId person,
                                      const git::History& history) {
    for (const auto& item : evidence.items) {
        if (std::ranges::find(item.credited, person) != item.credited.end()) return item_time(item, history);
    }
    return std::nullopt;
}

PersonHatEvidence hat_entry(const HatCoverage& hat, const HatEvidence& evidence, PersonId person,
                            const git::History& history) {
    PersonHatEvidence entry;
    entry.hat = hat.hat;
    entry.effort = hat.effort;
    entry.held = std::ranges::any_of(hat.holders, [&](const HolderState& h) { return h.person == person; });
    const auto active = std::ranges::count_if(hat.holders, [](const HolderState& h) { return h.active; });
    entry.sole = active == 1 && std::ranges::any_of(hat.holders, [&](const HolderState& h) {
                     return h.active && h.person == person;
                 });
    entry.items = static_cast<std::uint32_t>(evidence.items.size());
    entry.evidence = person < evidence.by_person.size() ? evidence.by_person[person] : 0;
    entry.share = evidence.share(person);
    if (entry.evidence > 0) entry.last = last_item(evidence, person, history);
    return entry;
}

void add_hats(PersonLoadRow& row, const LoadInput& input) {
    for (std::size_t h = 0; h < input.coverage.size() && h < input.evidence.size(); ++h) {
        auto entry = hat_entry(input.coverage[h], input.evidence[h], row.person, input.history);
        if (!entry.held && entry.evidence == 0) continue;
        if (entry.held) {
            row.hats.push_back(entry.hat);
            row.effort += entry.effort;
        }
        if (entry.sole) row.sole_hats.push_back(entry.hat);
        row.evidence.push_back(std::move(entry));
    }
}

std::vector<CommitTime> commit_times(const LoadInput& input, PersonId person) {
    std::vector<CommitTime> times;
    if (person >= input.activity.commits_by_person.size()) return times;
    for (const auto index : input.activity.commits_by_person[person]) {
        const auto& commit = input.history.commits[index];
        times.push_back({commit.time, commit.offset_minutes, input.window.holds(commit)});
    }
    return times;
}

PersonLoadRow assess_person(const LoadInput& input, PersonId person, std::uint32_t window_commits) {
    const auto& info = input.resolution.people[person];
    PersonLoadRow row;
    row.person = person;
    row.key = info.key;
    row.name = info.name;
    row.on_roster = info.on_roster;
    row.affiliation = info.affiliation;
    row.capacity = info.capacity;
    add_hats(row, input);
    row.activity = activity_counts(input.activity, person, input.window);
    row.last_activity = last_activity(input.activity, person);
    // The roster loader rejects a capacity of 0; a hand-built one must not divide by it.
    row.commitment = row.capacity > 0.0 ? row.effort / row.capacity : row.effort;
    const HatLoad hat_load{static_cast<int>(row.hats.size()), static_cast<int>(row.sole_hats.size()),
                           row.commitment};
    row.load = assess_load(commit_times(input, person), input.window, input.thresholds, hat_load);
    row.risk = row.load.signals.risk();
    row.commit_share =
        window_commits == 0 ? 0.0 : static_cast<double>(row.load.profile.commits) / window_commits;
    return row;
}

bool riskier(const PersonLoadRow& a, const PersonLoadRow& b) {
    return std::tie(b.risk, b.commitment, a.key) < std::tie(a.risk, a.commitment, b.key);
}

}  // namespace

std::uint32_t counted_commits_in(const Activity& activity, const git::History& history,
                                 const Window& window) {
    return static_cast<std::uint32_t>(std::ranges::count_if(
        activity.counted_commits,
        [&](std::uint32_t index) { return window.holds(history.commits[index]); }));
}

std::vector<PersonLoadRow> assess_people(const LoadInput& input) {
    const auto window_commits = counted_commits_in(input.activity, input.history, input.window);
    std::vector<PersonLoadRow> rows;
    for (std::size_t p = 0; p < input.resolution.people.size(); ++p) {
        auto row = assess_person(input, static_cast<PersonId>(p), window_commits);
        const bool active = std::ranges::any_of(row.activity, [](std::uint32_t n) { return n > 0; });
        if (row.on_roster || row.load.profile.commits > 0 || active) rows.push_back(std::move(row));
    }
    std::ranges::sort(rows, riskier);
    return rows;
}

util::Expected<LoadResult> run_load(const git::History& loaded, const roster::Roster& roster,
                                    RosterMode mode, const WindowRequest& request) {
    const Window window = resolve_window(loaded, roster, request);
    const auto at_end = history_at_window_end(loaded, window, request);
    const git::History& history = at_end ? *at_end : loaded;
    auto analysis = analyse_project(history, roster, mode, window);
    if (!analysis) return std::unexpected(analysis.error());
    LoadResult result;
    describe_run(result, history, roster, mode, analysis->window);
    result.window_rule = window_rule(request);
    result.commits = counted_commits_in(analysis->activity, history, result.window);
    result.thresholds = roster.thresholds;
    result.people = assess_people({history, analysis->resolution, analysis->activity, analysis->evidence,
                                   analysis->coverage, result.window, roster.thresholds});
    result.checkins = attach_checkins(result.people, roster, result.window);
    result.warnings = std::move(analysis->warnings);
    return result;
}

CheckinSummary attach_checkins(std::vector<PersonLoadRow>& rows, const roster::Roster& roster, const Window& window) {
    std::vector<const PersonCheckin*> given;
    for (auto& row : rows) {
        const auto person = row.on_roster ? roster.people.find(row.key) : roster.people.end();
        if (person == roster.people.end()) continue;
        row.checkin = checkin_for(person->second.checkins, window, row.commitment, row.risk, roster.thresholds);
        if (row.checkin) given.push_back(&*row.checkin);
    }
    return summarise_checkins(given, roster.thresholds.checkin_goal);
}

const PersonLoadRow* find_person(const LoadResult& result, const std::string& key) {
    const auto found = std::ranges::find(result.people, key, &PersonLoadRow::key);
    return found == result.people.end() ? nullptr : &*found;
}

}  // namespace roles::engine
