#include "roles/engine/cycle.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "cycle_line.hpp"
#include "roles/roster/loader.hpp"
#include "roles/util/text.hpp"
#include "roles/util/time.hpp"

namespace roles::engine {
namespace detail {

util::Error cycle_error(std::string cause) {
    return util::Error{util::ErrorKind::usage, "--cycle", std::move(cause), {}};
}

Line::Line(const git::History& history, const RepositoryLookup& lookup)
    : m_history(history), m_lookup(lookup), m_reach(history) {
    m_index.reserve(history.commits.size());
    for (std::size_t i = 0; i < history.commits.size(); ++i) {
        m_index.emplace(history.commits[i].id, static_cast<std::uint32_t>(i));
    }
}

std::optional<std::uint32_t> Line::index_of(std::string_view id) const {
    const auto found = m_index.find(id);
    return found == m_index.end() ? std::nullopt : std::optional<std::uint32_t>(found->second);
}

util::Expected<std::optional<Placed>> Line::place(const std::string& commit) const {
    if (const auto index = index_of(commit)) return Placed{*index, Placement::on_line};
    if (const auto known = m_placed.find(commit); known != m_placed.end()) return known->second;
    std::optional<Placed> placed;
    if (m_lookup.fork && !m_history.head_id.empty()) {
        auto base = m_lookup.fork(m_history.head_id, commit);
        if (!base) return std::unexpected(base.error());
        if (*base) {
            if (const auto index = index_of(**base)) placed = Placed{*index, Placement::fork_point};
        }
    }
    m_placed.emplace(commit, placed);
    return placed;
}

util::Expected<std::optional<CycleEndpoint>> Line::tag_end(const git::Tag& tag) const {
    auto placed = place(tag.target);
    if (!placed) return std::unexpected(placed.error());
    if (!*placed) return std::nullopt;
    const auto& commit = m_history.commits[(*placed)->index];
    const bool on_line = (*placed)->placement == Placement::on_line;
    return CycleEndpoint{tag.name,  EndpointKind::tag, commit.id, tag.target, (*placed)->placement,
                         on_line ? std::max(tag.time, commit.time) : commit.time};
}

}  // namespace detail

namespace {

using detail::cycle_error;
using detail::Line;

constexpr std::int64_t k_last_second_of_day = 86399;
constexpr std::int64_t k_day = 86400;

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
    return CycleEndpoint{spec, EndpointKind::commit, match->id, match->id, Placement::on_line, match->time};
}

util::Error off_history(const std::string& spec, const std::string& commit) {
    return cycle_error(util::quoted(spec) + " (commit " + commit.substr(0, 12) +
                       ") is neither on the analysed history nor on a branch forked from it; to report on its own "
                       "history pass --ref " + spec);
}

// A ref's commit placed on the line: as is, or at its fork point; an error when neither.
util::Expected<CycleEndpoint> placed_ref(const Line& line, const std::string& spec, EndpointKind kind,
                                         const RefPoint& point) {
    auto placed = line.place(point.commit);
    if (!placed) return std::unexpected(placed.error());
    if (!*placed) return std::unexpected(off_history(spec, point.commit));
    const auto& commit = line.history().commits[(*placed)->index];
    const bool on_line = (*placed)->placement == Placement::on_line;
    return CycleEndpoint{spec, kind, commit.id, point.commit, (*placed)->placement, on_line ? point.time : commit.time};
}

util::Expected<CycleEndpoint> resolve_endpoint(const Line& line, const std::string& spec) {
    const auto& history = line.history();
    if (spec.empty()) return std::unexpected(cycle_error("expected A..B with both ends given, or 'auto'"));
    if (const auto date = roster::parse_date(spec)) {
        return CycleEndpoint{spec, EndpointKind::date, {}, {}, Placement::on_line, date->seconds()};
    }
    for (const auto& tag : history.tags) {
        if (tag.name != spec) continue;
        auto end = line.tag_end(tag);
        if (!end) return std::unexpected(end.error());
        if (!*end) return std::unexpected(off_history(spec, tag.target));
        return std::move(**end);
    }
    auto commit = commit_endpoint(history, spec);
    if (!commit) return std::unexpected(commit.error());
    if (*commit) return **commit;
    if (line.lookup().ref) {
        if (auto point = line.lookup().ref(spec)) return placed_ref(line, spec, EndpointKind::ref, *point);
    }
    if (RE2::FullMatch(spec, R"(\d{4}-\d{2}-\d{2})")) {
        return std::unexpected(cycle_error(util::quoted(spec) + " is not a valid date (YYYY-MM-DD)"));
    }
    return std::unexpected(cycle_error(util::quoted(spec) +
                                       " is neither a date (YYYY-MM-DD), a tag, a commit nor a branch of the repository"));
}

bool is_ref(const CycleEndpoint& end) { return end.kind != EndpointKind::date; }

WindowEnd end_of(const Line& line, const CycleEndpoint& end, std::int64_t time) {
    return WindowEnd{is_ref(end) ? line.index_of(end.commit) : std::nullopt, time};
}

Window window_between(const Line& line, const CycleEndpoint& from, const CycleEndpoint& to) {
    Window window;
    window.begin = is_ref(from) ? from.time + 1 : from.time;
    window.end = is_ref(to) ? to.time : to.time + k_last_second_of_day;
    window.commits = commits_between(line.history(), end_of(line, from, window.begin), end_of(line, to, window.end),
                                     &line.reach());
    return window;
}

// Whether a ref end is not after the start: B is A or one of its ancestors.
bool range_is_empty(const Line& line, const CycleEndpoint& from, const CycleEndpoint& to) {
    const auto from_index = line.index_of(from.commit);
    const auto to_index = line.index_of(to.commit);
    return line.reach().from(*from_index)[*to_index];
}

std::string placement_note(const CycleEndpoint& end) {
    if (end.placement != Placement::fork_point) return {};
    return util::quoted(end.spec) + " is not on the analysed history; it is placed where its branch forked from it (git "
                                    "merge-base HEAD " + end.spec + " = " + end.commit.substr(0, 12) + ")";
}

// The previous cycle: the release before A to A, else the window of the same length
// before this one (holding only ancestors of A when A is a ref).
util::Expected<void> set_previous(const Line& line, Cycle& cycle) {
    if (is_ref(cycle.from)) {
        cycle.previous_end_commit = cycle.from.commit;
        auto before = detail::release_before(line, cycle.from);
        if (!before) return std::unexpected(before.error());
        if (*before) {
            cycle.previous_label = (*before)->spec + ".." + cycle.from.spec;
            cycle.previous_rule = WindowRule::range;
            cycle.previous = window_between(line, **before, cycle.from);
            return {};
        }
    }
    cycle.previous = previous_window(cycle.window);
    cycle.previous_label = util::format_date(cycle.previous.begin) + ".." + util::format_date(cycle.previous.end);
    cycle.previous_rule = is_ref(cycle.from) ? WindowRule::mixed : WindowRule::dates;
    if (is_ref(cycle.from)) {
        cycle.previous.commits = commits_between(line.history(), WindowEnd{std::nullopt, cycle.previous.begin},
                                                 end_of(line, cycle.from, cycle.previous.end), &line.reach());
    }
    return {};
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
    return Window{window.begin - length, window.begin - 1, nullptr};
}

util::Expected<Cycle> resolve_cycle(const git::History& history, std::string_view spec, const RepositoryLookup& lookup) {
    const Line line(history, lookup);
    Cycle cycle;
    if (spec == "auto") {
        auto ends = detail::automatic_ends(line);
        if (!ends) return std::unexpected(ends.error());
        cycle.automatic = true;
        cycle.from = std::move(ends->from);
        cycle.to = std::move(ends->to);
        cycle.picked_by = std::move(ends->picked_by);
    } else {
        const auto dots = spec.find("..");
        if (dots == std::string_view::npos) {
            return std::unexpected(cycle_error(util::quoted(spec) + " is not a cycle: expected A..B or 'auto'"));
        }
        auto from = resolve_endpoint(line, std::string(spec.substr(0, dots)));
        if (!from) return std::unexpected(from.error());
        auto to = resolve_endpoint(line, std::string(spec.substr(dots + 2)));
        if (!to) return std::unexpected(to.error());
        cycle.from = std::move(*from);
        cycle.to = std::move(*to);
        for (const auto* end : {&cycle.from, &cycle.to}) {
            const auto note = placement_note(*end);
            if (!note.empty()) cycle.picked_by += (cycle.picked_by.empty() ? "" : "; ") + note;
        }
    }
    cycle.label = cycle.from.spec + ".." + cycle.to.spec;
    cycle.rule = rule_between(end_of(line, cycle.from, 0), end_of(line, cycle.to, 0));
    cycle.window = window_between(line, cycle.from, cycle.to);
    // A range is empty when B is A or an ancestor of it; its dates must run forwards too.
    const bool empty = cycle.window.end < cycle.window.begin ||
                       (cycle.rule == WindowRule::range && range_is_empty(line, cycle.from, cycle.to));
    if (empty) {
        return std::unexpected(cycle_error("the cycle " + util::quoted(cycle.label) + " ends before it starts: " +
                                           util::quoted(cycle.to.spec) + " is not later than " +
                                           util::quoted(cycle.from.spec)));
    }
    if (auto previous = set_previous(line, cycle); !previous) return std::unexpected(previous.error());
    return cycle;
}

util::Expected<CycleEndpoint> resolve_cycle_end(const git::History& history, const std::string& spec,
                                                const RepositoryLookup& lookup) {
    return resolve_endpoint(Line(history, lookup), spec);
}

std::vector<std::string> cycle_warnings(const Cycle& cycle, std::uint32_t counted_commits, std::int64_t head_time) {
    std::vector<std::string> out;
    const std::string how = cycle.automatic
                                ? "; choose another pair with --cycle A..B (two release tags, commits or dates)"
                                : "; check that these are the ends you meant";
    const auto days = (cycle.window.end - cycle.window.begin + 1) / k_day;
    if (cycle.window.end - cycle.window.begin + 1 < 14 * k_day) {
        out.push_back("the cycle " + cycle.label + " lasts " + std::to_string(days) + " days, less than 14" + how);
    }
    if (counted_commits < 20) {
        out.push_back("the cycle " + cycle.label + " holds " + std::to_string(counted_commits) +
                      " counted commits, fewer than 20" + how);
    }
    if (head_time - cycle.window.end > 365 * k_day) {
        out.push_back("the cycle " + cycle.label + " ends on " + util::format_date(cycle.window.end) +
                      ", more than a year before HEAD (" + util::format_date(head_time) + ")" + how);
    }
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
