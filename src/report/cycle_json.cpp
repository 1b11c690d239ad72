#include <nlohmann/json.hpp>

#include "checkin_json.hpp"
#include "json_text.hpp"
#include "roles/report/findings.hpp"
#include "roles/report/cycle.hpp"
#include "roles/report/load.hpp"
#include "roles/util/time.hpp"

namespace roles::report {
namespace {

using Json = nlohmann::ordered_json;
using engine::Figure;

constexpr std::int64_t k_day = 86400;

// Counts print as integers, ratios as the two-decimal value the engine rounded them to.
Json number(double value, engine::Scale scale) {
    if (scale == engine::Scale::count) return static_cast<std::int64_t>(value);
    return value;
}

Json figure_json(const Figure& f) {
    return {{"current", number(f.current, f.scale)},
            {"previous", f.previous ? number(*f.previous, f.scale) : Json(nullptr)},
            {"trend", engine::to_string(f.trend)},
            {"assessment", engine::to_string(f.assessment)}};
}

Json date_or_null(const std::optional<std::int64_t>& seconds) {
    return seconds ? Json(util::format_date(*seconds)) : Json(nullptr);
}

std::string_view kind_name(engine::EndpointKind kind) {
    switch (kind) {
        case engine::EndpointKind::date: return "date";
        case engine::EndpointKind::tag: return "tag";
        case engine::EndpointKind::commit: return "commit";
        case engine::EndpointKind::ref: return "ref";
    }
    return "date";
}

Json endpoint_json(const engine::CycleEndpoint& end) {
    return {{"ref", end.spec},
            {"kind", kind_name(end.kind)},
            {"commit", end.commit.empty() ? Json(nullptr) : Json(end.commit)},
            {"named_commit", end.named.empty() ? Json(nullptr) : Json(end.named)},
            {"placement", end.kind == engine::EndpointKind::date ? Json(nullptr)
                          : Json(end.placement == engine::Placement::on_line ? "on-line" : "fork-point")},
            {"date", util::format_date(end.time)},
            {"epoch", end.time}};
}

Json window_json(const engine::Window& w) {
    return {{"since", util::format_date(w.begin)},
            {"until", util::format_date(w.end)},
            {"since_epoch", w.begin},
            {"until_epoch", w.end},
            {"days", (w.end - w.begin + 1 + k_day / 2) / k_day}};
}

Json cycle_json(const engine::CycleReport& r) {
    Json cycle = {{"label", r.cycle.label},
                  {"automatic", r.cycle.automatic},
                  {"rule", engine::to_string(r.cycle.rule)},
                  {"picked_by", r.cycle.picked_by.empty() ? Json(nullptr) : Json(r.cycle.picked_by)},
                  {"from", endpoint_json(r.cycle.from)},
                  {"to", endpoint_json(r.cycle.to)}};
    cycle.update(window_json(r.cycle.window));
    return cycle;
}

Json summary_json(const engine::CycleSummary& s) {
    return {{"hats", s.hats},
            {"hats_ok", figure_json(s.hats_ok)},
            {"hats_at_risk", figure_json(s.hats_at_risk)},
            {"hats_vacant", figure_json(s.hats_vacant)},
            {"hats_unassigned", figure_json(s.hats_unassigned)},
            {"truck_factor", figure_json(s.truck_factor)},
            {"contributor_absence_factor", figure_json(s.contributor_absence)},
            {"elephant_factor", figure_json(s.elephant)},
            {"commits", figure_json(s.commits)},
            {"contributors", figure_json(s.contributors)},
            {"releases", figure_json(s.releases)},
            {"high_burnout_risk", figure_json(s.high_risk)}};
}

Json truck_json(const engine::ScopedTruckFactor& t) {
    Json people = Json::array();
    for (const auto& p : t.people) people.push_back({{"person", p.key}, {"name", p.label}, {"files", p.files}, {"changes", p.changes}});
    return {{"truck_factor", t.truck_factor}, {"files", t.files}, {"covered_before", t.covered_before},
            {"covered_after", t.covered_after}, {"people", people}};
}

Json factor_json(const engine::ConcentrationFactor& f) {
    Json members = Json::array();
    for (const auto& m : f.members) {
        members.push_back({{"name", m.name}, {"commits", m.commits}, {"share", m.share}, {"people", m.people},
                           {"label", m.label}, {"people_names", m.labels}});
    }
    return {{"factor", f.factor}, {"total_commits", f.total_commits}, {"members", members}};
}

Json hat_json(const engine::HatCycle& hat) {
    Json holders = Json::array();
    for (const auto& h : hat.holders) {
        holders.push_back({{"person", h.key}, {"active", h.active}, {"last_active", date_or_null(h.last_active)},
                           {"evidence", h.evidence}});
    }
    Json former = Json::array();
    for (const auto& f : hat.former_holders) former.push_back({{"person", f.key}, {"until", date_or_null(f.until)}});
    Json contributors = Json::array();
    for (const auto& c : hat.contributors) {
        contributors.push_back({{"person", c.key}, {"name", c.label}, {"evidence", c.evidence}, {"share", c.share}, {"holder", c.holder}});
    }
    Json changes = Json::array();
    for (const auto& c : hat.changes) {
        changes.push_back({{"kind", engine::to_string(c.kind)},
                           {"person", c.person.empty() ? Json(nullptr) : Json(c.person)},
                           {"text", c.text}});
    }
    return {{"id", hat.hat},
            {"title", hat.title},
            {"required", hat.required},
            {"min", hat.min},
            {"status", engine::to_string(hat.status)},
            {"previous_status", hat.previous_status ? Json(engine::to_string(*hat.previous_status)) : Json(nullptr)},
            {"holders", holders},
            {"former_holders", former},
            {"previous_holders", hat.previous_holders},
            {"evidence", figure_json(hat.evidence)},
            {"holder_share", hat.holder_share},
            {"contributors", contributors},
            {"people", hat.people},
            {"reason", finding_message(hat.finding)},
            {"findings", hat.thin_evidence ? Json::array({{{"code", "thin-evidence"},
                                                           {"items", hat.thin_evidence->items},
                                                           {"needed", hat.thin_evidence->needed}}})
                                           : Json::array()},
            {"changes", changes}};
}

Json person_json(const engine::PersonCycle& p) {
    Json signals = Json::array();
    Json figures = Json::array();
    for (const auto signal : p.load.signals.active()) {
        signals.push_back(engine::to_string(signal));
        figures.push_back(signal_brief(p.load.signals, p.load.profile, signal));
    }
    return {{"person", p.key},
            {"name", p.name},
            {"on_roster", p.on_roster},
            {"affiliation", p.affiliation ? Json(*p.affiliation) : Json(nullptr)},
            {"capacity", p.capacity},
            {"effort", p.effort},
            {"commitment", figure_json(p.commitment)},
            {"commits", figure_json(p.commits)},
            {"active_days", figure_json(p.active_days)},
            {"hats", p.hats},
            {"sole_hats", p.sole_hats},
            {"risk",
             {{"current", engine::to_string(p.risk)},
              {"previous", p.previous_risk ? Json(engine::to_string(*p.previous_risk)) : Json(nullptr)},
              {"trend", engine::to_string(p.risk_trend)},
              {"assessment", engine::to_string(p.risk_assessment)}}},
            {"signals", signals},
            {"signal_figures", figures},
            {"checkin", checkin_json(p.checkin)}};
}

template <typename T, typename F>
Json array_of(const std::vector<T>& items, F to_json) {
    Json out = Json::array();
    for (const auto& item : items) out.push_back(to_json(item));
    return out;
}

Json people_changes_json(const engine::CycleReport& r) {
    return {{"newcomers", array_of(r.newcomers,
                                   [](const engine::Newcomer& n) -> Json {
                                       return {{"person", n.key}, {"name", n.name},
                                               {"first_commit", util::format_date(n.first_commit)},
                                               {"commits", n.commits}};
                                   })},
            {"leavers", array_of(r.leavers, [](const engine::Leaver& l) -> Json {
                 return {{"person", l.key}, {"name", l.name}, {"last_commit", util::format_date(l.last_commit)},
                         {"previous_commits", l.previous_commits}, {"hats", l.hats}};
             })}};
}

Json releases_json(const engine::CycleReport& r) {
    return array_of(r.releases, [](const engine::Release& t) -> Json {
        return {{"tag", t.tag}, {"commit", t.commit}, {"date", util::format_date(t.time)}, {"epoch", t.time},
                {"by", t.by.empty() ? Json(nullptr) : Json(t.by)}, {"release", t.release}};
    });
}

Json weeks_json(const engine::CycleReport& r) {
    return array_of(r.weeks, [](const engine::WeekBucket& w) -> Json {
        return {{"since", util::format_date(w.begin)}, {"since_epoch", w.begin}, {"commits", w.commits}};
    });
}

Json asks_json(const engine::CycleReport& r) {
    return array_of(r.asks, [](const engine::Ask& a) -> Json {
        return {{"kind", engine::to_string(a.kind)}, {"hats", a.hats}, {"people", a.people}, {"text", a.text}};
    });
}

}  // namespace

std::string render_cycle_json(const engine::CycleReport& r) {
    Json previous = {{"exists", r.previous_exists}, {"label", r.cycle.previous_label},
                     {"rule", engine::to_string(r.cycle.previous_rule)}};
    previous.update(window_json(r.cycle.previous));
    const auto changes = people_changes_json(r);
    Json out = {{"schema", "roles.report/1"},
                {"project", r.project},
                {"roster", r.roster_file.empty() ? Json(nullptr) : Json(r.roster_file)},
                {"mode", r.mode == engine::RosterMode::discovery ? "discovery" : "roster"},
                {"head", r.head_id},
                {"cycle", cycle_json(r)},
                {"previous", previous},
                {"summary", summary_json(r.summary)},
                {"truck_factor", truck_json(r.truck_factor)},
                {"contributor_absence_factor", factor_json(r.contributor_absence)},
                {"elephant_factor", factor_json(r.elephant)},
                {"hats", array_of(r.hats, hat_json)},
                {"people", array_of(r.people, person_json)},
                {"newcomers", changes["newcomers"]},
                {"leavers", changes["leavers"]},
                {"releases", releases_json(r)},
                {"weeks", weeks_json(r)},
                {"asks", asks_json(r)},
                {"checkins", checkin_summary_json(r.checkins)},
                {"warnings", r.warnings}};
    return json_text(out);
}

}  // namespace roles::report
