#include "roles/engine/truck_factor.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

#include "roles/engine/source_filter.hpp"

namespace roles::engine {
namespace {

// Authorship state of one path while walking the history.
struct FileRecord {
    bool live = false;
    std::uint32_t changes = 0;
    std::vector<FileContribution> people;  // DOA fields filled at the end
};

FileContribution& contribution_of(FileRecord& record, PersonId person) {
    for (auto& contribution : record.people) {
        if (contribution.person == person) return contribution;
    }
    auto& added = record.people.emplace_back();
    added.person = person;
    return added;
}

// A path keeps its record across deletions, as the paper's tool reads a path's whole log
// (`git log` by path, deletions ignored): whoever adds it is a first author, and adding it
// again (after a deletion, or on a second branch) makes the new adder a first author too
// (the tool's "secondary author") while the earlier authors keep what they had.
void count_addition(FileRecord& record, std::uint32_t commit, const std::vector<PersonId>& people) {
    record.live = true;
    for (const PersonId person : people) {
        auto& contribution = contribution_of(record, person);
        contribution.first_author = true;
        contribution.commits.push_back(commit);
    }
}

void count_change(FileRecord& record, std::uint32_t commit, const std::vector<PersonId>& people) {
    record.live = true;
    // A bot commit is no one's change: it would only raise everyone's AC.
    if (people.empty()) return;
    ++record.changes;
    for (const PersonId person : people) {
        auto& contribution = contribution_of(record, person);
        ++contribution.deliveries;
        contribution.commits.push_back(commit);
    }
}

// Replays one commit's changes on the records. Sources of renames are taken out first, then
// everything is placed, so that renames within one commit (a swap a→b, b→a) do not
// overwrite each other. A deletion only marks the record as not live.
void apply_commit(std::vector<FileRecord>& records, const git::Commit& commit,
                  std::uint32_t index, const std::vector<PersonId>& people) {
    const auto known = [&](git::PathId id) { return id < records.size(); };
    const auto is_rename = [](const git::PathChange& change) {
        return change.kind == git::ChangeKind::renamed;
    };
    // Most commits only add and modify: they need no room for moved records.
    std::vector<FileRecord> moved;
    if (std::ranges::any_of(commit.changes, is_rename)) moved.resize(commit.changes.size());
    for (std::size_t c = 0; c < commit.changes.size(); ++c) {
        const auto& change = commit.changes[c];
        if (!known(change.old_path)) continue;
        if (change.kind == git::ChangeKind::deleted) records[change.old_path].live = false;
        if (is_rename(change)) moved[c] = std::exchange(records[change.old_path], FileRecord{});
    }
    for (std::size_t c = 0; c < commit.changes.size(); ++c) {
        const auto& change = commit.changes[c];
        if (change.kind == git::ChangeKind::deleted || !known(change.path)) continue;
        auto& record = records[change.path];
        if (change.kind == git::ChangeKind::added) {
            count_addition(record, index, people);
            continue;
        }
        if (change.kind == git::ChangeKind::renamed) record = std::move(moved[c]);
        count_change(record, index, people);
    }
}

double degree_of_authorship(const FileContribution& contribution) {
    return k_doa_base + k_doa_first_authorship * (contribution.first_author ? 1.0 : 0.0) +
           k_doa_delivery * contribution.deliveries -
           k_doa_acceptance * std::log1p(static_cast<double>(contribution.acceptances));
}

FileAuthorship decide_authors(git::PathId path, FileRecord&& record) {
    FileAuthorship file{.path = path, .changes = record.changes,
                        .contributions = std::move(record.people), .authors = {}};
    std::ranges::sort(file.contributions, {}, &FileContribution::person);
    double best = 0.0;
    for (auto& contribution : file.contributions) {
        contribution.acceptances = file.changes - contribution.deliveries;
        contribution.doa = degree_of_authorship(contribution);
        best = std::max(best, contribution.doa);
    }
    // best ≤ 0 only with tens of thousands of others' changes: then nobody knows the file.
    if (best <= 0.0) return file;
    for (auto& contribution : file.contributions) {
        contribution.author = contribution.doa / best > k_doa_normalized_min &&
                              (contribution.doa >= k_doa_absolute_min || contribution.first_author);
        if (contribution.author) file.authors.push_back(contribution.person);
    }
    return file;
}

// Per-person figures of one greedy run.
struct Candidate {
    PersonId person = 0;
    std::string_view key;
    std::vector<std::size_t> files;       // indexes into the counted files
    std::vector<std::uint32_t> commits;   // sorted, distinct
};

std::string_view key_of(const Resolution& resolution, PersonId person) {
    return person < resolution.people.size() ? std::string_view(resolution.people[person].key)
                                             : std::string_view();
}

bool ranks_before(const Candidate& a, const Candidate& b) {
    return std::tuple(b.files.size(), b.commits.size(), a.key, a.person) <
           std::tuple(a.files.size(), a.commits.size(), b.key, b.person);
}

// The candidates of a run over `files`, in removal order.
std::vector<Candidate> rank_candidates(const std::vector<const FileAuthorship*>& files,
                                       const Resolution& resolution,
                                       const std::vector<PersonId>& without) {
    // A flag per person: `without` can hold hundreds of gone authors (nova: 283), looked up
    // for every contribution of every file.
    std::vector<std::uint8_t> gone;
    for (const PersonId person : without) {
        if (person >= gone.size()) gone.resize(person + 1, 0);
        gone[person] = 1;
    }
    std::map<PersonId, Candidate> by_person;
    for (std::size_t f = 0; f < files.size(); ++f) {
        for (const auto& contribution : files[f]->contributions) {
            if (contribution.person < gone.size() && gone[contribution.person] != 0) continue;
            auto& candidate = by_person[contribution.person];
            candidate.person = contribution.person;
            if (contribution.author) candidate.files.push_back(f);
            candidate.commits.insert(candidate.commits.end(), contribution.commits.begin(),
                                     contribution.commits.end());
        }
    }
    std::vector<Candidate> ranked;
    for (auto& [person, candidate] : by_person) {
        if (candidate.files.empty()) continue;
        candidate.key = key_of(resolution, person);
        std::ranges::sort(candidate.commits);
        const auto [first, last] = std::ranges::unique(candidate.commits);
        candidate.commits.erase(first, last);
        ranked.push_back(std::move(candidate));
    }
    std::ranges::sort(ranked, ranks_before);
    return ranked;
}

}  // namespace

Authorship compute_authorship(const git::History& history,
                              const std::vector<std::vector<PersonId>>& credited,
                              const PathFilter& filter) {
    std::vector<FileRecord> records(history.paths.size());
    const std::vector<PersonId> nobody;
    for (std::size_t i = history.commits.size(); i-- > 0;) {
        const auto& commit = history.commits[i];
        if (commit.is_merge()) continue;
        const auto& people = i < credited.size() ? credited[i] : nobody;
        apply_commit(records, commit, static_cast<std::uint32_t>(i), people);
    }
    Authorship authorship;
    authorship.files_at_head = static_cast<std::uint32_t>(history.head_files.size());
    for (const git::PathId path : history.head_files) {
        if (path >= records.size() || !filter(path)) {
            ++authorship.files_filtered_out;
            continue;
        }
        auto& record = records[path];
        if (!record.live || record.people.empty()) {
            ++authorship.files_without_people;
            continue;
        }
        authorship.files.push_back(decide_authors(path, std::move(record)));
    }
    return authorship;
}

Authorship compute_authorship(const git::History& history,
                              const std::vector<std::vector<PersonId>>& credited) {
    return compute_authorship(history, credited, [&history](git::PathId path) {
        return is_source_file(history.paths[path]);
    });
}

TruckFactorResult truck_factor(const Authorship& authorship, const Resolution& resolution,
                               const TruckFactorOptions& options) {
    std::vector<const FileAuthorship*> files;
    for (const auto& file : authorship.files) {
        if (!options.include || options.include(file.path)) files.push_back(&file);
    }
    const auto ranked = rank_candidates(files, resolution, options.without);
    // Authors left on each counted file; `without` people never count.
    std::vector<std::uint32_t> authors_left(files.size(), 0);
    for (const auto& candidate : ranked) {
        for (const std::size_t f : candidate.files) ++authors_left[f];
    }
    TruckFactorResult result;
    result.files_considered = static_cast<std::uint32_t>(files.size());
    auto covered = static_cast<std::uint32_t>(std::ranges::count_if(
        authors_left, [](std::uint32_t left) { return left > 0; }));
    result.files_covered_before = covered;
    if (!options.without.empty()) {
        for (std::size_t f = 0; f < files.size(); ++f) {
            if (authors_left[f] == 0 && !files[f]->authors.empty()) result.orphaned.push_back(files[f]->path);
        }
    }
    for (const auto& candidate : ranked) {
        // Stop once fewer than half of the files keep an author (covered / total < 0.5).
        if (2ULL * covered < files.size()) break;
        for (const std::size_t f : candidate.files) {
            if (--authors_left[f] == 0) --covered;
        }
        result.removed.push_back({candidate.person,
                                  static_cast<std::uint32_t>(candidate.files.size()),
                                  static_cast<std::uint32_t>(candidate.commits.size())});
    }
    result.truck_factor = static_cast<std::uint32_t>(result.removed.size());
    result.files_covered_after = covered;
    return result;
}

std::string_view top_level_directory(std::string_view path) {
    const auto slash = path.find('/');
    return slash == std::string_view::npos ? std::string_view(".") : path.substr(0, slash);
}

std::vector<DirectoryTruckFactor> truck_factor_by_directory(const Authorship& authorship,
                                                            const git::History& history,
                                                            const Resolution& resolution) {
    std::map<std::string, std::vector<git::PathId>, std::less<>> by_directory;
    for (const auto& file : authorship.files) {
        by_directory[std::string(top_level_directory(history.paths.at(file.path)))].push_back(
            file.path);
    }
    std::vector<DirectoryTruckFactor> results;
    for (auto& [directory, paths] : by_directory) {
        std::ranges::sort(paths);
        TruckFactorOptions options;
        options.include = [&paths](git::PathId path) {
            return std::ranges::binary_search(paths, path);
        };
        results.push_back({directory, truck_factor(authorship, resolution, options)});
    }
    return results;
}

}  // namespace roles::engine
