#pragma once
// Gitignore-style path globs, matched by libgit2's pathspec engine (git's own wildmatch).

#include <memory>
#include <string>
#include <vector>

#include "roles/util/error.hpp"

namespace roles::git {

/// A set of path globs; a path matches when any glob does. Semantics follow .gitignore
/// where git's pathspec matcher allows it:
///  - a glob without '/' (other than a trailing one) matches a file or directory name at
///    any depth ("*.po", "SECURITY.md");
///  - a glob with '/' is relative to the repository root ("doc/source/**", "/setup.cfg");
///  - a match on a directory covers everything below it ("releasenotes/");
///  - "**/" also matches zero directories ("a/**/b" matches "a/b").
/// Unlike .gitignore, '*' may cross '/' (git pathspec semantics), and there is no '!'.
class GlobSet {
public:
    /// Compiles the globs; fails (ErrorKind::input) only if libgit2 rejects one.
    static util::Expected<GlobSet> compile(const std::vector<std::string>& globs);

    GlobSet();
    ~GlobSet();
    GlobSet(GlobSet&&) noexcept;
    GlobSet& operator=(GlobSet&&) noexcept;

    /// True when `path` (repository-relative, '/'-separated) matches any glob.
    [[nodiscard]] bool matches(const std::string& path) const;
    /// True when the set has no globs (and so matches nothing).
    [[nodiscard]] bool empty() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// The pathspec patterns one gitignore-style glob expands to (exposed for tests).
[[nodiscard]] std::vector<std::string> expand_glob(const std::string& glob);

}  // namespace roles::git
