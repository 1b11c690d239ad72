#pragma once
// Internal to src/git: commits read into FactStores on several threads, while the walk is
// still finding them. The fast reader's ParallelReader shares the requests out; each reader
// opens its own git_repository on the same git dir (libgit2 objects are not shared between
// threads) with its own ObjectSource, and fills its own FactStore. The loader then
// assembles the History from the stores in walk order, so the result does not depend on
// the thread count.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "commit_reader.hpp"
#include "fact_store.hpp"
#include "fastread/fastread.hpp"
#include "object_source.hpp"
#include "roles/git/handles.hpp"
#include "roles/util/error.hpp"

namespace roles::git {

/// What the readers did, for --stats.
struct ReaderCounters {
    std::uint64_t commits = 0;
    std::uint64_t trees_compared = 0;
    std::uint32_t absent_commits = 0;  ///< requested but gone by the time they were read
    RenameCounters renames;            ///< similarity rename detection
    SourceCounters objects;            ///< where trees and commits were read from
    fastread::ScheduleCounters schedule;
};

/// Reads requested commits into per-thread FactStores.
class CommitReaders final : public fastread::RequestHandler {
public:
    /// `threads` readers on `git_dir`, reading from `packs` when not null (see
    /// fastread::ParallelReader for which threads are started).
    CommitReaders(std::string git_dir, std::shared_ptr<const fastread::PackSet> packs, unsigned threads,
                  const fastread::ReaderBudgets& budgets);

    /// Queues one commit (the walk's, in walk order).
    void request(CommitRequest&& item) { m_reader.request(std::move(item)); }
    /// No more requests: reads what is left (fastread::ParallelReader::finish). Returns one
    /// store per reader, or the error of the earliest failing commit in request order.
    [[nodiscard]] util::Expected<std::vector<FactStore>> finish(const std::function<void(std::uint64_t)>& tick);
    [[nodiscard]] std::uint64_t requested() const { return m_reader.requested(); }
    [[nodiscard]] std::uint64_t read_so_far() const { return m_reader.read_so_far(); }
    /// After finish().
    [[nodiscard]] const ReaderCounters& counters() const { return m_counters; }

    util::Expected<void> start(std::size_t worker) override;
    util::Expected<void> read(std::size_t worker, CommitRequest&& request) override;
    void stop(std::size_t worker) override;

private:
    struct Worker {
        RepositoryHandle repo;
        std::unique_ptr<ObjectSource> source;
        FactStore store;
        ReadCounters counters;
        SourceCounters objects;
        std::uint32_t absent = 0;
    };
    static std::vector<std::unique_ptr<Worker>> make_workers(unsigned threads);

    std::string m_git_dir;
    std::shared_ptr<const fastread::PackSet> m_packs;
    fastread::ReaderBudgets m_budgets;
    std::vector<std::unique_ptr<Worker>> m_workers;
    ReaderCounters m_counters;
    fastread::ParallelReader m_reader;  ///< last: its threads use the members above
};

}  // namespace roles::git
