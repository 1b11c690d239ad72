#include <nlohmann/json.hpp>

#include "checkin_json.hpp"
#include "json_text.hpp"
#include "roles/report/load.hpp"
#include "roles/util/time.hpp"

namespace roles::report {
namespace {

using Json = nlohmann::ordered_json;
using engine::Signal;

Json optional_day(const engine::Streak& streak, const roster::Date& date) {
    return streak.days == 0 ? Json(nullptr) : Json(util::format_date(date.seconds()));
}

Json share_test_json(const engine::ShareTest& test) {
    return {{"on", test.on},
            {"enough_commits", test.enough_commits},
            {"recent_commits", test.recent_commits},
            {"recent_matching", test.recent_matching},
            {"recent_share", test.recent_share()},
            {"baseline_commits", test.baseline_commits},
            {"baseline_matching", test.baseline_matching},
            {"baseline_share", test.baseline_share()}};
}

Json signals_json(const engine::PersonLoad& load) {
    const auto& s = load.signals;
    const auto& streak = load.profile.longest_streak;
    return {
        {std::string(engine::to_string(Signal::after_hours)), share_test_json(s.after_hours)},
        {std::string(engine::to_string(Signal::weekend)), share_test_json(s.weekend)},
        {std::string(engine::to_string(Signal::long_streak)),
         {{"on", s.long_streak},
          {"days", streak.days},
          {"first", optional_day(streak, streak.first)},
          {"last", optional_day(streak, streak.last)}}},
        {std::string(engine::to_string(Signal::rising_load)),
         {{"on", s.rising_load.on},
          {"recent_active_days", s.rising_load.recent_active_days},
          {"previous_active_days", s.rising_load.previous_active_days}}},
        {std::string(engine::to_string(Signal::over_committed)),
         {{"on", s.over_committed}, {"commitment", s.hat_load.commitment}}},
        {std::string(engine::to_string(Signal::many_hats)), {{"on", s.many_hats}, {"hats", s.hat_load.hats}}},
        {std::string(engine::to_string(Signal::sole_holder)),
         {{"on", s.sole_holder}, {"sole_hats", s.hat_load.sole_hats}}}};
}

Json evidence_json(const engine::PersonLoadRow& row) {
    Json out = Json::array();
    for (const auto& hat : row.evidence) {
        out.push_back({{"hat", hat.hat},
                       {"held", hat.held},
                       {"sole", hat.sole},
                       {"effort", hat.effort},
                       {"evidence", hat.evidence},
                       {"items", hat.items},
                       {"share", hat.share},
                       {"last", hat.last ? Json(util::format_date(*hat.last)) : Json(nullptr)}});
    }
    return out;
}

Json activity_json(const engine::PersonLoadRow& row) {
    Json counts = Json::object();
    for (std::size_t k = 0; k < row.activity.size(); ++k) {
        counts[std::string(roster::to_string(static_cast<roster::ActivityKind>(k)))] = row.activity[k];
    }
    const auto& last = row.last_activity;
    return {{"in_window", counts},
            {"last_active", last ? Json(util::format_date(last->time)) : Json(nullptr)},
            {"last_active_kind", last ? Json(roster::to_string(last->kind)) : Json(nullptr)}};
}

Json person_json(const engine::PersonLoadRow& row) {
    Json active = Json::array();
    for (const auto signal : row.load.signals.active()) active.push_back(engine::to_string(signal));
    const auto& p = row.load.profile;
    return {{"person", row.key},
            {"name", row.name},
            {"on_roster", row.on_roster},
            {"affiliation", row.affiliation ? Json(*row.affiliation) : Json(nullptr)},
            {"capacity", row.capacity},
            {"hats", row.hats},
            {"sole_hats", row.sole_hats},
            {"effort", row.effort},
            {"commitment", row.commitment},
            {"commits", p.commits},
            {"active_days", p.active_days},
            {"commit_share", row.commit_share},
            {"activity", activity_json(row)},
            {"risk", engine::to_string(row.risk)},
            {"active_signals", active},
            {"signals", signals_json(row.load)},
            {"by_hour", p.by_hour},
            {"by_weekday", p.by_weekday},
            {"evidence", evidence_json(row)},
            {"checkin", checkin_json(row.checkin)}};
}

Json thresholds_json(const roster::Thresholds& t) {
    return {{"after_hours_ratio", t.after_hours_ratio},
            {"after_hours_min_commits", t.after_hours_min_commits},
            {"recent_days", t.recent_days},
            {"baseline_days", t.baseline_days},
            {"long_streak_days", t.long_streak_days},
            {"rising_load_ratio", t.rising_load_ratio},
            {"rising_load_min_days", t.rising_load_min_days},
            {"commitment_max", t.commitment_max},
            {"many_hats", t.many_hats},
            {"sole_holder_hats", t.sole_holder_hats},
            {"checkin_goal", t.checkin_goal}};
}

}  // namespace

std::string render_load_json(const LoadView& view) {
    const auto& r = view.result;
    Json people = Json::array();
    if (view.person != nullptr) {
        people.push_back(person_json(*view.person));
    } else {
        for (const auto& row : r.people) people.push_back(person_json(row));
    }
    Json out = {{"schema", "roles.load/1"},
                {"project", r.project},
                {"roster", r.roster_file.empty() ? Json(nullptr) : Json(r.roster_file)},
                {"mode", engine::to_string(r.mode)},
                {"window",
                 {{"since", util::format_date(r.window.begin)},
                  {"until", util::format_date(r.window.end)},
                  {"since_epoch", r.window.begin},
                  {"until_epoch", r.window.end},
                  {"rule", engine::to_string(r.window_rule)}}},
                {"head", r.head_id},
                {"shallow", r.shallow},
                {"commits", r.commits},
                {"person", view.person != nullptr ? Json(view.person->key) : Json(nullptr)},
                {"thresholds", thresholds_json(r.thresholds)},
                {"people", people},
                {"checkins", checkin_summary_json(r.checkins)},
                {"warnings", r.warnings}};
    return json_text(out);
}

}  // namespace roles::report
