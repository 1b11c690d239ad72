#include "roles/engine/cycle.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "roles/roster/loader.hpp"
#include "roles/util/text.hpp"

namespace roles::engine {
namespace {

constexpr std::int64_t k_last_second_of_day = 86399;

using CommitTimes = std::unordered_map<std::string_view, std::int64_t>;

CommitTimes commit_times(const git::History& history) {
    CommitTimes times;
    times.reserve(history.commits.size());
    for (const auto& commit : history.commits) times.emplace(commit.id, commit.time);
    return times;
}

std::int64_t tag_time_in(const git::Tag& tag, const CommitTimes& times) {
    const auto found = times.find(tag.target);
    return found == times.end() ? tag.time : std::max(tag.time, found->second);
}

util::Error cycle_error(std::string cause) {
    return util::Error{util::ErrorKind::usage, "--cycle", std::move(cause), {}};
}

bool is_hex(std::string_view text) {
    return std::ranges::all_of(text, [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

// A commit id prefix names a commit only when exactly one commit of the history has it.
util::Expected<std::optional<CycleEndpoint>> commit_endpoint(const git::History& history, const std::string& spec) {
    if (spec.size() < 4 || !is_hex(spec)) return std::nullopt;
    const std::string prefix = util::to_lower_ascii(spec);
    const git::Commit* match = nullptr;
    for (const auto& commit : history.commits) {
        if (!commit.id.starts_with(prefix)) continue;
        if (match != nullptr) return std::unexpected(cycle_error("commit id prefix " + util::quoted(spec) + " is ambiguous"));
        match = &commit;
    }
    if (match == nullptr) return std::nullopt;
    return CycleEndpoint{spec, EndpointKind::commit, match->id, match->time};
}

util::Expected<CycleEndpoint> resolve_endpoint(const git::History& history, const CommitTimes& times,
                                               const std::string& spec, const RefLookup& lookup) {
    if (spec.empty()) return std::unexpected(cycle_error("expected A..B with both ends given, or 'auto'"));
    if (const auto date = roster::parse_date(spec)) return CycleEndpoint{spec, EndpointKind::date, {}, date->seconds()};
    for (const auto& tag : history.tags) {
        if (tag.name == spec) return CycleEndpoint{spec, EndpointKind::tag, tag.target, tag_time_in(tag, times)};
    }
    auto commit = commit_endpoint(history, spec);
    if (!commit) return std::unexpected(commit.error());
    if (*commit) return **commit;
    if (lookup) {
        auto point = lookup(spec);
        if (point) return CycleEndpoint{spec, EndpointKind::ref, point->commit, point->time};
    }
    if (RE2::FullMatch(spec, R"(\d{4}-\d{2}-\d{2})")) {
        return std::unexpected(cycle_error(util::quoted(spec) + " is not a valid date (YYYY-MM-DD)"));
    }
    return std::unexpected(cycle_error(util::quoted(spec) +
                                       " is neither a date (YYYY-MM-DD), a tag, a commit nor a branch of the repository"));
}

Window window_between(const CycleEndpoint& from, const CycleEndpoint& to) {
    Window window;
    window.begin = from.kind == EndpointKind::date ? from.time : from.time + 1;
    window.end = to.kind == EndpointKind::date ? to.time + k_last_second_of_day : to.time;
    return window;
}

util::Expected<Cycle> automatic_cycle(const git::History& history, const CommitTimes& times) {
    std::vector<std::pair<std::int64_t, const git::Tag*>> releases;
    for (const auto& tag : history.tags) {
        if (times.contains(tag.target) && looks_like_release(tag.name)) releases.emplace_back(tag_time_in(tag, times), &tag);
    }
    std::ranges::sort(releases, [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : a.second->name < b.second->name;
    });
    // Two names for one release (v1.2.0 and 1.2.0 on one commit) are one release: the start
    // is the latest release tag older than the newest.
    const auto older = std::find_if(releases.rbegin(), releases.rend(), [&](const auto& release) {
        return release.first < releases.back().first;
    });
    if (older == releases.rend()) {
        return std::unexpected(cycle_error(
            "'auto' needs two release tags (such as v1.2.0 or 31.0.0) made at different times on the analysed "
            "history, found " + std::to_string(releases.size()) +
            "; give the cycle as A..B (tags, commits, branches or dates)"));
    }
    const auto& [from_time, from_tag] = *older;
    const auto& [to_time, to_tag] = releases.back();
    Cycle cycle;
    cycle.automatic = true;
    cycle.from = {from_tag->name, EndpointKind::tag, from_tag->target, from_time};
    cycle.to = {to_tag->name, EndpointKind::tag, to_tag->target, to_time};
    return cycle;
}

// Undoes `commit`'s changes on the set of files present after it.
void undo_changes(const git::Commit& commit, std::unordered_set<git::PathId>& present) {
    for (const auto& change : commit.changes) {
        switch (change.kind) {
            case git::ChangeKind::added: present.erase(change.path); break;
            case git::ChangeKind::deleted: present.insert(change.path); break;
            case git::ChangeKind::renamed:
                present.erase(change.path);
                present.insert(change.old_path);
                break;
            case git::ChangeKind::modified: break;
        }
    }
}

std::vector<git::PathId> files_before(const git::History& history, const std::vector<const git::Commit*>& dropped) {
    std::unordered_set<git::PathId> present(history.head_files.begin(), history.head_files.end());
    for (const auto* commit : dropped) undo_changes(*commit, present);  // newest first
    std::vector<git::PathId> files;
    for (const auto path : history.head_files) {
        if (present.erase(path) > 0) files.push_back(path);
    }
    std::vector<git::PathId> restored(present.begin(), present.end());
    std::ranges::sort(restored, [&](git::PathId a, git::PathId b) { return history.paths[a] < history.paths[b]; });
    files.insert(files.end(), restored.begin(), restored.end());
    return files;
}

double round2(double value) { return std::round(value * 100.0) / 100.0; }

}  // namespace

bool looks_like_release(std::string_view tag) {
    static const RE2 k_release(R"(^(?:[A-Za-z][A-Za-z0-9._-]*[-_/])?[vV]?\d+(?:\.\d+)+$)");
    return RE2::FullMatch(re2::StringPiece(tag.data(), tag.size()), k_release);
}

std::int64_t tag_time(const git::Tag& tag, const git::History& history) {
    for (const auto& commit : history.commits) {
        if (commit.id == tag.target) return std::max(tag.time, commit.time);
    }
    return tag.time;
}

Window previous_window(const Window& window) {
    const std::int64_t length = window.end - window.begin + 1;
    return Window{window.begin - length, window.begin - 1};
}

util::Expected<Cycle> resolve_cycle(const git::History& history, std::string_view spec, const RefLookup& lookup) {
    const auto times = commit_times(history);
    Cycle cycle;
    if (spec == "auto") {
        auto automatic = automatic_cycle(history, times);
        if (!automatic) return std::unexpected(automatic.error());
        cycle = std::move(*automatic);
    } else {
        const auto dots = spec.find("..");
        if (dots == std::string_view::npos) {
            return std::unexpected(cycle_error(util::quoted(spec) + " is not a cycle: expected A..B or 'auto'"));
        }
        auto from = resolve_endpoint(history, times, std::string(spec.substr(0, dots)), lookup);
        if (!from) return std::unexpected(from.error());
        auto to = resolve_endpoint(history, times, std::string(spec.substr(dots + 2)), lookup);
        if (!to) return std::unexpected(to.error());
        cycle.from = std::move(*from);
        cycle.to = std::move(*to);
    }
    cycle.label = cycle.from.spec + ".." + cycle.to.spec;
    cycle.window = window_between(cycle.from, cycle.to);
    if (cycle.window.end < cycle.window.begin) {
        return std::unexpected(cycle_error("the cycle " + util::quoted(cycle.label) + " ends before it starts: " +
                                           util::quoted(cycle.to.spec) + " is not later than " +
                                           util::quoted(cycle.from.spec)));
    }
    cycle.previous = previous_window(cycle.window);
    return cycle;
}

git::History history_until(const git::History& history, std::int64_t end) {
    git::History out;
    out.identities = history.identities;
    out.paths = history.paths;
    std::vector<const git::Commit*> dropped;
    for (const auto& commit : history.commits) {
        if (commit.time <= end) {
            out.commits.push_back(commit);
        } else {
            dropped.push_back(&commit);
        }
    }
    for (const auto& tag : history.tags) {
        if (tag.time <= end) out.tags.push_back(tag);
    }
    if (dropped.empty()) {
        out.head_files = history.head_files;
        out.head_id = history.head_id;
        out.head_time = history.head_time;
    } else {
        out.head_files = files_before(history, dropped);
        out.head_id = out.commits.empty() ? std::string() : out.commits.front().id;
        out.head_time = out.commits.empty() ? 0 : out.commits.front().time;
    }
    out.repo_path = history.repo_path;
    out.workdir = history.workdir;
    out.shallow = history.shallow;
    out.missing_objects = history.missing_objects;
    out.warnings = history.warnings;
    return out;
}

std::string_view to_string(Trend trend) {
    static constexpr std::array<std::string_view, 4> k_names = {"same", "up", "down", "new"};
    return k_names[static_cast<std::size_t>(trend)];
}

std::string_view to_string(Assessment assessment) {
    static constexpr std::array<std::string_view, 3> k_names = {"neutral", "better", "worse"};
    return k_names[static_cast<std::size_t>(assessment)];
}

Figure make_figure(double current, std::optional<double> previous, Polarity polarity, Scale scale) {
    Figure figure;
    figure.scale = scale;
    figure.current = scale == Scale::ratio ? round2(current) : current;
    if (!previous) return figure;
    figure.previous = scale == Scale::ratio ? round2(*previous) : *previous;
    if (figure.current == *figure.previous) {
        figure.trend = Trend::same;
        return figure;
    }
    figure.trend = figure.current > *figure.previous ? Trend::up : Trend::down;
    if (polarity == Polarity::neutral) return figure;
    const bool higher_better = polarity == Polarity::higher_is_better;
    figure.assessment = (figure.trend == Trend::up) == higher_better ? Assessment::better : Assessment::worse;
    return figure;
}

std::string_view to_string(HatChange::Kind kind) {
    static constexpr std::array<std::string_view, 6> k_names = {
        "became-vacant", "status-changed", "holder-added", "holder-left", "holder-went-quiet", "new-implicit-holder"};
    return k_names[static_cast<std::size_t>(kind)];
}

std::string_view to_string(AskKind kind) {
    static constexpr std::array<std::string_view, 10> k_names = {
        "appoint",   "add-holders", "confirm-holders", "recognise-holder", "check-in",
        "find-backup", "rebalance", "spread-knowledge", "diversify",       "update-roster"};
    return k_names[static_cast<std::size_t>(kind)];
}

}  // namespace roles::engine
