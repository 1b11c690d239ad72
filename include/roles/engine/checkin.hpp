#pragma once
// Self-reported load (docs/formulas.md, "Check-ins"): a person's answer to "how does your
// load feel?" for a cycle, next to the load measured from history, and whether the two
// disagree.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "roles/engine/activity.hpp"
#include "roles/engine/burnout.hpp"
#include "roles/roster/roster.hpp"

namespace roles::engine {

/// The measured load in three bands, from the load and burnout thresholds:
///  - heavy: over-committed (commitment above thresholds.commitment_max) or high burnout risk;
///  - light: commitment at most half of commitment_max and no burnout signal on (risk none);
///  - moderate: everything between.
enum class MeasuredLoad : std::uint8_t { light, moderate, heavy };
/// "light", "moderate", "heavy".
[[nodiscard]] std::string_view to_string(MeasuredLoad load);

/// How an answer and the measured load compare.
enum class Agreement : std::uint8_t {
    agrees,              ///< no contradiction (dont-know never contradicts)
    says_more_than_measured,  ///< says too-much while the measured load is light
    says_less_than_measured   ///< says not-enough while the measured load is heavy
};
/// "agrees", "says-more-than-measured", "says-less-than-measured".
[[nodiscard]] std::string_view to_string(Agreement agreement);

/// A person's check-in for a window: their latest check-in dated inside it (its day's 00:00
/// UTC within the window), against what was measured.
struct PersonCheckin {
    roster::Checkin checkin;
    MeasuredLoad measured = MeasuredLoad::moderate;
    Agreement agreement = Agreement::agrees;
    [[nodiscard]] bool disagrees() const { return agreement != Agreement::agrees; }
};

[[nodiscard]] MeasuredLoad measured_load(double commitment, RiskLevel risk, const roster::Thresholds& thresholds);

/// The person's check-in for `window`, or nullopt when they gave none in it.
[[nodiscard]] std::optional<PersonCheckin> checkin_for(const std::vector<roster::Checkin>& checkins,
                                                       const Window& window, double commitment, RiskLevel risk,
                                                       const roster::Thresholds& thresholds);

/// The answers of a window. `share` is just_right ÷ people (every answer counts, dont-know
/// included); 0 when nobody answered. `met`: someone answered and share ≥ goal.
struct CheckinSummary {
    std::uint32_t people = 0;  ///< people with a check-in in the window
    std::uint32_t not_enough = 0;
    std::uint32_t just_right = 0;
    std::uint32_t too_much = 0;
    std::uint32_t dont_know = 0;
    std::uint32_t disagreements = 0;
    double share = 0.0;
    double goal = 0.8;         ///< thresholds.checkin_goal
    bool met = false;
};

[[nodiscard]] CheckinSummary summarise_checkins(const std::vector<const PersonCheckin*>& checkins, double goal);

}  // namespace roles::engine
