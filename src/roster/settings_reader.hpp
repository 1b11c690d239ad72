#pragma once
// Reading a roster's scalar settings: window, stale_after, bots, thresholds.
// Internal to src/roster.

#include <vector>

#include "roles/roster/roster.hpp"
#include "yaml_reader.hpp"

namespace roles::roster {

/// Sets `window`, `stale_after`, `bots` and `thresholds` of `roster` from the top-level
/// entries that give them, reporting bad durations, types and out-of-range thresholds.
void read_settings(const Doc& doc, const std::vector<Entry>& top, Roster& roster);

/// The keys of `thresholds:`, one per Thresholds field, in declaration order.
[[nodiscard]] const std::vector<std::string>& threshold_keys();

}  // namespace roles::roster
