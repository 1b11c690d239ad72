#pragma once
// Check-ins (engine/checkin.hpp) in words, the same in every text format.

#include <fmt/format.h>

#include <string>

#include "roles/engine/checkin.hpp"
#include "roles/util/time.hpp"

namespace roles::report {

/// "too-much on 2025-06-30".
inline std::string checkin_answer_words(const engine::PersonCheckin& c) {
    return fmt::format("{} on {}", roster::to_string(c.checkin.answer), util::format_date(c.checkin.date.seconds()));
}

/// "measured light: says more than measured", "measured heavy: says less than measured", or
/// "measured moderate" when they agree.
inline std::string checkin_measured_words(const engine::PersonCheckin& c) {
    auto out = "measured " + std::string(engine::to_string(c.measured));
    if (c.agreement == engine::Agreement::says_more_than_measured) out += ": says more than measured";
    if (c.agreement == engine::Agreement::says_less_than_measured) out += ": says less than measured";
    return out;
}

/// "3 of 5 people who checked in (60%) said just-right; the goal is 80%, not met. Other
/// answers: 1 too-much, 1 not-enough. 1 disagrees with the measured load."
inline std::string checkin_summary_words(const engine::CheckinSummary& s) {
    if (s.people == 0) return fmt::format("Nobody checked in this cycle (goal: {:.0f}% just-right).", s.goal * 100.0);
    std::string others;
    const auto add = [&](std::uint32_t n, const char* answer) {
        if (n > 0) others += fmt::format("{}{} {}", others.empty() ? "" : ", ", n, answer);
    };
    add(s.too_much, "too-much");
    add(s.not_enough, "not-enough");
    add(s.dont_know, "dont-know");
    return fmt::format("{} of {} {} who checked in ({:.0f}%) said just-right; the goal is {:.0f}%, {}.{}{}",
                       s.just_right, s.people, s.people == 1 ? "person" : "people", s.share * 100.0, s.goal * 100.0,
                       s.met ? "met" : "not met", others.empty() ? "" : " Other answers: " + others + ".",
                       s.disagreements == 0
                           ? ""
                           : fmt::format(" {} {} with the measured load.", s.disagreements,
                                         s.disagreements == 1 ? "disagrees" : "disagree"));
}

}  // namespace roles::report
