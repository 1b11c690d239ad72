#include "commit_readers.hpp"

#include <algorithm>

#include "roles/util/text.hpp"

namespace roles::git {

std::vector<std::unique_ptr<CommitReaders::Worker>> CommitReaders::make_workers(unsigned threads) {
    std::vector<std::unique_ptr<CommitReaders::Worker>> workers;
    for (unsigned i = 0; i < std::max(1U, threads); ++i) workers.push_back(std::make_unique<CommitReaders::Worker>());
    return workers;
}

CommitReaders::CommitReaders(std::string git_dir, std::shared_ptr<const fastread::PackSet> packs, unsigned threads,
                             const fastread::ReaderBudgets& budgets)
    : m_git_dir(std::move(git_dir)),
      m_packs(std::move(packs)),
      m_budgets(budgets),
      m_workers(make_workers(threads)),
      m_reader(*this, threads, budgets) {}

util::Expected<void> CommitReaders::start(std::size_t worker) {
    Worker& state = *m_workers[worker];
    // The git dir is known: no search, and no work tree or config needed to read objects.
    const unsigned flags = GIT_REPOSITORY_OPEN_NO_SEARCH | GIT_REPOSITORY_OPEN_BARE;
    if (git_repository_open_ext(out(state.repo), m_git_dir.c_str(), flags, nullptr) < 0) {
        return util::fail(util::ErrorKind::input, "opening repository " + util::quoted(m_git_dir), last_error_message());
    }
    state.source = std::make_unique<ObjectSource>(state.repo.get(), m_packs, m_budgets);
    return {};
}

util::Expected<void> CommitReaders::read(std::size_t worker, CommitRequest&& request) {
    Worker& state = *m_workers[worker];
    auto facts = read_commit(*state.source, state.store, std::move(request), state.counters);
    if (!facts) return std::unexpected(facts.error());
    if (*facts) {
        state.store.add(std::move(**facts));
    } else {
        ++state.absent;
    }
    return {};
}

// On the reader's own thread: its libgit2 objects are freed where they were made.
void CommitReaders::stop(std::size_t worker) {
    Worker& state = *m_workers[worker];
    state.objects = state.source->counters();
    state.source.reset();
    state.repo.reset();
}

util::Expected<std::vector<FactStore>> CommitReaders::finish(const std::function<void(std::uint64_t)>& tick) {
    auto read = m_reader.finish(tick);
    for (const auto& worker : m_workers) {
        m_counters.commits += worker->counters.commits;
        m_counters.trees_compared += worker->counters.trees_compared;
        m_counters.absent_commits += worker->absent;
        m_counters.renames.add(worker->counters.renames);
        m_counters.objects.add(worker->objects);
    }
    m_counters.schedule = m_reader.counters();
    if (!read) return std::unexpected(read.error());
    std::vector<FactStore> stores;
    stores.reserve(m_workers.size());
    for (const auto& worker : m_workers) stores.push_back(std::move(worker->store));
    return stores;
}

}  // namespace roles::git
