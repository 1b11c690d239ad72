#pragma once
// Which CODEOWNERS rule owns a path. It lives in the engine, not beside the importer in
// roster, because it matches paths with the git part's GlobSet and roster sits below git.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "roles/roster/import.hpp"

namespace roles::engine {

/// The rule that decides who owns `path` (repository-relative): the last rule whose pattern
/// matches it, as GitHub reads the file; nullopt when none does. Patterns are matched as the
/// roster's area globs are (git::GlobSet).
[[nodiscard]] std::optional<std::size_t> deciding_rule(const std::vector<roster::CodeownersRule>& rules,
                                                       const std::string& path);

}  // namespace roles::engine
