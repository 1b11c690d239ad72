#pragma once
// Internal to src/git: why a repository could not be opened, in words for the user.

#include <string>

namespace roles::git {

/// Why git_repository_open_ext(`path`, flags 0) failed with `rc`, for a message: "not a git
/// repository (or any parent up to the root)", or, for a repository owned by another user
/// (git's "dubious ownership"; libgit2 1.5.1 reports it as GIT_ENOTFOUND with a message
/// about `safe.directory`, later versions as GIT_EOWNER), libgit2's message and the command
/// that allows it, `git config --global --add safe.directory DIR`. Call right after the failed
/// open, on the thread that made it, before the reader threads start (it briefly turns
/// libgit2's process-wide ownership check off to find the directory to name).
[[nodiscard]] std::string open_failure_message(int rc, const std::string& path);

}  // namespace roles::git
