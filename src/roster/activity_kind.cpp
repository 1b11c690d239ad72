#include <algorithm>

#include "roles/roster/roster.hpp"

namespace roles::roster {

const std::vector<std::string>& activity_kind_names() {
    static const std::vector<std::string> names{"authored", "committed", "signed-off",   "reviewed",
                                                "acked",    "tagged",    "gerrit-review"};
    return names;
}

std::string_view to_string(ActivityKind kind) { return activity_kind_names().at(static_cast<std::size_t>(kind)); }

std::optional<ActivityKind> parse_activity_kind(std::string_view text) {
    const auto& names = activity_kind_names();
    const auto found = std::ranges::find(names, text);
    if (found == names.end()) return std::nullopt;
    return static_cast<ActivityKind>(found - names.begin());
}

}  // namespace roles::roster
