#pragma once
// Where `--format codequality` points its issues: the roster's path from the root of the
// work tree that holds it, and the lines naming each hat and person (internal to cli/).

#include <optional>
#include <string>

#include "roles/report/codequality.hpp"
#include "roles/roster/roster.hpp"

namespace roles::cli {

/// The roster file relative to its repository's work tree when it lies inside one (GitLab
/// links `location.path` from the repository root), as given otherwise; "ROLES.yaml" in
/// discovery mode. With `--import KIND:FILE` (`import_spec`) the path is FILE's and every
/// line 1 (the imported roster's positions are in the YAML the importer wrote). Lines only for hats and people written in the roster file
/// itself (a program's hats keyed "project/hat"); the rest point at line 1.
[[nodiscard]] report::CodeQualityPlaces codequality_places(const roster::Roster& roster,
                                                           const std::optional<std::string>& import_spec);

}  // namespace roles::cli
