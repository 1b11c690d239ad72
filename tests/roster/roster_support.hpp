#pragma once
// Helpers shared by the roster tests.

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "roles/roster/loader.hpp"

namespace roles::roster::test {

/// Makes the loader find the built-in catalogs of the source tree, whatever the
/// environment says (the test binary does not sit next to build/roles/).
inline void use_source_catalogs() {
    ::setenv("ROLES_CATALOG_DIR", ROLES_SOURCE_DIR "/roles", 1);
}

/// The "FILE:LINE:COL: message" lines of a roster that must fail to load; a roster that
/// loads yields one line saying so, which no expectation matches.
inline std::vector<std::string> problems(const std::string& yaml, const std::string& file = "r.yaml") {
    use_source_catalogs();
    const auto roster = parse_roster(yaml, file);
    if (roster) return {"(roster loaded without error)"};
    return roster.error().details;
}

/// A roster that must load.
inline Roster loaded(const std::string& yaml, const std::string& file = "r.yaml") {
    use_source_catalogs();
    auto roster = parse_roster(yaml, file);
    if (!roster) {
        std::string all = roster.error().message();
        for (const auto& line : roster.error().details) all += "\n" + line;
        throw std::runtime_error("roster failed to load: " + all);
    }
    return *roster;
}

/// The hat with this id in `project` (throws when absent, so a test fails clearly).
inline const Hat& hat(const Project& project, const std::string& id) {
    for (const auto& candidate : project.hats) {
        if (candidate.def.id == id) return candidate;
    }
    throw std::runtime_error("no hat " + id);
}

/// The person keys of a hat's holders, in order.
inline std::vector<std::string> holder_keys(const Hat& hat) {
    std::vector<std::string> keys;
    for (const auto& holder : hat.holders) keys.push_back(holder.person);
    return keys;
}

}  // namespace roles::roster::test
