#pragma once
// A hand-made CycleReport for the renderer tests: every value chosen here, nothing computed.

#include "roles/engine/cycle.hpp"

namespace roles::test {

inline constexpr std::int64_t k_cycle_begin = 1743465600;  // 2025-04-01T00:00:00Z
inline constexpr std::int64_t k_cycle_day = 86400;

/// Project "demo", cycle 2025-04-01..2025-04-21 (21 days, dates), previous 2025-03-11 ..
/// 2025-03-31. Hats: "ptl" ok (gibi, 4 items, up from 2); "security-liaison" vacant (was
/// single-point; tkajinam did 1 of 1; sylvain's term ended 2025-04-10). People: gibi (high
/// risk, up from low; commitment 1.25 up from 1.00; 6 commits, same), tkajinam (new; 3
/// commits). Newcomer tkajinam; leaver sylvain. Weeks 2, 0, 7. One release, one ask. The
/// digest as digest_cycle would make it: both people in the matrix (gibi holds ptl,
/// tkajinam did 100% of security-liaison), only gibi in the load chart and the load table
/// (tkajinam has no hat effort, no hat and no risk); security-liaison needs someone and the
/// one ask is about it.
inline engine::CycleReport cycle_fixture() {
    using engine::make_figure;
    using engine::Polarity;
    engine::CycleReport r;
    r.project = "demo";
    r.roster_file = "ROLES.yaml";
    r.head_id = "0123456789abcdef0123456789abcdef01234567";
    r.cycle.label = "2025-04-01..2025-04-21";
    r.cycle.from = {"2025-04-01", engine::EndpointKind::date, "", "", engine::Placement::on_line, k_cycle_begin};
    r.cycle.to = {"2025-04-21", engine::EndpointKind::date, "", "", engine::Placement::on_line, k_cycle_begin + 20 * k_cycle_day};
    r.cycle.window = {k_cycle_begin, k_cycle_begin + 21 * k_cycle_day - 1};
    r.cycle.previous = {k_cycle_begin - 21 * k_cycle_day, k_cycle_begin - 1};
    r.cycle.previous_label = "2025-03-11..2025-03-31";
    r.previous_exists = true;
    auto& s = r.summary;
    s.hats = 2;
    s.hats_ok = make_figure(1, 2, Polarity::higher_is_better);
    s.hats_at_risk = make_figure(0, 0, Polarity::lower_is_better);
    s.hats_vacant = make_figure(1, 0, Polarity::lower_is_better);
    s.hats_unassigned = make_figure(0, 0, Polarity::neutral);
    s.truck_factor = make_figure(1, 2, Polarity::higher_is_better);
    s.contributor_absence = make_figure(1, 1, Polarity::higher_is_better);
    s.elephant = make_figure(1, 1, Polarity::higher_is_better);
    s.commits = make_figure(9, 8, Polarity::neutral);
    s.contributors = make_figure(2, 2, Polarity::higher_is_better);
    s.releases = make_figure(1, 0, Polarity::neutral);
    s.high_risk = make_figure(1, 0, Polarity::lower_is_better);
    r.truck_factor.truck_factor = 1;
    r.truck_factor.files = 4;
    r.truck_factor.people.push_back({"gibi", "gibi", 3, 7});
    r.contributor_absence = {1, 9, {{"gibi", engine::GroupKind::person, 6, 6.0 / 9.0, {"gibi"}, "gibi", {"gibi"}}}};
    r.elephant = {1, 9, {{"Example Corp", engine::GroupKind::organisation, 6, 6.0 / 9.0, {"gibi"}, "Example Corp", {"gibi"}}}};

    engine::HatCycle ptl;
    ptl.hat = "ptl";
    ptl.title = "PTL";
    ptl.status = engine::Status::ok;
    ptl.previous_status = engine::Status::ok;
    ptl.holders.push_back({0, "gibi", k_cycle_begin + 19 * k_cycle_day, true, 4});
    ptl.previous_holders = {"gibi"};
    ptl.evidence = make_figure(4, 2, Polarity::neutral);
    ptl.holder_share = 1.0;
    ptl.contributors.push_back({0, "gibi", "gibi", 4, 1.0, true});
    ptl.finding.code = engine::FindingCode::ok;
    ptl.finding.count = 1;
    ptl.finding.items = 4;
    ptl.finding.share = 1.0;
    engine::HatCycle sec;
    sec.hat = "security-liaison";
    sec.title = "Security liaison";
    sec.status = engine::Status::vacant;
    sec.previous_status = engine::Status::single_point;
    sec.former_holders.push_back({"sylvain", k_cycle_begin + 9 * k_cycle_day});
    sec.previous_holders = {"sylvain"};
    sec.evidence = make_figure(1, 3, Polarity::neutral);
    sec.contributors.push_back({1, "tkajinam", "Takashi Kajinami", 1, 1.0, false});
    sec.finding.code = engine::FindingCode::vacant;
    sec.finding.people = {{"tkajinam", "tkajinam", 1, 1.0}};
    sec.changes.push_back({engine::HatChange::Kind::became_vacant, "", "vacant (was single-point)"});
    r.hats = {ptl, sec};

    engine::PersonCycle gibi;
    gibi.key = "gibi";
    gibi.name = "Balazs Gibizer";
    gibi.on_roster = true;
    gibi.capacity = 0.4;
    gibi.effort = 0.5;
    gibi.commitment = make_figure(1.25, 1.0, Polarity::neutral, engine::Scale::ratio);
    gibi.commits = make_figure(6, 6, Polarity::neutral);
    gibi.active_days = make_figure(5, 4, Polarity::neutral);
    gibi.hats = {"ptl"};
    gibi.sole_hats = {"ptl"};
    gibi.risk = engine::RiskLevel::high;
    gibi.previous_risk = engine::RiskLevel::low;
    gibi.risk_trend = engine::Trend::up;
    gibi.risk_assessment = engine::Assessment::worse;
    gibi.load.signals.over_committed = true;
    gibi.load.signals.hat_load = {1, 1, 1.25};
    engine::PersonCycle tkajinam;
    tkajinam.key = "tkajinam";
    tkajinam.name = "Takashi Kajinami";
    tkajinam.commitment = make_figure(0, std::nullopt, Polarity::neutral, engine::Scale::ratio);
    tkajinam.commits = make_figure(3, std::nullopt, Polarity::neutral);
    tkajinam.active_days = make_figure(3, std::nullopt, Polarity::neutral);
    r.people = {gibi, tkajinam};

    r.newcomers.push_back({"tkajinam", "Takashi Kajinami", k_cycle_begin + 2 * k_cycle_day, 3});
    r.leavers.push_back({"sylvain", "Sylvain Bauza", k_cycle_begin - 5 * k_cycle_day, 2, {}});
    r.releases.push_back({"31.0.0", std::string(40, 'a'), k_cycle_begin + 20 * k_cycle_day, "gibi", true});
    r.weeks = {{k_cycle_begin, 2}, {k_cycle_begin + 7 * k_cycle_day, 0}, {k_cycle_begin + 14 * k_cycle_day, 7}};
    r.asks.push_back({engine::AskKind::appoint, {"security-liaison"}, {"tkajinam"},
                      "Appoint someone as security liaison: the hat is vacant; doing its work this cycle: tkajinam "
                      "(100%)"});
    auto& d = r.digest;
    d.matrix_people = {0, 1};
    d.load_rows = {0};
    d.load_left_out = 1;
    d.load_table = {{0}, 1};
    d.hats.resize(2);
    d.hats[0].holders = {{0}, 0};
    d.hats[0].workers = {{0}, 0};
    d.hats[1].workers = {{0}, 0};
    d.hats[1].needs_someone = true;
    d.hats[1].asks = {0};
    d.newcomers = {{0}, 0};
    d.leavers = {{0}, 0};
    d.truck_people = {{0}, 0};
    return r;
}

}  // namespace roles::test
