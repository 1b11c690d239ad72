#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "cycle_line.hpp"
#include "roles/util/text.hpp"
#include "roles/util/time.hpp"

namespace roles::engine {
namespace detail {
namespace {

using Version = std::vector<std::uint64_t>;
using SeriesKey = std::array<std::uint64_t, 2>;

// A release series (the first two numbers of a version) and the tag that opened it: its
// lowest version (of two names of one version, the greater name: "v1.3.0" over "1.3.0").
struct Series {
    SeriesKey key{};
    Version version;
    const git::Tag* tag = nullptr;
};

SeriesKey series_key(const Version& version) { return {version[0], version.size() > 1 ? version[1] : 0}; }

std::vector<Series> release_series(const git::History& history) {
    std::vector<Series> out;
    for (const auto& tag : history.tags) {
        auto version = release_version(tag.name);
        if (version.empty()) continue;
        const auto key = series_key(version);
        auto found = std::ranges::find(out, key, &Series::key);
        if (found == out.end()) {
            out.push_back({key, std::move(version), &tag});
        } else if (version < found->version || (version == found->version && tag.name > found->tag->name)) {
            found->version = std::move(version);
            found->tag = &tag;
        }
    }
    std::ranges::sort(out, [](const Series& a, const Series& b) { return a.key < b.key; });
    return out;
}

// The latest its release can land on the line: its commit's time when on the line, else
// the tag's time (a fork point is an ancestor of the tagged commit, so it is no later).
std::int64_t upper_bound_time(const Line& line, const Series& series) {
    const auto index = line.index_of(series.tag->target);
    return index ? std::max(series.tag->time, line.history().commits[*index].time) : series.tag->time;
}

std::string version_text(const SeriesKey& key) { return std::to_string(key[0]) + "." + std::to_string(key[1]); }

std::string placed_text(const CycleEndpoint& end) {
    if (end.placement == Placement::on_line) return util::quoted(end.spec) + " is on the analysed history";
    return util::quoted(end.spec) + " is on a branch forked from the analysed history, so its cycle ends where that "
                                    "branch forked (git merge-base HEAD " + end.spec + " = " + end.commit.substr(0, 12) +
           ", " + util::format_date(end.time) + ")";
}

// B: the series whose release lands latest on the line (ties: the higher version).
util::Expected<std::optional<std::pair<const Series*, CycleEndpoint>>> latest_series(const Line& line,
                                                                                    const std::vector<Series>& all) {
    std::vector<const Series*> by_time;
    for (const auto& series : all) by_time.push_back(&series);
    std::ranges::sort(by_time, [&](const Series* a, const Series* b) {
        return upper_bound_time(line, *a) > upper_bound_time(line, *b);
    });
    std::optional<std::pair<const Series*, CycleEndpoint>> best;
    for (const Series* series : by_time) {
        if (best && upper_bound_time(line, *series) < best->second.time) break;
        auto end = line.tag_end(*series->tag);
        if (!end) return std::unexpected(end.error());
        if (!*end) continue;
        if (!best || (*end)->time > best->second.time ||
            ((*end)->time == best->second.time && series->key > best->first->key)) {
            best.emplace(series, std::move(**end));
        }
    }
    return best;
}

// The highest series below `key` whose release is a strict ancestor of `end`.
util::Expected<std::optional<std::pair<const Series*, CycleEndpoint>>> series_before(
    const Line& line, const std::vector<Series>& all, const SeriesKey& key, const CycleEndpoint& end) {
    const auto end_index = line.index_of(end.commit);
    if (!end_index) return std::nullopt;
    const auto& reach = line.reach().from(*end_index);
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (!(it->key < key)) continue;
        const bool on_line = line.index_of(it->tag->target).has_value();
        if (end.placement == Placement::on_line && !on_line) continue;
        auto start = line.tag_end(*it->tag);
        if (!start) return std::unexpected(start.error());
        if (!*start) continue;
        const auto index = line.index_of((*start)->commit);
        if (!index || *index == *end_index || !reach[*index]) continue;
        return std::optional<std::pair<const Series*, CycleEndpoint>>(std::pair{&*it, std::move(**start)});
    }
    return std::nullopt;
}

util::Error too_few(std::size_t found) {
    return cycle_error("'auto' needs two releases of successive series (tags such as v1.2.0 or 31.0.0) on the "
                       "analysed history or on branches forked from it, found " + std::to_string(found) +
                       "; give the cycle as A..B (tags, commits, branches or dates)");
}

}  // namespace

util::Expected<AutoEnds> automatic_ends(const Line& line) {
    const auto all = release_series(line.history());
    auto latest = latest_series(line, all);
    if (!latest) return std::unexpected(latest.error());
    if (!*latest) return std::unexpected(too_few(0));
    const auto& [to_series, to] = **latest;
    auto before = series_before(line, all, to_series->key, to);
    if (!before) return std::unexpected(before.error());
    if (!*before) return std::unexpected(too_few(1));
    const auto& [from_series, from] = **before;
    AutoEnds ends{from, to, {}};
    ends.picked_by = "auto: series " + version_text(to_series->key) + " is the release series that lands latest on the "
                     "analysed history (" + placed_text(to) + "); series " + version_text(from_series->key) +
                     " is the one before it by version order (" + placed_text(from) +
                     "); each series is represented by its first release, so patch releases never end a cycle";
    return ends;
}

util::Expected<std::optional<CycleEndpoint>> release_before(const Line& line, const CycleEndpoint& end) {
    if (end.kind != EndpointKind::tag) return std::nullopt;
    const auto version = release_version(end.spec);
    if (version.empty()) return std::nullopt;
    const auto all = release_series(line.history());
    auto before = series_before(line, all, series_key(version), end);
    if (!before) return std::unexpected(before.error());
    if (!*before) return std::nullopt;
    return std::optional<CycleEndpoint>(std::move((*before)->second));
}

}  // namespace detail

std::vector<std::uint64_t> release_version(std::string_view tag) {
    if (!looks_like_release(tag)) return {};
    static const RE2 k_numbers(R"((\d+(?:\.\d+)+)$)");
    std::string numbers;
    if (!RE2::PartialMatch(re2::StringPiece(tag.data(), tag.size()), k_numbers, &numbers)) return {};
    std::vector<std::uint64_t> version;
    std::uint64_t value = 0;
    for (const char c : numbers) {
        if (c == '.') {
            version.push_back(value);
            value = 0;
        } else {
            value = value * 10 + static_cast<std::uint64_t>(c - '0');
        }
    }
    version.push_back(value);
    return version;
}

}  // namespace roles::engine
