#include "roles/engine/project_factors.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <string_view>
#include <vector>

#include "roles/engine/source_filter.hpp"
#include "roles/git/glob.hpp"

namespace roles::engine {
namespace {

const std::string& key_of(const Resolution& resolution, PersonId person) {
    static const std::string k_unknown;
    return person < resolution.people.size() ? resolution.people[person].key : k_unknown;
}

std::vector<TruckFactorPerson> people_of(const TruckFactorResult& result, const Resolution& resolution) {
    std::vector<TruckFactorPerson> people;
    for (const auto& removed : result.removed) {
        people.push_back({key_of(resolution, removed.person), resolution.people.at(removed.person).label(),
                          removed.files, removed.changes});
    }
    return people;
}

// What every scope's truck factors share: who is gone, and how to name people and paths.
struct ScopeContext {
    const Resolution& resolution;
    const git::History& history;
    std::vector<PersonId> gone;     ///< ascending
    std::vector<PersonId> without;  ///< the departing people (what-if), ascending
    std::vector<PersonId> absent;   ///< gone ∪ without, ascending
};

// The classic and the absence-aware truck factor over `paths`.
ScopedTruckFactor scoped(std::string scope, const Authorship& authorship, std::vector<git::PathId> paths,
                         const ScopeContext& context) {
    std::ranges::sort(paths);
    TruckFactorOptions options;
    options.include = [&paths](git::PathId path) { return std::ranges::binary_search(paths, path); };
    options.without = context.without;
    const TruckFactorResult result = truck_factor(authorship, context.resolution, options);
    ScopedTruckFactor out;
    out.scope = std::move(scope);
    out.truck_factor = result.truck_factor;
    out.files = result.files_considered;
    out.covered_before = result.files_covered_before;
    out.covered_after = result.files_covered_after;
    out.people = people_of(result, context.resolution);
    for (const git::PathId path : result.orphaned) out.orphaned.push_back(context.history.paths[path]);
    std::ranges::sort(out.orphaned);
    options.without = context.absent;
    const TruckFactorResult absent = truck_factor(authorship, context.resolution, options);
    out.absent.truck_factor = absent.truck_factor;
    out.absent.covered_before = absent.files_covered_before;
    out.absent.covered_after = absent.files_covered_after;
    out.absent.people = people_of(absent, context.resolution);
    for (const git::PathId path : absent.orphaned) out.absent.orphaned.push_back(context.history.paths[path]);
    std::ranges::sort(out.absent.orphaned);
    return out;
}

// People with no credited commit in (since, window end]: gone for the absence-aware figures.
std::vector<PersonId> gone_people(const FactorsInput& input, std::int64_t since) {
    std::vector<PersonId> gone;
    const auto& by_person = input.activity.commits_by_person;
    for (PersonId person = 0; person < by_person.size(); ++person) {
        const bool active = std::ranges::any_of(by_person[person], [&](std::uint32_t index) {
            const std::int64_t time = input.history.commits[index].time;
            return time > since && time <= input.window.end;
        });
        if (!active) gone.push_back(person);
    }
    return gone;
}

// Keys of the gone people who author at least one counted file.
std::vector<std::string> gone_authors(const Authorship& authorship, const ScopeContext& context) {
    std::vector<std::uint8_t> authors(context.resolution.people.size(), 0);
    for (const auto& file : authorship.files) {
        for (const PersonId person : file.authors) {
            if (person < authors.size()) authors[person] = 1;
        }
    }
    std::vector<std::string> keys;
    for (const PersonId person : context.gone) {
        if (person < authors.size() && authors[person] != 0) keys.push_back(key_of(context.resolution, person));
    }
    std::ranges::sort(keys);
    return keys;
}

ConcentrationFactor concentration(const FactorResult& result, const Resolution& resolution) {
    ConcentrationFactor out;
    out.factor = result.factor;
    out.total_commits = result.total_commits;
    for (const auto& member : result.members) {
        FactorGroup group{member.name, member.kind, member.commits, 0.0, {}, member.name, {}};
        if (result.total_commits > 0) {
            group.share = static_cast<double>(member.commits) / static_cast<double>(result.total_commits);
        }
        for (const auto person : member.people) {
            group.people.push_back(key_of(resolution, person));
            group.labels.push_back(resolution.people.at(person).label());
        }
        if (member.kind != GroupKind::organisation && member.people.size() == 1) group.label = group.labels.front();
        out.members.push_back(std::move(group));
    }
    return out;
}

// The area globs of the hats that have an area, in roster order.
util::Expected<std::vector<git::GlobSet>> compile_areas(const std::vector<roster::Hat>& hats) {
    std::vector<git::GlobSet> areas;
    for (const auto& hat : hats) {
        if (hat.def.area.empty()) continue;
        auto globs = git::GlobSet::compile(hat.def.area);
        if (!globs) return std::unexpected(globs.error());
        areas.push_back(std::move(*globs));
    }
    return areas;
}

// A hat is responsible for everything in its area, so its documentation and configuration
// count there (a docs liaison's area is documentation); third-party and generated files
// are nobody's knowledge anywhere.
bool counts_for_area(FileClass file_class) {
    return file_class != FileClass::vendored && file_class != FileClass::generated;
}

HeadFileClasses classify_head(const git::History& history, const std::vector<git::GlobSet>& areas) {
    HeadFileClasses classes;
    classes.source.assign(history.paths.size(), 0);
    classes.in_area.assign(areas.size(), std::vector<std::uint8_t>(history.paths.size(), 0));
    for (const git::PathId id : history.head_files) {
        if (id >= history.paths.size()) continue;
        const std::string& path = history.paths[id];
        const FileClass file_class = classify_file(path);
        if (file_class == FileClass::source) {
            classes.source[id] = 1;
            ++classes.source_at_head;
        }
        if (!counts_for_area(file_class)) continue;
        for (std::size_t a = 0; a < areas.size(); ++a) {
            classes.in_area[a][id] = areas[a].matches(path) ? 1 : 0;
        }
    }
    return classes;
}

ScopedTruckFactor area_truck_factor(const roster::Hat& hat, const std::vector<std::uint8_t>& in_area,
                                    const Authorship& authorship, const ScopeContext& context) {
    std::vector<git::PathId> paths;
    for (const auto& file : authorship.files) {
        if (in_area[file.path] != 0) paths.push_back(file.path);
    }
    auto out = scoped(hat.def.id, authorship, std::move(paths), context);
    out.area = hat.def.area;
    return out;
}

// The repository and each top-level directory, over source files only.
void source_truck_factors(const Authorship& authorship, const HeadFileClasses& classes, const ScopeContext& context,
                          ProjectFactors& factors) {
    std::vector<git::PathId> source;
    std::map<std::string, std::vector<git::PathId>, std::less<>> by_directory;
    for (const auto& file : authorship.files) {
        if (classes.source[file.path] == 0) continue;
        source.push_back(file.path);
        by_directory[std::string(top_level_directory(context.history.paths[file.path]))].push_back(file.path);
    }
    factors.files_at_head = authorship.files_at_head;
    factors.files_not_source = authorship.files_at_head - classes.source_at_head;
    factors.files_without_people = classes.source_at_head - static_cast<std::uint32_t>(source.size());
    factors.truck_factor = scoped(".", authorship, std::move(source), context);
    for (auto& [directory, paths] : by_directory) {
        factors.by_directory.push_back(scoped(directory, authorship, std::move(paths), context));
    }
}

// Credited commits of each person inside the window; a co-authored commit counts for each.
std::vector<std::uint64_t> window_commits(const FactorsInput& input) {
    std::vector<std::uint64_t> counts(input.resolution.people.size(), 0);
    for (const auto index : input.activity.counted_commits) {
        if (!input.window.holds(input.history.commits[index])) continue;
        for (const auto person : input.activity.credited[index]) {
            if (person < counts.size()) ++counts[person];
        }
    }
    for (const PersonId person : input.without) {
        if (person < counts.size()) counts[person] = 0;
    }
    return counts;
}

}  // namespace

util::Expected<HeadFileClasses> classify_head_files(const git::History& history,
                                                    const std::vector<roster::Hat>& hats) {
    auto areas = compile_areas(hats);
    if (!areas) return std::unexpected(areas.error());
    return classify_head(history, *areas);
}

Authorship factor_authorship(const FactorsInput& input, const HeadFileClasses& classes) {
    // One walk serves every scope: source files, plus whatever a hat's area takes in.
    return compute_authorship(input.history, input.activity.credited, [&](git::PathId path) {
        if (classes.source[path] != 0) return true;
        return std::ranges::any_of(classes.in_area, [path](const auto& in_area) { return in_area[path] != 0; });
    });
}

ProjectFactors compute_project_factors(const FactorsInput& input, const HeadFileClasses& classes,
                                       const Authorship& authorship) {
    ProjectFactors factors;
    factors.active_within_days = input.active_within_days;
    factors.active_since = input.window.end - input.active_within_days * 86400;
    ScopeContext context{input.resolution, input.history, gone_people(input, factors.active_since), input.without, {}};
    std::ranges::sort(context.without);
    std::ranges::set_union(context.gone, context.without, std::back_inserter(context.absent));
    factors.gone_authors = gone_authors(authorship, context);
    source_truck_factors(authorship, classes, context, factors);
    std::size_t area = 0;
    for (const auto& hat : input.hats) {
        if (hat.def.area.empty()) continue;
        factors.by_hat.push_back(area_truck_factor(hat, classes.in_area[area++], authorship, context));
    }
    const auto commits = window_commits(input);
    factors.contributor_absence =
        concentration(contributor_absence_factor(commits, input.resolution), input.resolution);
    factors.elephant = concentration(elephant_factor(commits, input.resolution), input.resolution);
    return factors;
}

util::Expected<ProjectFactors> compute_project_factors(const FactorsInput& input, const HeadFileClasses& classes) {
    return compute_project_factors(input, classes, factor_authorship(input, classes));
}

util::Expected<ProjectFactors> compute_project_factors(const FactorsInput& input) {
    auto classes = classify_head_files(input.history, input.hats);
    if (!classes) return std::unexpected(classes.error());
    return compute_project_factors(input, *classes);
}

}  // namespace roles::engine
