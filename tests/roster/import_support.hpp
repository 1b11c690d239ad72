#pragma once
// Helpers shared by the importer and writer tests.

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "roles/roster/import.hpp"
#include "roles/roster/loader.hpp"
#include "roles/roster/writer.hpp"
#include "roster/roster_support.hpp"

namespace roles::roster::test {

/// A real published roster from tests/data (see tests/data/PROVENANCE.md for sources and commits).
inline std::string data_file(const std::string& name) { return std::string(ROLES_DATA_DIR) + "/" + name; }

/// An import that must succeed.
inline ImportResult imported(ImportKind kind, const std::string& text, const std::string& file = "in",
                             const ImportOptions& options = {}) {
    use_source_catalogs();
    auto result = import_roster_text(kind, text, file, options);
    if (!result) {
        std::string all = result.error().message();
        for (const auto& line : result.error().details) all += "\n" + line;
        throw std::runtime_error("import failed: " + all);
    }
    return std::move(*result);
}

/// The same, from a file.
inline ImportResult imported_file(ImportKind kind, const std::string& path, const ImportOptions& options = {}) {
    use_source_catalogs();
    auto result = import_roster_file(kind, path, options);
    if (!result) throw std::runtime_error("import failed: " + result.error().message());
    return std::move(*result);
}

/// The detail lines of an import that must fail.
inline std::vector<std::string> import_problems(ImportKind kind, const std::string& text,
                                                const std::string& file = "in") {
    use_source_catalogs();
    const auto result = import_roster_text(kind, text, file);
    if (result) return {"(imported without error)"};
    return result.error().details;
}

/// The project with this name (throws when absent).
inline const Project& project(const Roster& roster, const std::string& name) {
    for (const auto& candidate : roster.projects) {
        if (candidate.name == name) return candidate;
    }
    throw std::runtime_error("no project " + name);
}

inline bool has_hat(const Project& project, const std::string& id) {
    for (const auto& candidate : project.hats) {
        if (candidate.def.id == id) return true;
    }
    return false;
}

/// Keys of the holders without a term end (current), and of those with one (former).
inline std::vector<std::string> current_keys(const Hat& hat) {
    std::vector<std::string> keys;
    for (const auto& holder : hat.holders) {
        if (!holder.until) keys.push_back(holder.person);
    }
    return keys;
}
inline std::vector<std::string> former_keys(const Hat& hat) {
    std::vector<std::string> keys;
    for (const auto& holder : hat.holders) {
        if (holder.until) keys.push_back(holder.person);
    }
    return keys;
}

/// "project/hat" of each vacancy, in order.
inline std::vector<std::string> vacancy_names(const std::vector<Vacancy>& vacancies) {
    std::vector<std::string> names;
    for (const auto& vacancy : vacancies) names.push_back(vacancy.project + "/" + vacancy.hat);
    return names;
}

/// Written with write_roster and loaded back with parse_roster (both must succeed).
inline Roster round_trip(const Roster& roster) {
    use_source_catalogs();
    const auto text = write_roster(roster);
    if (!text) throw std::runtime_error("write failed: " + text.error().message());
    auto back = parse_roster(*text, "written.yaml");
    if (!back) {
        std::string all = back.error().message();
        for (const auto& line : back.error().details) all += "\n" + line;
        throw std::runtime_error("written roster does not load: " + all + "\n" + *text);
    }
    return std::move(*back);
}

inline void check_same_def(const HatDef& a, const HatDef& b) {
    INFO("hat " << a.id);
    CHECK(a.id == b.id);
    CHECK(a.title == b.title);
    CHECK(a.description == b.description);
    CHECK(a.min == b.min);
    CHECK(a.required == b.required);
    CHECK(a.effort == b.effort);
    CHECK(a.area == b.area);
    CHECK(a.evidence.paths == b.evidence.paths);
    CHECK(a.evidence.message == b.evidence.message);
    CHECK(a.evidence.trailers == b.evidence.trailers);
    CHECK(a.evidence.credit_trailers == b.evidence.credit_trailers);
    CHECK(a.evidence.tags == b.evidence.tags);
    CHECK(a.fallback_for == b.fallback_for);
    CHECK(a.catalog == b.catalog);
}

inline void check_same_hats(const Project& a, const Project& b) {
    INFO("project " << a.name);
    CHECK(a.name == b.name);
    CHECK(a.repos == b.repos);
    REQUIRE(a.hats.size() == b.hats.size());
    for (std::size_t i = 0; i < a.hats.size(); ++i) {
        const auto& x = a.hats[i];
        const auto& y = b.hats[i];
        check_same_def(x.def, y.def);
        CHECK(x.source == y.source);
        CHECK(x.fallback_from == y.fallback_from);
        REQUIRE(x.holders.size() == y.holders.size());
        for (std::size_t h = 0; h < x.holders.size(); ++h) {
            CHECK(x.holders[h].person == y.holders[h].person);
            CHECK(x.holders[h].since == y.holders[h].since);
            CHECK(x.holders[h].until == y.holders[h].until);
        }
    }
}

/// Checks that two rosters say the same thing (positions, file and warnings aside).
inline void check_equivalent(const Roster& a, const Roster& b) {
    CHECK(a.program == b.program);
    if (!a.program) CHECK(a.project == b.project);
    CHECK(a.catalogs == b.catalogs);
    CHECK(a.window == b.window);
    CHECK(a.stale_after == b.stale_after);
    CHECK(a.bots == b.bots);
    CHECK(a.thresholds.after_hours_ratio == b.thresholds.after_hours_ratio);
    CHECK(a.thresholds.long_streak_days == b.thresholds.long_streak_days);
    CHECK(a.thresholds.shadowed_share == b.thresholds.shadowed_share);
    REQUIRE(a.people.size() == b.people.size());
    for (const auto& [key, person] : a.people) {
        INFO("person " << key);
        REQUIRE(b.people.contains(key));
        const auto& other = b.people.at(key);
        CHECK(person.name == other.name);
        CHECK(person.emails == other.emails);
        CHECK(person.aliases == other.aliases);
        CHECK(person.logins == other.logins);
        CHECK(person.affiliation == other.affiliation);
        CHECK(person.capacity == other.capacity);
        CHECK(person.timezone == other.timezone);
    }
    REQUIRE(a.projects.size() == b.projects.size());
    for (std::size_t i = 0; i < a.projects.size(); ++i) check_same_hats(a.projects[i], b.projects[i]);
}

}  // namespace roles::roster::test
