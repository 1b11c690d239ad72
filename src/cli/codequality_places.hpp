#pragma once
// Where `--format codequality` points its issues: the roster's path from the root of the
// work tree that holds it, and the lines naming each hat and person (internal to cli/).

#include <string>

#include "roles/report/codequality.hpp"
#include "roles/roster/roster.hpp"

namespace roles::cli {

/// The roster file relative to its repository's work tree when it lies inside one (GitLab
/// links `location.path` from the repository root), as given otherwise; "ROLES.yaml" in
/// discovery mode (an imported roster's file is the published FILE, its positions the
/// entries read there). Lines only for hats and people written in the roster file itself (a
/// program's hats keyed "project/hat"); the rest point at line 1.
[[nodiscard]] report::CodeQualityPlaces codequality_places(const roster::Roster& roster);

}  // namespace roles::cli
