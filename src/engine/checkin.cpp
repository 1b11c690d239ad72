#include "roles/engine/checkin.hpp"

namespace roles::engine {

std::string_view to_string(MeasuredLoad load) {
    switch (load) {
        case MeasuredLoad::light: return "light";
        case MeasuredLoad::moderate: return "moderate";
        case MeasuredLoad::heavy: return "heavy";
    }
    return "moderate";
}

std::string_view to_string(Agreement agreement) {
    switch (agreement) {
        case Agreement::agrees: return "agrees";
        case Agreement::says_more_than_measured: return "says-more-than-measured";
        case Agreement::says_less_than_measured: return "says-less-than-measured";
    }
    return "agrees";
}

MeasuredLoad measured_load(double commitment, RiskLevel risk, const roster::Thresholds& thresholds) {
    if (commitment > thresholds.commitment_max || risk == RiskLevel::high) return MeasuredLoad::heavy;
    if (commitment <= thresholds.commitment_max / 2.0 && risk == RiskLevel::none) return MeasuredLoad::light;
    return MeasuredLoad::moderate;
}

std::optional<PersonCheckin> checkin_for(const std::vector<roster::Checkin>& checkins, const Window& window,
                                         double commitment, RiskLevel risk, const roster::Thresholds& thresholds) {
    const roster::Checkin* latest = nullptr;
    for (const auto& checkin : checkins) {
        if (window.contains(checkin.date.seconds())) latest = &checkin;  // oldest first: the last one wins
    }
    if (latest == nullptr) return std::nullopt;
    PersonCheckin out{*latest, measured_load(commitment, risk, thresholds), Agreement::agrees};
    if (latest->answer == roster::CheckinAnswer::too_much && out.measured == MeasuredLoad::light) {
        out.agreement = Agreement::says_more_than_measured;
    } else if (latest->answer == roster::CheckinAnswer::not_enough && out.measured == MeasuredLoad::heavy) {
        out.agreement = Agreement::says_less_than_measured;
    }
    return out;
}

CheckinSummary summarise_checkins(const std::vector<const PersonCheckin*>& checkins, double goal) {
    CheckinSummary s;
    s.goal = goal;
    for (const auto* c : checkins) {
        if (c == nullptr) continue;
        ++s.people;
        switch (c->checkin.answer) {
            case roster::CheckinAnswer::not_enough: ++s.not_enough; break;
            case roster::CheckinAnswer::just_right: ++s.just_right; break;
            case roster::CheckinAnswer::too_much: ++s.too_much; break;
            case roster::CheckinAnswer::dont_know: ++s.dont_know; break;
        }
        if (c->disagrees()) ++s.disagreements;
    }
    s.share = s.people == 0 ? 0.0 : static_cast<double>(s.just_right) / s.people;
    s.met = s.people > 0 && s.share >= goal;
    return s;
}

}  // namespace roles::engine
