#pragma once
// Reading the `people:` map of a roster. Internal to src/roster.

#include <map>
#include <string>

#include "roles/roster/roster.hpp"
#include "yaml_reader.hpp"

namespace roles::roster {

/// The people of `people:` by key. Reports wrong types, unknown keys, duplicate keys,
/// malformed emails, capacity outside (0, 1], and an email given to two people
/// (case-insensitive). Warns about a person with no email and an email repeated for one
/// person.
[[nodiscard]] std::map<std::string, Person> read_people(const Doc& doc, const Entry& people);

/// A person's `checkins:`, oldest first. Reports a value that is not a list, an item that is
/// not a map, unknown keys, a missing or invalid `date` or `answer` (with "did you mean"),
/// and two check-ins on one day; the items in error are left out.
[[nodiscard]] std::vector<Checkin> read_checkins(const Doc& doc, const Entry& entry, const std::string& person);

}  // namespace roles::roster
