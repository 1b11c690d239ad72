#pragma once
// Calendar helpers on seconds since the epoch.

#include <cstdint>
#include <string>

namespace roles::util {

/// "YYYY-MM-DD" of the UTC day containing `seconds`.
[[nodiscard]] std::string format_date(std::int64_t seconds);

/// Whole days since the epoch of the UTC day containing `seconds` (floor, so negative
/// times map to earlier days).
[[nodiscard]] std::int64_t day_number(std::int64_t seconds);

}  // namespace roles::util
