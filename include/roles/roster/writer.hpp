#pragma once
// Writing a Roster back out as roster YAML (docs/roster-format.md), with yaml-cpp's emitter.

#include <map>
#include <string>
#include <vector>

#include "roles/roster/roster.hpp"
#include "roles/util/error.hpp"

namespace roles::roster {

/// Whether write_roster() writes people's `capacity` when it is the default 1.0.
enum class CapacityOutput : unsigned char { when_set, always };

/// How write_roster() writes.
struct WriteOptions {
    /// The directory that catalog paths in the roster are relative to (where the file will live).
    std::string catalog_base = ".";
    /// Lines written as "# line" comments at the top of the file.
    std::vector<std::string> comments;
    /// Comments written at the end of a value's line, keyed by the value's path: its keys
    /// joined by '/' ("hats/ptl/holders", "people/gibi/capacity",
    /// "projects/nova/hats/ptl/holders"). A path that is not written gets no comment.
    std::map<std::string, std::string> line_comments;
    CapacityOutput capacity = CapacityOutput::when_set;
};

/// Emits `roster` as a roster file that load_roster()/parse_roster() read back to an
/// equivalent roster: the same settings, people, projects, hats (definitions and order),
/// holders and terms, and fallbacks; source positions, warnings and the file name aside.
///  - A catalog hat is written as an override of just the fields that differ from its catalog
///    (which is loaded to compare); a hat the roster defines is written with its title and
///    every field that differs from the defaults.
///  - Holders are written only where the roster gave them (`listed`, an empty list being an
///    explicit vacancy); hats filled by a fallback are left for the loader to fill again.
///  - A program roster names a project's catalogs (those its hats came from, in order) when
///    they differ from the top-level ones.
///  - Numbers are written in their shortest exact form, strings quoted only where YAML needs it.
/// Fails when a catalog the roster names cannot be loaded.
[[nodiscard]] util::Expected<std::string> write_roster(const Roster& roster, const WriteOptions& options = {});

}  // namespace roles::roster
