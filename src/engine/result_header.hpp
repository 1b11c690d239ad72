#pragma once
// Internal to src/engine: the fields that open every per-project result (audit, load).

#include <string>

#include "roles/engine/activity.hpp"
#include "roles/engine/coverage.hpp"
#include "roles/git/history.hpp"
#include "roles/roster/roster.hpp"

namespace roles::engine {

/// Fills what `result` says about the run itself: the project, the roster file, the mode,
/// the window and the history's head. `Result` has those members (AuditResult, LoadResult).
template <class Result>
void describe_run(Result& result, const git::History& history, const roster::Roster& roster, RosterMode mode,
                  const Window& window) {
    result.project = roster.projects.empty() ? std::string() : roster.projects.front().name;
    result.roster_file = roster.file;
    result.mode = mode;
    result.window = window;
    result.head_id = history.head_id;
    result.shallow = history.shallow;
}

}  // namespace roles::engine
