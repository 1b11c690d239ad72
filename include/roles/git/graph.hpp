#pragma once
// Questions about a repository's commit graph that the loaded History cannot answer: what a
// ref names when it is not on the analysed history, and where another branch forked from it
// (a release tagged on a stable branch). Answered with libgit2.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "roles/util/error.hpp"

struct git_repository;

namespace roles::git {

/// A commit and its author time (the time History::Commit::time holds).
struct CommitPoint {
    std::string id;  ///< 40 hex digits
    std::int64_t time = 0;
};

/// An open repository for graph questions; cheap to copy (the repository is shared).
class RepositoryGraph {
public:
    /// Opens the repository containing `path` (searching upwards like git).
    [[nodiscard]] static util::Expected<RepositoryGraph> open(const std::string& path);

    /// The commit `ref` names (a branch, a tag peeled to its commit, `HEAD~3`, an id
    /// prefix); an input error naming `ref` when it names none.
    [[nodiscard]] util::Expected<CommitPoint> resolve(const std::string& ref) const;

    /// The best common ancestor of commits `a` and `b` (`git merge-base a b`), as 40 hex
    /// digits; nullopt when they share no history.
    [[nodiscard]] util::Expected<std::optional<std::string>> merge_base(const std::string& a,
                                                                        const std::string& b) const;

    /// The URL of remote `name` ("origin") as configured, rewritten by the longest matching
    /// url.<base>.insteadOf as git does; nullopt when there is none.
    [[nodiscard]] std::optional<std::string> remote_url(const std::string& name) const;

    /// The content of the file at `path` (repository-relative, '/'-separated) in the tree of
    /// commit `commit` (40 hex digits); nullopt when that tree has no regular file there.
    [[nodiscard]] util::Expected<std::optional<std::string>> file_at(const std::string& commit,
                                                                     const std::string& path) const;

private:
    explicit RepositoryGraph(std::shared_ptr<git_repository> repo) : m_repo(std::move(repo)) {}
    std::shared_ptr<git_repository> m_repo;
};

}  // namespace roles::git
