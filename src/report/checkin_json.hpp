#pragma once
// Check-ins in JSON, the same in roles.load/1 and roles.report/1 (internal to report/).

#include <optional>

#include <nlohmann/json.hpp>

#include "roles/engine/checkin.hpp"
#include "roles/util/time.hpp"

namespace roles::report {

/// {"date", "answer", "note", "measured", "agreement", "disagrees"}, or null.
inline nlohmann::ordered_json checkin_json(const std::optional<engine::PersonCheckin>& c) {
    using Json = nlohmann::ordered_json;
    if (!c) return Json(nullptr);
    return {{"date", util::format_date(c->checkin.date.seconds())},
            {"answer", roster::to_string(c->checkin.answer)},
            {"note", c->checkin.note ? Json(*c->checkin.note) : Json(nullptr)},
            {"measured", engine::to_string(c->measured)},
            {"agreement", engine::to_string(c->agreement)},
            {"disagrees", c->disagrees()}};
}

/// The window's answers: counts, the just-right share, the goal and whether it is met.
inline nlohmann::ordered_json checkin_summary_json(const engine::CheckinSummary& s) {
    return {{"people", s.people},       {"not_enough", s.not_enough}, {"just_right", s.just_right},
            {"too_much", s.too_much},   {"dont_know", s.dont_know},   {"disagreements", s.disagreements},
            {"just_right_share", s.share}, {"goal", s.goal},          {"met", s.met}};
}

}  // namespace roles::report
