// Check-ins against the measured load: the bands, the latest check-in of a window, the
// disagreement flag and the just-right share. Every expected value is worked out by hand.
#include <catch2/catch.hpp>

#include "roles/engine/checkin.hpp"

using namespace roles::engine;
using roles::roster::Checkin;
using roles::roster::CheckinAnswer;
using roles::roster::Date;
using roles::roster::Thresholds;

namespace {

Checkin on(std::int64_t day, CheckinAnswer answer) { return {Date{day}, answer, std::nullopt, {}}; }

// Days 100 (00:00 UTC) to 190 (23:59:59).
const Window k_window{100 * 86400, 191 * 86400 - 1};

}  // namespace

TEST_CASE("measured load is light, moderate or heavy by the load thresholds", "[engine][checkin]") {
    const Thresholds t;  // commitment_max 1.0: light up to 0.50 with no signal, heavy above 1.00 or at high risk
    CHECK(measured_load(0.5, RiskLevel::none, t) == MeasuredLoad::light);
    CHECK(measured_load(0.0, RiskLevel::none, t) == MeasuredLoad::light);
    CHECK(measured_load(0.51, RiskLevel::none, t) == MeasuredLoad::moderate);
    CHECK(measured_load(0.2, RiskLevel::low, t) == MeasuredLoad::moderate);
    CHECK(measured_load(1.0, RiskLevel::medium, t) == MeasuredLoad::moderate);
    CHECK(measured_load(1.01, RiskLevel::none, t) == MeasuredLoad::heavy);
    CHECK(measured_load(0.2, RiskLevel::high, t) == MeasuredLoad::heavy);
    Thresholds strict;
    strict.commitment_max = 0.8;  // light up to 0.40, heavy above 0.80
    CHECK(measured_load(0.4, RiskLevel::none, strict) == MeasuredLoad::light);
    CHECK(measured_load(0.81, RiskLevel::none, strict) == MeasuredLoad::heavy);
}

TEST_CASE("a window's check-in is the latest dated in it, flagged when it contradicts", "[engine][checkin]") {
    const Thresholds t;
    const std::vector<Checkin> checkins{on(99, CheckinAnswer::not_enough), on(150, CheckinAnswer::just_right),
                                        on(190, CheckinAnswer::too_much), on(191, CheckinAnswer::not_enough)};
    // Day 99 is before the window and day 191 after it: day 190's too-much is the one.
    const auto light = checkin_for(checkins, k_window, 0.3, RiskLevel::none, t);
    REQUIRE(light.has_value());
    CHECK(light->checkin.date.days == 190);
    CHECK(light->measured == MeasuredLoad::light);
    CHECK(light->agreement == Agreement::says_more_than_measured);
    CHECK(light->disagrees());
    // The same answer with a moderate measured load agrees.
    CHECK_FALSE(checkin_for(checkins, k_window, 0.8, RiskLevel::none, t)->disagrees());
    // not-enough while over-committed: the reverse.
    const std::vector<Checkin> wants_more{on(120, CheckinAnswer::not_enough)};
    const auto heavy = checkin_for(wants_more, k_window, 1.25, RiskLevel::none, t);
    CHECK(heavy->measured == MeasuredLoad::heavy);
    CHECK(heavy->agreement == Agreement::says_less_than_measured);
    // dont-know never disagrees; no check-in in the window is none.
    CHECK_FALSE(checkin_for({on(120, CheckinAnswer::dont_know)}, k_window, 1.25, RiskLevel::high, t)->disagrees());
    CHECK_FALSE(checkin_for({on(99, CheckinAnswer::too_much)}, k_window, 0.0, RiskLevel::none, t).has_value());
    CHECK(to_string(Agreement::says_more_than_measured) == "says-more-than-measured");
}

TEST_CASE("the just-right share counts every answer against the goal", "[engine][checkin]") {
    const PersonCheckin right{on(120, CheckinAnswer::just_right), MeasuredLoad::moderate, Agreement::agrees};
    const PersonCheckin much{on(120, CheckinAnswer::too_much), MeasuredLoad::light, Agreement::says_more_than_measured};
    const PersonCheckin unsure{on(120, CheckinAnswer::dont_know), MeasuredLoad::heavy, Agreement::agrees};
    // 3 just-right of 5 answers = 60%: below a goal of 80%, meets a goal of 60%.
    const std::vector<const PersonCheckin*> five{&right, &much, &right, &unsure, &right, nullptr};
    const auto s = summarise_checkins(five, 0.8);
    CHECK(s.people == 5);
    CHECK(s.just_right == 3);
    CHECK(s.too_much == 1);
    CHECK(s.dont_know == 1);
    CHECK(s.not_enough == 0);
    CHECK(s.disagreements == 1);
    CHECK(s.share == Approx(0.6));
    CHECK_FALSE(s.met);
    CHECK(summarise_checkins(five, 0.6).met);
    const auto none = summarise_checkins({}, 0.8);
    CHECK(none.people == 0);
    CHECK(none.share == 0.0);
    CHECK_FALSE(none.met);
}
