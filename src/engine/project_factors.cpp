#include "roles/engine/project_factors.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "roles/engine/source_filter.hpp"
#include "roles/util/glob.hpp"

namespace roles::engine {
namespace {

const std::string& key_of(const Resolution& resolution, PersonId person) {
    static const std::string k_unknown;
    return person < resolution.people.size() ? resolution.people[person].key : k_unknown;
}

ScopedTruckFactor scoped(std::string scope, const TruckFactorResult& result, const Resolution& resolution) {
    ScopedTruckFactor out;
    out.scope = std::move(scope);
    out.truck_factor = result.truck_factor;
    out.files = result.files_considered;
    out.covered_before = result.files_covered_before;
    out.covered_after = result.files_covered_after;
    for (const auto& removed : result.removed) {
        out.people.push_back({key_of(resolution, removed.person), removed.files, removed.changes});
    }
    return out;
}

ConcentrationFactor concentration(const FactorResult& result, const Resolution& resolution) {
    ConcentrationFactor out;
    out.factor = result.factor;
    out.total_commits = result.total_commits;
    for (const auto& member : result.members) {
        FactorGroup group{member.name, member.kind, member.commits, 0.0, {}};
        if (result.total_commits > 0) {
            group.share = static_cast<double>(member.commits) / static_cast<double>(result.total_commits);
        }
        for (const auto person : member.people) group.people.push_back(key_of(resolution, person));
        out.members.push_back(std::move(group));
    }
    return out;
}

// A hat's area, compiled.
struct Area {
    const roster::Hat* hat = nullptr;
    util::GlobSet globs;
};

util::Expected<std::vector<Area>> compile_areas(const std::vector<roster::Hat>& hats) {
    std::vector<Area> areas;
    for (const auto& hat : hats) {
        if (hat.def.area.empty()) continue;
        auto globs = util::GlobSet::compile(hat.def.area);
        if (!globs) return std::unexpected(globs.error());
        areas.push_back({&hat, std::move(*globs)});
    }
    return areas;
}

// A hat is responsible for everything in its area, so its documentation and configuration
// count there (a docs liaison's area is documentation); third-party and generated files
// are nobody's knowledge anywhere.
bool counts_for_area(std::string_view path) {
    const auto file_class = classify_file(path);
    return file_class != FileClass::vendored && file_class != FileClass::generated;
}

TruckFactorResult truck_factor_of(const Authorship& authorship, const Resolution& resolution,
                                  std::vector<git::PathId> paths) {
    std::ranges::sort(paths);
    TruckFactorOptions options;
    options.include = [&paths](git::PathId path) { return std::ranges::binary_search(paths, path); };
    return truck_factor(authorship, resolution, options);
}

ScopedTruckFactor area_truck_factor(const Area& area, const Authorship& authorship,
                                    const FactorsInput& input) {
    std::vector<git::PathId> paths;
    for (const auto& file : authorship.files) {
        const auto& path = input.history.paths[file.path];
        if (area.globs.matches(path) && counts_for_area(path)) paths.push_back(file.path);
    }
    auto out = scoped(area.hat->def.id, truck_factor_of(authorship, input.resolution, std::move(paths)),
                      input.resolution);
    out.area = area.hat->def.area;
    return out;
}

// The repository and each top-level directory, over source files only.
void source_truck_factors(const Authorship& authorship, const FactorsInput& input, ProjectFactors& factors) {
    std::vector<git::PathId> source;
    std::map<std::string, std::vector<git::PathId>, std::less<>> by_directory;
    for (const auto& file : authorship.files) {
        const auto& path = input.history.paths[file.path];
        if (!is_source_file(path)) continue;
        source.push_back(file.path);
        by_directory[std::string(top_level_directory(path))].push_back(file.path);
    }
    std::uint32_t source_at_head = 0;
    for (const auto path : input.history.head_files)
        source_at_head += is_source_file(input.history.paths[path]) ? 1 : 0;
    factors.files_at_head = authorship.files_at_head;
    factors.files_not_source = authorship.files_at_head - source_at_head;
    factors.files_without_people = source_at_head - static_cast<std::uint32_t>(source.size());
    factors.truck_factor =
        scoped(".", truck_factor_of(authorship, input.resolution, std::move(source)), input.resolution);
    for (auto& [directory, paths] : by_directory) {
        factors.by_directory.push_back(scoped(
            directory, truck_factor_of(authorship, input.resolution, std::move(paths)), input.resolution));
    }
}

// Credited commits of each person inside the window; a co-authored commit counts for each.
std::vector<std::uint64_t> window_commits(const FactorsInput& input) {
    std::vector<std::uint64_t> counts(input.resolution.people.size(), 0);
    for (const auto index : input.activity.counted_commits) {
        if (!input.window.contains(input.history.commits[index].time)) continue;
        for (const auto person : input.activity.credited[index]) {
            if (person < counts.size()) ++counts[person];
        }
    }
    return counts;
}

}  // namespace

util::Expected<ProjectFactors> compute_project_factors(const FactorsInput& input) {
    auto areas = compile_areas(input.hats);
    if (!areas) return std::unexpected(areas.error());
    // One walk serves every scope: source files, plus whatever a hat's area takes in.
    const auto authorship =
        compute_authorship(input.history, input.activity.credited, [&](std::string_view path) {
            if (is_source_file(path)) return true;
            if (areas->empty() || !counts_for_area(path)) return false;
            const std::string text(path);
            return std::ranges::any_of(*areas, [&](const Area& area) { return area.globs.matches(text); });
        });
    ProjectFactors factors;
    source_truck_factors(authorship, input, factors);
    for (const auto& area : *areas) factors.by_hat.push_back(area_truck_factor(area, authorship, input));
    const auto commits = window_commits(input);
    factors.contributor_absence =
        concentration(contributor_absence_factor(commits, input.resolution), input.resolution);
    factors.elephant = concentration(elephant_factor(commits, input.resolution), input.resolution);
    return factors;
}

}  // namespace roles::engine
