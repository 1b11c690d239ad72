#pragma once
// Internal to src/engine: automation rules compiled for fnmatch.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "roles/engine/identity.hpp"

namespace roles::engine {

/// Each rule's (email, name) globs with brackets escaped; "" where the rule has no glob.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> compile_rules(
    const std::vector<roster::AutomationRule>& rules);

/// The first rule whose globs all match `identity`.
[[nodiscard]] std::optional<RuleId> first_matching_rule(
    const std::vector<std::pair<std::string, std::string>>& patterns, const git::Identity& identity);

}  // namespace roles::engine
